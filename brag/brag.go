// Package brag is the one pipeline behind both front doors of git-career,
// `git career` and the GitHub Action: it takes one [Request] and returns
// the brag document to write, and what it changed.
//
// Data flows one way through it, each package visited once and in order:
//
//	history.Repo (opened by the adapter) ─┐
//	github.Read (with a token)  ──────────┴─> analyzer.Analyze ─> impact ─> ladder.Measure ─> report (render, merge)
//
// The impact measures (package impact; impact.go, impact_github.go here)
// read the history the analysis kept around the period (history.Window)
// and, with a token, a few answers from GitHub (github.Measure), and set
// each contribution's Impact; the renderer measures the stories it tells
// through the same evidence, and a living doc's open measured lines are
// measured again. "Now" comes in with the Request.
//
// The adapters (package main: flags and git config, or Action inputs and
// the same git config) open the repositories, read the living doc, and
// build the Request; they write the result where it goes. The pipeline
// reads no flags, no environment and no clock of its own: everything comes
// in through the Request, with a context that every reader honours.
//
// It must never write a file, print, or decide what a flag means.
package brag

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/git-career/git-career/analyzer"
	"github.com/git-career/git-career/analyzer/github"
	"github.com/git-career/git-career/analyzer/history"
	"github.com/git-career/git-career/analyzer/impact"
	"github.com/git-career/git-career/analyzer/ladder"
	"github.com/git-career/git-career/analyzer/work"
	"github.com/git-career/git-career/report"
)

// Request is everything one run needs.
type Request struct {
	// Repos are the repositories to read, each opened once; none is
	// allowed (the Action without a checkout reads GitHub only).
	Repos []*history.Repo
	// Mailmap is extra mailmap text (git config mailmap.file).
	Mailmap  string
	Identity work.Identity
	// Team is the person's CODEOWNERS team (git config career.team).
	Team string
	// Read is the period history and GitHub are read for. Periods, when
	// set, are the doc's periods within it (the quarters of --year): the
	// work read is split among them, each a section of the Markdown doc.
	Read    work.Period
	Periods []work.Period
	// JSON asks for the JSON export rather than the Markdown doc.
	JSON   bool
	Ladder Levels
	GitHub GitHub
	// Doc is the living doc the rendering is merged into, parsed once;
	// nil writes a new one. Unused for JSON.
	Doc *report.Doc
	// DocName names the doc in warnings: the path the person gave.
	DocName string
	// Progress receives progress lines while history is read; nil for
	// none.
	Progress io.Writer
	// Now is the moment of the run: the windows after the work, whose
	// impact is measured (see package impact), end here at the latest.
	// Zero measures nothing.
	Now time.Time
	// NoImpact leaves the measures out (benchmarks compare the two).
	NoImpact bool
}

// Levels is the career ladder a run measures against: the level the
// person is at and the one they aim for, both checked against Ladder by
// the adapter. A nil Ladder measures nothing.
type Levels struct {
	Ladder        *ladder.Ladder
	Level, Target string
}

// GitHub says whether and how GitHub is read.
type GitHub struct {
	Off   bool   // read local history only
	Token string // "" to ask FindToken
	// FindToken looks for a token, only when there is something on
	// GitHub to read (it may run `gh auth token`); none found leaves
	// GitHub out (Result.NoToken).
	FindToken func() string
	User      string // whose work; "" for the token's user
	// Repos and Orgs are the scope searched; with neither, the GitHub
	// remotes of Request.Repos.
	Repos, Orgs []string
	// Hosts are GitHub Enterprise hosts whose remotes name repositories
	// on GitHub, as github.com's do.
	Hosts []string
	// APIRoot is the REST API's root, with a trailing slash.
	APIRoot    string
	HTTPClient *http.Client
	Now        func() time.Time
	Sleep      func(time.Duration) // waits out rate limits
	Progress   io.Writer
}

// Result is what a run made.
type Result struct {
	// Reports are the doc's periods, oldest first (one, or --year's
	// quarters; JSON has one).
	Reports []*work.Report
	// Out is what the file should hold: the rendering, merged into
	// Request.Doc when there is one.
	Out []byte
	// Changes says what the merge changed, one per period; nil for a new
	// doc and for JSON.
	Changes []report.Change
	// Same is true when Out is exactly Request.Doc: there is nothing new
	// to write.
	Same bool
	// Warnings are for the person, said once each.
	Warnings []string
	// NoToken is true when GitHub had something to read but no token
	// was given: pull requests, reviews and issues are left out.
	NoToken bool
	// Stranger is true when nothing of the identity's was found in the
	// period read (no commit by them or crediting them, nothing on
	// GitHub), no measured line of the living doc was refreshed, and not
	// every repository is empty: a period of nothing, or
	// an identity mistyped. Out is then nil; Reports[0] holds the
	// sources, whose Active name who did commit then.
	Stranger bool
	// Remeasured counts, by period, the measured lines of the living doc
	// that were measured again because their window after the work had
	// not ended when written (see report.Doc.MergeWith).
	Remeasured []report.Remeasured
}

// MaxMeasuredDays is the longest period whose work is measured (a leap
// year and a day of slack): see Run.
const MaxMeasuredDays = 367

// Run reads, recognises, measures and renders. It stops with ctx's error
// when ctx is done.
func Run(ctx context.Context, req Request) (*Result, error) {
	res := &Result{}
	gh := req.GitHub
	if !gh.Off && len(gh.Repos) == 0 && len(gh.Orgs) == 0 {
		for _, r := range req.Repos {
			gh.Repos = append(gh.Repos, r.GitHubRemotes(gh.Hosts)...)
		}
	}
	if !gh.Off && len(gh.Repos) == 0 && len(gh.Orgs) == 0 && gh.User == "" {
		gh.Off = true // nothing on GitHub to read
	}
	if !gh.Off && gh.Token == "" && gh.FindToken != nil {
		gh.Token = gh.FindToken()
	}
	if !gh.Off && gh.Token == "" {
		res.NoToken = true
		gh.Off = true
	}

	ev, err := readGitHub(ctx, gh, req)
	if err != nil {
		return nil, err
	}
	opt := analyzer.Options{
		Repos: req.Repos, Mailmap: req.Mailmap, Identity: req.Identity,
		Period: req.Read, Team: req.Team, GitHubHosts: gh.Hosts,
		Progress: req.Progress, GitHub: ev,
	}
	if ev != nil && ev.Login != "" && !req.Identity.All {
		// The login also finds commits made through GitHub's web
		// editor (noreply addresses).
		opt.Identity.Logins = appendNew(append([]string(nil), req.Identity.Logins...), ev.Login)
	}
	// The measures need the history around the period: the windows before
	// the work and after it, up to now, read in the same walk. A living
	// doc may ask for older work to be measured again.
	measuring := !req.NoImpact && !req.Now.IsZero()
	if measuring && req.Read.Until.Sub(req.Read.Since) > MaxMeasuredDays*24*time.Hour {
		// Measuring every item of years of work reads every commit of
		// those years along every file: a whole history's run would take
		// several times what reading it takes. A year is the longest
		// period a review looks back on.
		measuring = false
		res.Warnings = append(res.Warnings, fmt.Sprintf("impact is not measured over a period longer than a year (%s to %s), only quoted from messages: generate it a year or a quarter at a time to measure it",
			req.Read.Since.Format(time.DateOnly), req.Read.Until.Format(time.DateOnly)))
	}
	var open []report.OpenMeasure
	if measuring && len(req.Repos) > 0 {
		if req.Doc != nil && !req.JSON {
			open = req.Doc.Open()
		}
		var since time.Time
		for _, o := range open {
			if since.IsZero() || o.At.Before(since) {
				since = o.At
			}
		}
		opt.Window = measureRange(req.Read, req.Now, since, impact.Days)
		// Without older work to measure again or GitHub's evidence (whose
		// pull requests may hold commits under other names), a repository
		// where the period holds nothing of the person's has nothing to
		// measure.
		opt.WindowIfWork = len(open) == 0 && ev == nil
	}
	rep, windows, err := analyzer.AnalyzeWindows(ctx, opt)
	if err != nil {
		return nil, err
	}
	var m *measurer
	var again map[string][]work.Impact
	if measuring {
		if m, again, err = measureAll(ctx, windows, rep, open, opt.Identity, req.Now); err != nil {
			return nil, err
		}
		if ev != nil {
			warns, err := measureGitHub(ctx, gh, ev, rep, m, open, again)
			if err != nil {
				return nil, err
			}
			res.Warnings = append(res.Warnings, warns...)
		}
	}
	if len(rep.Contributions) == 0 && len(rep.Later) == 0 && len(rep.Tagged) == 0 && len(again) == 0 && !req.Identity.All && len(req.Repos) > 0 {
		// Nothing of the person's in what was read, and no measured line
		// of the living doc to refresh. Whether they wrote
		// anything at all before would need the whole history, which
		// costs what the repository's size costs, not the period's: the
		// period is what is said (an empty repository is an empty doc).
		empty := true
		for _, r := range req.Repos {
			e, err := r.Empty()
			if err != nil {
				return nil, err
			}
			empty = empty && e
		}
		if !empty {
			res.Stranger, res.Reports = true, []*work.Report{rep}
			return res, nil
		}
	}
	res.Reports = []*work.Report{rep}
	if len(req.Periods) > 0 && !req.JSON {
		res.Reports = rep.Split(req.Periods)
	}
	nextLevel := ""
	for _, p := range res.Reports {
		if nextLevel, err = req.Ladder.measure(p); err != nil {
			return nil, err
		}
	}
	if err := res.render(req, nextLevel, m, again); err != nil {
		return nil, err
	}
	return res, nil
}

// readGitHub reads the person's pull requests, reviews and issues in the
// period; nil when GitHub is off.
func readGitHub(ctx context.Context, gh GitHub, req Request) (*github.Evidence, error) {
	if gh.Off {
		return nil, nil
	}
	return github.Read(ctx, github.Options{
		HTTPClient: gh.HTTPClient, BaseURL: gh.APIRoot, Token: gh.Token, User: gh.User,
		Repos: gh.Repos, Orgs: gh.Orgs, Period: req.Read, Now: gh.Now, Sleep: gh.Sleep,
		// Without career.team, the user's teams tell which CODEOWNERS
		// entries are theirs.
		Teams: req.Team == "", Progress: gh.Progress,
	})
}

// measure sets rep.Toward, and returns the title of the level measured
// toward, for the doc's 1:1 questions, or "".
func (l Levels) measure(rep *work.Report) (string, error) {
	if l.Ladder == nil {
		return "", nil
	}
	// Only what shipped is evidence of a level.
	var shipped []work.Contribution
	for _, c := range rep.Contributions {
		if !c.Unmerged {
			shipped = append(shipped, c)
		}
	}
	t, err := ladder.Measure(l.Ladder, l.Level, l.Target, shipped)
	if err != nil {
		return "", err
	}
	rep.Toward = t
	return t.Target.Title, nil
}

// render writes the reports in the format asked for, and merges a
// Markdown doc into the living one.
func (res *Result) render(req Request, nextLevel string, m *measurer, again map[string][]work.Impact) error {
	var buf bytes.Buffer
	if req.JSON {
		if err := report.JSON(&buf, res.Reports[0]); err != nil {
			return fmt.Errorf("rendering: %w", err)
		}
		res.Out = buf.Bytes()
		return nil
	}
	opt := report.Options{Score: work.Score, NextLevel: nextLevel}
	if m != nil {
		opt.Measure = func(c *work.Contribution) []work.Impact { return m.measure(c, "") }
	}
	if req.Doc != nil {
		// What the doc already lists is rendered knowing it, so a rerun
		// never regroups listed commits into a second series, and an
		// item the person deleted is never highlighted again.
		opt.Known, opt.Deleted = req.Doc.Known(), req.Doc.Deleted()
	}
	var err error
	if len(res.Reports) == 1 {
		err = report.Markdown(&buf, res.Reports[0], opt)
	} else {
		err = report.MarkdownPeriods(&buf, res.Reports, opt)
	}
	if err != nil {
		return fmt.Errorf("rendering: %w", err)
	}
	res.Out = buf.Bytes()
	if req.Doc == nil {
		return nil
	}
	if a, b := req.Doc.Title(), report.Title(res.Out); a != "" && b != "" && a != b {
		// Merging is safe either way, but someone else's work in your doc
		// (or --author '*' in it) is rarely what was meant.
		res.Warnings = append(res.Warnings, fmt.Sprintf("%q is %q; merging %q into it", req.DocName, a, b))
	}
	merged, changes, remeasured, err := req.Doc.MergeWith(res.Out, again)
	if err != nil {
		return err
	}
	res.Out, res.Changes, res.Remeasured = merged, changes, remeasured
	res.Same = bytes.Equal(merged, req.Doc.Bytes())
	return nil
}

// appendNew appends s unless list holds it already (case-insensitively).
func appendNew(list []string, s string) []string {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return list
		}
	}
	return append(list, s)
}
