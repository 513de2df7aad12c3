package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/git-career/git-career/analyzer/work"
)

// SchemaV1 identifies the JSON layout JSON writes. A change that could
// break a consumer gets a new version instead of editing this one.
const SchemaV1 = "git-career/v1"

// The v1 types are the JSON schema; domain types carry no tags so the
// schema can stay frozen while the analyzer evolves.
type reportV1 struct {
	Schema        string           `json:"schema"`
	Author        authorV1         `json:"author"`
	Period        periodV1         `json:"period"`
	Sources       []sourceV1       `json:"sources"`
	Contributions []contributionV1 `json:"contributions"`
	Summary       map[string]int   `json:"summary"`
	// MergedLater are the pull requests the period's commits went into
	// that merged after it (work in progress when it ended); absent when
	// none. They count in the period they merged in.
	MergedLater []laterV1 `json:"merged_later,omitempty"`
	// Tagged are the releases the person tagged in the period (annotated
	// version tags they made); absent when none.
	Tagged []taggedV1 `json:"releases_tagged,omitempty"`
}

type taggedV1 struct {
	Repo string `json:"repo"`
	Tag  string `json:"tag"`
	Date string `json:"date"`
	URL  string `json:"url,omitempty"`
}

type laterV1 struct {
	Repo    string `json:"repo"`
	Number  int    `json:"number"`
	Title   string `json:"title,omitempty"`
	URL     string `json:"url,omitempty"`
	Commits int    `json:"commits"`
	First   string `json:"first"` // the first and last author dates of those commits
	Last    string `json:"last"`
	Merged  string `json:"merged"`
}

type authorV1 struct {
	Emails []string `json:"emails"`
	Names  []string `json:"names"`
	Logins []string `json:"logins"`
	// All is present (true) only for a report on every author.
	All bool `json:"all,omitempty"`
}

type periodV1 struct {
	Since string `json:"since"` // YYYY-MM-DD in the period's zone
	Until string `json:"until"`
	Label string `json:"label"`
}

type sourceV1 struct {
	Kind           string   `json:"kind"`
	Repo           string   `json:"repo"`
	Path           string   `json:"path"`
	CommitsScanned int      `json:"commits_scanned"`
	Shallow        bool     `json:"shallow"`
	Warnings       []string `json:"warnings"`
	// GitHub sources only: API requests made, and how many of them were
	// answered 304 from the cache (free against the rate limit).
	Requests    *int `json:"requests,omitempty"`
	NotModified *int `json:"not_modified,omitempty"`
}

type contributionV1 struct {
	ID     string `json:"id"`
	Kind   string `json:"kind"`
	Repo   string `json:"repo"`
	SHA    string `json:"sha"`
	URL    string `json:"url"`
	Title  string `json:"title"`
	Date   string `json:"date"` // RFC 3339 with the commit's own offset
	Author string `json:"author"`
	// Category is the primary kind of work ("" when the item has none):
	// the first of categories unless that is a flag.
	Category   string   `json:"category"`
	Categories []string `json:"categories"`
	Reasons    []string `json:"reasons"`
	Files      int      `json:"files"`
	Additions  int      `json:"additions"`
	Deletions  int      `json:"deletions"`
	Coauthors  []string `json:"coauthors"`
	// Credited is present (true) only when someone else authored the
	// commit and credited the user as co-author.
	Credited bool `json:"credited,omitempty"`
	// CreditedAs is the trailer that credits them, present with credited:
	// "Co-authored-by", "Helped-by", "Based-on-patch-by", "Mentored-by"
	// or "Suggested-by".
	CreditedAs string `json:"credited_as,omitempty"`
	// FollowsUp are the earlier changes its message says it follows up or
	// fixes: "#123", or "sha:" and an abbreviated commit id.
	FollowsUp []string `json:"follows_up,omitempty"`

	// CountsUnknown is present (true) only when files, additions and
	// deletions are not all known: objects were missing from the
	// repository (a partial clone, a broken branch).
	CountsUnknown bool `json:"counts_unknown,omitempty"`

	// Unmerged is present (true) only for work not shipped yet: a commit
	// only on branches other than the mainline, or an open pull request.
	// It is not counted in the summary.
	Unmerged bool `json:"unmerged,omitempty"`
	// RevertedBy is present only for work that shipped in its period and
	// was undone after it: the reverting commit, and RevertedOn its day.
	RevertedBy string `json:"reverted_by,omitempty"`
	RevertedOn string `json:"reverted_on,omitempty"`

	// GitHub items: private is always present on them (and absent on
	// commits, whose visibility is not known); the rest when set.
	Private *bool    `json:"private,omitempty"`
	Number  int      `json:"number,omitempty"`
	State   string   `json:"state,omitempty"`
	Labels  []string `json:"labels,omitempty"`
	Commits []string `json:"commits,omitempty"`
	// CommitKinds are a pull request's commits with their own kinds, in
	// the order of commits.
	CommitKinds []commitKindV1 `json:"commit_kinds,omitempty"`
	Summary     string         `json:"summary,omitempty"`
	Quote       string         `json:"quote,omitempty"`
	Class       string         `json:"class,omitempty"`
	Label       string         `json:"label,omitempty"`
	On          string         `json:"on,omitempty"`

	// Impact is present when something was measured after the work.
	Impact []impactV1 `json:"impact,omitempty"`
}

// impactV1 is one measured impact: the numbers that apply to its measure,
// and every event counted.
type impactV1 struct {
	Measure        string       `json:"measure"`
	Text           string       `json:"text"`
	Quote          string       `json:"quote,omitempty"`
	Subject        string       `json:"subject,omitempty"`
	WindowDays     *int         `json:"window_days,omitempty"`
	AfterDays      *int         `json:"after_days,omitempty"`
	Before         *int         `json:"before,omitempty"`
	After          *int         `json:"after,omitempty"`
	BaselineBefore *float64     `json:"baseline_before,omitempty"`
	BaselineAfter  *float64     `json:"baseline_after,omitempty"`
	People         *int         `json:"people,omitempty"`
	Commits        *int         `json:"commits,omitempty"`
	Merged         *int         `json:"merged,omitempty"`
	Runs           *int         `json:"runs,omitempty"`
	Succeeded      *int         `json:"succeeded,omitempty"`
	Issues         *int         `json:"issues,omitempty"`
	Reactions      *int         `json:"reactions,omitempty"`
	Comments       *int         `json:"comments,omitempty"`
	Evidence       []evidenceV1 `json:"evidence"`
}

type evidenceV1 struct {
	ID     string `json:"id"`
	URL    string `json:"url,omitempty"`
	Window string `json:"window,omitempty"` // "before" or "after"
}

func toImpactV1(m work.Impact) impactV1 {
	out := impactV1{Measure: m.Measure, Text: m.Text, Quote: m.Quote, Subject: m.Subject, Evidence: []evidenceV1{}}
	n := func(v int) *int { return &v }
	windowed := m.WindowDays > 0
	if windowed {
		out.WindowDays, out.AfterDays = n(m.WindowDays), n(m.AfterDays)
	}
	switch m.Measure {
	case work.MeasureRegressions:
		out.Before, out.After = n(m.Before), n(m.After)
		if m.BaselineBefore != 0 || m.BaselineAfter != 0 {
			b, a := m.BaselineBefore, m.BaselineAfter
			out.BaselineBefore, out.BaselineAfter = &b, &a
		}
	case work.MeasureReflakes:
		out.After = n(m.After)
	case work.MeasureReach:
		out.People, out.Commits = n(m.People), n(m.Commits)
	case work.MeasureMentees:
		out.People, out.Merged = n(m.People), n(m.Merged)
	case work.MeasureUsage:
		out.Runs, out.Succeeded = n(m.Runs), n(m.Succeeded)
	case work.MeasureDemand:
		out.Issues, out.Reactions, out.Comments = n(m.Issues), n(m.Reactions), n(m.Comments)
	}
	for _, e := range m.Evidence {
		ev := evidenceV1{ID: e.ID, URL: e.URL}
		switch {
		case m.Measure == work.MeasureRegressions && !e.After:
			ev.Window = "before"
		case windowed:
			ev.Window = "after"
		}
		out.Evidence = append(out.Evidence, ev)
	}
	return out
}

// commitKindV1 is one commit of a pull request and what it was
// recognised as.
type commitKindV1 struct {
	SHA        string   `json:"sha"`
	Category   string   `json:"category"`
	Categories []string `json:"categories"`
}

// JSON writes r in the git-career/v1 schema, indented by two spaces with a
// trailing newline. Lists are never null, contributions are ordered newest
// first then by ID, and sources by repository then path.
func JSON(w io.Writer, r *work.Report) error {
	if r == nil {
		return errors.New("report: json: nil report")
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Titles are data, not HTML; "<" should stay readable.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(toV1(r)); err != nil {
		return fmt.Errorf("report: write json: %w", err)
	}
	return nil
}

func toV1(r *work.Report) reportV1 {
	out := reportV1{
		Schema: SchemaV1,
		Author: authorV1{
			Emails: list(r.Author.Emails),
			Names:  list(r.Author.Names),
			Logins: list(r.Author.Logins),
			All:    r.Author.All,
		},
		Period: periodV1{
			Since: periodDate(r.Period, r.Period.Since),
			Until: periodDate(r.Period, r.Period.Until),
			Label: r.Period.Label,
		},
		Sources:       []sourceV1{},
		Contributions: []contributionV1{},
		Summary:       map[string]int{},
	}
	for _, t := range r.Tagged {
		out.Tagged = append(out.Tagged, taggedV1{Repo: t.Repo, Tag: t.Tag, Date: periodDate(r.Period, t.When), URL: t.URL})
	}
	for _, l := range r.Later {
		out.MergedLater = append(out.MergedLater, laterV1{Repo: l.Repo, Number: l.Number, Title: l.Title, URL: l.URL, Commits: l.Commits,
			First: periodDate(r.Period, l.First), Last: periodDate(r.Period, l.Last), Merged: l.Merged.Format(time.DateOnly)})
	}
	for _, s := range sortedSources(r.Sources) {
		src := sourceV1{
			Kind:           s.Kind,
			Repo:           s.Repo,
			Path:           s.Path,
			CommitsScanned: s.CommitsScanned,
			Shallow:        s.Shallow,
			Warnings:       list(s.Warnings),
		}
		if s.Kind == "github" {
			src.Requests, src.NotModified = &s.Requests, &s.NotModified
		}
		out.Sources = append(out.Sources, src)
	}
	for _, c := range byDate(r.Contributions) {
		out.Contributions = append(out.Contributions, contributionV1{
			ID:         c.ID,
			Kind:       c.Kind,
			Repo:       c.Repo,
			SHA:        c.SHA,
			URL:        c.URL,
			Title:      c.Title,
			Date:       c.Date.Format(time.RFC3339),
			Author:     c.Author,
			Category:   string(c.Primary()),
			Categories: categoryIDs(c.Categories),
			Reasons:    list(c.Reasons),
			Files:      c.Files,
			Additions:  c.Additions,
			Deletions:  c.Deletions,
			Coauthors:  list(c.Coauthors),
			Credited:   c.Credited,
			CreditedAs: creditedAs(c),
			FollowsUp:  c.FollowsUp,
			Number:     c.Number,
			State:      c.State,
			Labels:     c.Labels,
			Commits:    c.Commits,
			Summary:    c.Summary,
			Quote:      c.Quote,
			Class:      c.Class,
			Label:      c.Label,
			On:         c.On,
		})
		for _, m := range c.Impact {
			out.Contributions[len(out.Contributions)-1].Impact = append(out.Contributions[len(out.Contributions)-1].Impact, toImpactV1(m))
		}
		out.Contributions[len(out.Contributions)-1].CountsUnknown = c.CountsUnknown
		out.Contributions[len(out.Contributions)-1].Unmerged = c.Unmerged
		if c.RevertedBy != "" {
			out.Contributions[len(out.Contributions)-1].RevertedBy = c.RevertedBy
			out.Contributions[len(out.Contributions)-1].RevertedOn = c.RevertedOn.Format(time.DateOnly)
		}
		for _, k := range c.CommitKinds {
			ck := commitKindV1{SHA: k.SHA, Category: string(work.PrimaryOf(k.Categories)), Categories: categoryIDs(k.Categories)}
			out.Contributions[len(out.Contributions)-1].CommitKinds = append(out.Contributions[len(out.Contributions)-1].CommitKinds, ck)
		}
		if c.Kind != work.KindCommit {
			out.Contributions[len(out.Contributions)-1].Private = &c.Private
		}
	}
	for k, n := range r.Summary {
		out.Summary[string(k)] = n
	}
	return out
}

// list turns nil into an empty slice so the JSON says [] rather than null,
// which consumers would otherwise have to special-case.
func list(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func categoryIDs(cs []work.Category) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = string(c)
	}
	return out
}

// creditedAs is a credited item's trailer, "Co-authored-by" when not
// recorded; "" for an item that is not credit.
func creditedAs(c *work.Contribution) string {
	switch {
	case !c.Credited:
		return ""
	case c.CreditedAs == "":
		return "Co-authored-by"
	}
	return c.CreditedAs
}
