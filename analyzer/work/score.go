package work

import "math"

// categoryWeight says how much a category counts towards Highlights. The
// work that is easy to forget and hard to see in a diff (flaky tests,
// tooling, removals, design, help across teams, security, speed) ranks
// high; routine kinds rank medium; bot-like dependency bumps rank low.
var categoryWeight = map[Category]float64{
	FlakyTests:   3,
	Automation:   3,
	Cleanup:      3,
	Design:       3,
	CrossTeam:    3,
	Mentoring:    3,
	Security:     3,
	Performance:  3,
	Feature:      2,
	Fix:          2,
	Docs:         2,
	Testing:      2,
	Refactor:     2,
	Dependencies: 0.5,
	Release:      0,
	Reviews:      1,
	Issues:       1,
}

// Score ranks a contribution for the Highlights section. It is
// deterministic and depends only on what the item is and what it shows:
//
//	Score = W + F + min(log10(1 + lines), 4) / 2 + min(log10(1 + files), 2) / 4 + L + M
//
// W is the highest weight among its categories (3 for flaky-tests,
// automation, cleanup, design, cross-team, mentoring, security,
// performance; 2 for feature, fix, docs, testing, refactor; 1 for review
// and issue; 0.5 for dependencies; 0 when it has none). F is 0.5 for each
// flag it carries besides (flaky-tests, cross-team), at most 1: work that
// is legible twice over. lines is additions plus deletions, so size adds
// at most 2 points (at 10,000 lines), and files at most 0.5 (at 100
// files): a huge generated change cannot outrank the kind of work, and a
// story of many small commits counts by what it adds up to, not by its
// number of commits. L is 0.25 for work tied to an issue or ticket and
// 0.25 for a merged pull request: work others asked for and reviewed.
//
// Measured impact adds M, at most 0.5: 0.25 for each impact that shows
// something a reader can check (see Impact): numbers the author measured;
// other people who changed or used what it added; a workflow's runs;
// issues closed that others reacted to or discussed; pull requests merged
// since by someone taught; fewer fix commits a day touching its files
// after it than before; no flakiness again in its tests over 30 days or
// more. It ranks work of the same kind and size by what followed it, and
// weighs at most half of what separates two kinds of work.
//
// Release work scores 0 whatever else it is, so that it is never
// highlighted: cutting a release is routine, and a version bump touches
// many lines. So does work not shipped yet.
func Score(c *Contribution) float64 {
	if c.Has(Release) || c.Unmerged {
		return 0
	}
	w, flags := 0.0, 0.0
	for _, k := range c.Categories {
		w = math.Max(w, categoryWeight[k])
	}
	for i, k := range c.Categories {
		if i > 0 && (k == FlakyTests || k == CrossTeam) {
			flags += 0.5
		}
	}
	if w == 0 {
		return 0
	}
	lines := float64(max(c.Additions, 0) + max(c.Deletions, 0))
	size := math.Min(math.Log10(1+lines), 4) / 2
	reach := math.Min(math.Log10(1+float64(max(c.Files, 0))), 2) / 4
	links := 0.0
	if len(c.Refs) > 0 {
		links += 0.25
	}
	if c.Kind == KindPullRequest && c.State == "merged" {
		links += 0.25
	}
	return w + math.Min(flags, 1) + size + reach + links + measured(c.Impact)
}

// measured is Score's M: 0.25 for each telling impact, at most 0.5.
func measured(ms []Impact) float64 {
	m := 0.0
	for i := range ms {
		if telling(&ms[i]) {
			m += 0.25
		}
	}
	return math.Min(m, 0.5)
}

// telling reports whether an impact shows something a reader can check.
func telling(m *Impact) bool {
	switch m.Measure {
	case MeasureQuoted:
		return true
	case MeasureReach:
		return m.People > 0
	case MeasureUsage:
		return m.Runs > 0
	case MeasureDemand:
		return m.Issues > 0 && m.Reactions+m.Comments > 0
	case MeasureMentees:
		return m.Merged > 0
	case MeasureRegressions:
		return m.AfterDays > 0 && m.WindowDays > 0 &&
			float64(m.After)/float64(m.AfterDays) < float64(m.Before)/float64(m.WindowDays)
	case MeasureReflakes:
		return m.After == 0 && m.AfterDays >= 30
	}
	return false
}
