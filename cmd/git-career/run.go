package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/git-career/git-career/analyzer/history"
	"github.com/git-career/git-career/analyzer/work"
	"github.com/git-career/git-career/brag"
	"github.com/git-career/git-career/report"
)

// suggestAuthors is how many frequent authors a missing identity names.
const suggestAuthors = 3

// run is the whole command: flags, configuration, analysis, output.
func (a *app) run(ctx context.Context, args []string) error {
	if len(args) > 0 && args[0] == "action" {
		return a.actionRun(ctx)
	}
	if len(args) > 0 && args[0] == "init" {
		return a.initRun(args[1:])
	}
	if isVersionArg(args) {
		printVersion(a.stdout)
		return nil
	}
	if len(args) > 0 && args[0] == "completion" {
		return a.completionRun(args[1:])
	}
	o, err := parseFlags(args, a.stdout)
	if err != nil {
		return err
	}
	periods, err := resolvePeriods(o, a.now())
	if err != nil {
		return err
	}
	repos, err := openRepos(o.repos)
	if err != nil {
		return err
	}
	defer closeRepos(repos)
	// Configuration comes from the first repository, as `git -C` would.
	cfg, err := repos[0].Config(a.getenv)
	if err != nil {
		return err
	}
	id := identity(o.authors, cfg)
	if o.githubUser != "" && !id.All {
		id.Logins = appendNew(id.Logins, o.githubUser)
	}
	if !id.All && len(id.Emails)+len(id.Names)+len(id.Logins) == 0 {
		return a.noIdentity(repos[0])
	}
	set, err := a.settings(cfg, o.level, o.target, o.ladder)
	if err != nil {
		return err
	}
	if o.output == "" && o.format != "json" {
		// career.output names the living Markdown doc, not JSON exports.
		o.output = history.ExpandHome(cfg.Get("career.output"), a.getenv("HOME"))
	}
	if o.output == "-" {
		o.output = "" // "-o -" is stdout, as for most tools
	}
	if o.forceNew && o.output == "" {
		return usagef("--force-new needs -o FILE (or git config career.output)")
	}
	// The output is checked (and an existing doc read) before any history
	// is: a wrong -o fails at once.
	var out *outputFile
	req := set.request(repos, id)
	req.JSON = o.format == "json"
	req.Now = a.now()
	if o.output != "" && !o.forceNew {
		if out, err = openOutput(o.output, req.JSON); err != nil {
			return err
		}
		req.Doc, req.DocName = out.doc, o.output
	}
	req.GitHub = brag.GitHub{
		Off: o.noGitHub, User: o.githubUser, Repos: o.githubRepos, Orgs: o.githubOrgs,
		FindToken: a.githubToken,
	}
	a.githubClient(&req.GitHub, !o.noCache)
	if a.stderrIsTerminal() {
		req.Progress, req.GitHub.Progress = a.stderr, a.stderr
	}
	// --year reads history (and GitHub) once, for the whole year, and
	// splits what it found into quarters; JSON gets the year as one period.
	req.Read = periods[0]
	if o.year != 0 {
		req.Read, req.Periods = yearPeriod(periods), periods
	}

	res, err := brag.Run(ctx, req)
	if err != nil {
		if out != nil {
			return out.mergeErr(err)
		}
		return err
	}
	if res.Stranger {
		// Likely a typo in the identity: said as a missing identity is,
		// and nothing is written.
		return a.stranger(repos, id, res.Reports[0], req.Read)
	}
	if res.NoToken {
		fmt.Fprintln(a.stderr, "git-career: note: no GitHub token (set GITHUB_TOKEN or GH_TOKEN, or run gh auth login): pull requests, reviews and issues are left out; --no-github hides this note")
	}
	a.warn(res.Reports)
	for _, w := range res.Warnings {
		fmt.Fprintf(a.stderr, "git-career: warning: %s\n", w)
	}
	if s := remeasured(res.Remeasured); s != "" {
		fmt.Fprintln(a.stderr, "git-career: "+s)
	}

	switch {
	case o.output == "":
		_, err = a.stdout.Write(res.Out)
		return err
	case o.forceNew:
		path, err := besidePath(o.output)
		if err != nil {
			return err
		}
		if err := replaceFile(path, res.Out); err != nil {
			return err
		}
		fmt.Fprintf(a.stderr, "git-career: wrote a fresh doc to %q; %q is untouched\n", path, o.output)
		return nil
	}
	if !res.Same {
		if err := out.write(res.Out); err != nil {
			return err
		}
	}
	fmt.Fprintln(a.stderr, wrote(o.output, res.Reports, res.Changes, req.JSON))
	return nil
}

// openRepos opens each repository once: two paths to one repository (a
// folder in it, its git dir, a linked worktree) are read once.
func openRepos(paths []string) ([]*history.Repo, error) {
	var out []*history.Repo
	seen := map[string]bool{}
	for _, p := range paths {
		r, err := history.Open(p)
		if err != nil {
			closeRepos(out)
			return nil, err
		}
		if seen[r.ID()] {
			r.Close()
			continue
		}
		seen[r.ID()] = true
		out = append(out, r)
	}
	return out, nil
}

func closeRepos(rs []*history.Repo) {
	for _, r := range rs {
		r.Close()
	}
}

// wrote says what a write did, on stderr, since the file itself is not
// shown: "BRAG.md: 2026Q3 merged, 12 new items".
func wrote(path string, reps []*work.Report, changes []report.Change, json bool) string {
	items := func(n int) string { return count(n, "item", "items") }
	var parts []string
	switch {
	case json:
		return fmt.Sprintf("%s: %s written as JSON, %s", path, reps[0].Period.Label, items(len(reps[0].Contributions)))
	case changes == nil:
		// A new doc: the periods newest first, as the doc has them.
		for i := len(reps) - 1; i >= 0; i-- {
			parts = append(parts, fmt.Sprintf("%s (%s)", reps[i].Period.Label, items(len(reps[i].Contributions))))
		}
		return path + ": new doc, " + strings.Join(parts, ", ")
	}
	for _, c := range changes {
		switch {
		case c.New:
			parts = append(parts, fmt.Sprintf("%s added, %s", c.Label, items(c.Items)))
		case c.Items == 0:
			parts = append(parts, c.Label+" merged, nothing new")
		default:
			parts = append(parts, fmt.Sprintf("%s merged, %d new %s", c.Label, c.Items, plural(c.Items, "item", "items")))
		}
	}
	return path + ": " + strings.Join(parts, "; ")
}

func count(n int, one, many string) string { return fmt.Sprintf("%d %s", n, plural(n, one, many)) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// warn says on stderr what a source could not read, each thing once per
// run (the quarters of --year share their sources).
func (a *app) warn(reps []*work.Report) {
	said := map[string]bool{}
	say := func(line string) {
		if !said[line] {
			said[line] = true
			fmt.Fprintln(a.stderr, line)
		}
	}
	for _, rep := range reps {
		for _, s := range rep.Sources {
			if s.Shallow {
				say(fmt.Sprintf("git-career: warning: %s is a shallow clone: older history was not read; run `git fetch --unshallow` in %q", s.Repo, s.Path))
			}
			for _, w := range s.Warnings {
				say(fmt.Sprintf("git-career: warning: %s: %s", s.Repo, w))
			}
		}
	}
	// Advice is said once for every repository it applies to.
	var notes []string
	repos := map[string][]string{}
	for _, s := range reps[0].Sources {
		for _, n := range s.Notes {
			if repos[n] == nil {
				notes = append(notes, n)
			}
			repos[n] = append(repos[n], s.Repo)
		}
	}
	for _, n := range notes {
		say(fmt.Sprintf("git-career: note: %s: %s", strings.Join(repos[n], ", "), n))
	}
}

// resolvePeriods is the one period asked for, or with --year the quarters
// of that year that have begun, oldest first.
func resolvePeriods(o *options, now time.Time) ([]work.Period, error) {
	if o.year == 0 {
		p, err := resolvePeriod(o, now)
		return []work.Period{p}, err
	}
	var out []work.Period
	for q := 1; q <= 4; q++ {
		start := time.Date(o.year, time.Month(3*q-2), 1, 0, 0, 0, 0, now.Location())
		if start.After(now) {
			break
		}
		p, err := work.Quarter(fmt.Sprintf("%dQ%d", o.year, q), now)
		if err != nil {
			return nil, usageError{err}
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, usagef("--year %d has not begun", o.year)
	}
	return out, nil
}

// yearPeriod is the year the quarters of --year make up, to date.
func yearPeriod(quarters []work.Period) work.Period {
	last := quarters[len(quarters)-1]
	return work.Period{Since: quarters[0].Since, Until: last.Until, Label: strconv.Itoa(quarters[0].Since.Year())}
}

// resolvePeriod turns --since, --until and --quarter into a period of
// calendar days in the local time zone.
func resolvePeriod(o *options, now time.Time) (work.Period, error) {
	if o.since == "" && o.until == "" {
		p, err := work.Quarter(o.quarter, now)
		if err != nil {
			return p, usageError{err}
		}
		return p, nil
	}
	loc := now.Location()
	until := work.Day(now)
	if o.until != "" {
		t, err := work.ParseDate(o.until, loc)
		if err != nil {
			return work.Period{}, usagef("--until: %v", err)
		}
		until = t
	}
	var since time.Time
	if o.since != "" {
		t, err := work.ParseDate(o.since, loc)
		if err != nil {
			return work.Period{}, usagef("--since: %v", err)
		}
		since = t
	} else {
		// --until alone: from the start of that day's quarter.
		q := (int(until.Month()) - 1) / 3
		since = time.Date(until.Year(), time.Month(3*q+1), 1, 0, 0, 0, 0, loc)
	}
	if o.until == "" && since.After(until) {
		// Only --since was given: the end is today, which the user never
		// typed, so the error names the day they did.
		return work.Period{}, usagef("--since %s is in the future (today is %s)", o.since, until.Format(time.DateOnly))
	}
	p, err := work.Range(since, until)
	if err != nil {
		return p, usageError{err}
	}
	return p, nil
}

// identity is who to look for: --author values, else user.email and every
// career.email from git config.
func identity(authors []string, cfg *history.Config) work.Identity {
	var id work.Identity
	if len(authors) == 0 {
		if e := cfg.Get("user.email"); e != "" {
			authors = append(authors, e)
		}
		authors = append(authors, cfg.All("career.email")...)
	}
	seen := map[string]bool{}
	for _, a := range authors {
		a = strings.TrimSpace(a)
		if a == "" || seen[strings.ToLower(a)] {
			continue
		}
		seen[strings.ToLower(a)] = true
		switch {
		case a == "*":
			id.All = true
		case strings.Contains(a, "@") && !strings.HasPrefix(a, "@"):
			id.Emails = append(id.Emails, a)
		case strings.HasPrefix(a, "@") || !strings.Contains(a, " "):
			// One word may be a login or a name; both are tried.
			id.Logins = append(id.Logins, strings.TrimPrefix(a, "@"))
		default:
			id.Names = append(id.Names, a)
		}
	}
	return id
}

// noIdentity is the usage error for a machine with no identity configured;
// it names the people who commit most here, to copy from.
func (a *app) noIdentity(repo *history.Repo) error {
	msg := "no identity: set git config user.email, add career.email, or pass --author"
	top, err := repo.TopAuthors(suggestAuthors)
	if err != nil {
		return err
	}
	if len(top) > 0 {
		var names []string
		for _, t := range top {
			names = append(names, fmt.Sprintf("%q", t.Person.Email))
		}
		msg += "; frequent authors here: " + strings.Join(names, ", ")
	}
	return usageError{errors.New(msg)}
}

// stranger says, in one line, that the identity wrote nothing in the
// period read, and who did (else who commits most here): the likely
// cause is a mistyped identity, or a period of other work.
func (a *app) stranger(repos []*history.Repo, id work.Identity, rep *work.Report, read work.Period) error {
	who := strings.Join(append(append(append([]string(nil), id.Emails...), id.Names...), id.Logins...), ", ")
	msg := fmt.Sprintf("git-career: no commit by %s from %s to %s; nothing written",
		who, read.Since.Format(time.DateOnly), read.Until.Format(time.DateOnly))
	var names []string
	seen := map[string]bool{}
	for _, s := range rep.Sources {
		for _, p := range s.Active {
			if e := strings.ToLower(p.Email); !seen[e] && len(names) < suggestAuthors {
				seen[e] = true
				names = append(names, fmt.Sprintf("%q", p.Email))
			}
		}
	}
	if len(names) > 0 {
		fmt.Fprintln(a.stderr, msg+"; who committed then: "+strings.Join(names, ", "))
		return nil
	}
	top, err := repos[0].TopAuthors(suggestAuthors)
	if err != nil {
		return err
	}
	for _, t := range top {
		names = append(names, fmt.Sprintf("%q", t.Person.Email))
	}
	if len(names) > 0 {
		msg += "; frequent authors here: " + strings.Join(names, ", ")
	}
	fmt.Fprintln(a.stderr, msg)
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

// remeasured says which measured lines of the living doc were measured
// again, their windows after the work having grown: "measured again 3
// lines whose window after the work had not ended (2026Q2: 2, 2026Q3:
// 1)"; "" for none.
func remeasured(rs []report.Remeasured) string {
	if len(rs) == 0 {
		return ""
	}
	n := 0
	var parts []string
	for _, r := range rs {
		n += r.Lines
		parts = append(parts, fmt.Sprintf("%s: %d", r.Label, r.Lines))
	}
	return fmt.Sprintf("measured again %s whose window after the work had not ended (%s)",
		count(n, "line", "lines"), strings.Join(parts, ", "))
}
