package work

import (
	"math"
	"regexp"
)

// kindWeight says how much the kind of work counts towards Highlights.
// The kinds that are easy to forget and hard to see in a diff (tooling,
// removals, design, security, speed) rank a little higher than the
// routine kinds; dependency bumps rank low; a release never ranks. The
// spread is kept small (half a point) so that a one-line CI tweak does
// not outrank a substantial feature: size and what followed the work
// decide among kinds as much as the kind does.
var kindWeight = map[Category]float64{
	Automation:   2.5,
	Cleanup:      2.5,
	Design:       2.5,
	Security:     2.5,
	Performance:  2.5,
	Feature:      2,
	Fix:          2,
	Docs:         2,
	Testing:      2,
	Refactor:     2,
	Mentoring:    1.5, // credit on someone else's commit
	Reviews:      1,
	Issues:       1,
	Other:        0.5,
	Dependencies: 0.5,
	Release:      0,
}

// Score ranks a contribution for the Highlights section. It is
// deterministic and depends only on what the item is and what it shows:
//
//	Score = W + F + 0.6 × min(log10(1 + lines), 4) + min(log10(1 + files), 2) / 4 + L + M
//
// W is the weight of its primary kind (2.5 for automation, cleanup,
// design, security, performance, whose half point above the others is
// earned in proportion to the lines changed up to 50; 2 for feature, fix,
// docs, testing, refactor; 1.5 for credit on another's commit; 1 for review and issue;
// 0.5 for dependencies and other; 0 for a release and for none). F is
// 0.5 for each flag it carries (flaky-tests, cross-team), at most 1: work
// that is legible twice over. lines is additions plus deletions, so size
// adds at most 2.4 points (at 10,000 lines: 0.6 at 10 lines, 1.2 at 100;
// at most 0.6 for a dependency update or a formatter's run, 1.2 for a
// test change; lines a tool wrote, lockfiles and generated code, are not
// counted), and files at most 0.5 (at 100 files): a huge generated change cannot
// run away with the list, and a story of many small commits counts by
// what it adds up to, not by its number of commits. L is 0.25 for work
// tied to an issue or ticket and 0.25 for a merged pull request: work
// others asked for and reviewed.
//
// Measured impact adds M, at most 0.45: 0.25 for each impact that shows
// something a reader can check (see Impact): numbers the author measured;
// other people who changed or used what it added; a workflow's runs;
// issues closed that others reacted to or discussed; pull requests merged
// since by someone taught; fewer fix commits a day touching its files
// after it than before. (No flakiness again after a flaky-test fix
// confirms its flag, which scores already: it adds nothing.) It ranks work of the same kind and size by what followed it, and
// weighs less than the half point that separates two kinds of work.
//
// Release work scores 0 whatever else it is, so that it is never
// highlighted: cutting a release is routine, and a version bump touches
// many lines. So does work not shipped yet.
func Score(c *Contribution) float64 {
	if c.Has(Release) || c.Unmerged {
		return 0
	}
	primary := c.Primary()
	if primary == "" && c.Has(Mentoring) {
		primary = Mentoring
	}
	w := kindWeight[primary]
	if w == 0 {
		return 0
	}
	flags := 0.0
	for _, k := range c.Categories {
		if k == FlakyTests || k == CrossTeam {
			flags += 0.5
		}
	}
	lines := float64(max(max(c.Additions, 0)+max(c.Deletions, 0)-max(c.Written, 0), 0))
	if w > kindWeight[Feature] {
		// The half point of the easily forgotten kinds is earned by a
		// change of some substance: all of it at 50 lines, in proportion
		// below, so that a few lines of CI tweak do not outrank a fix.
		w = kindWeight[Feature] + (w-kindWeight[Feature])*math.Min(lines/50, 1)
	}
	sizeCap := 4.0
	switch {
	case primary == Dependencies || mechanical.MatchString(c.Title):
		// A formatter's run, a mass rename or a vendored update changes
		// many lines with one command: its size says little of the work.
		sizeCap = 1
	case primary == Testing:
		// A test migration rewrites thousands of lines the same way: past
		// a hundred, a test change's size says little more.
		sizeCap = 2
	}
	size := 0.6 * math.Min(math.Log10(1+lines), sizeCap)
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

// mechanical finds the subjects of changes a tool makes in one command.
var mechanical = regexp.MustCompile(`(?i)\b(mechanical(ly)?|re-?format(s|ted|ting)?|format(ted)? (with|using|by)|apply (spotless|prettier|black|gofmt|ktlint|rustfmt|clang-format|ruff format)|run (spotless|prettier|black|gofmt|rustfmt|clang-format)|spotless(apply)?|prettier|autoformat(ted)?|whitespace|line endings|mass rename)\b`)

// measured is Score's M: 0.25 for each telling impact, at most 0.45.
func measured(ms []Impact) float64 {
	m := 0.0
	for i := range ms {
		if telling(&ms[i]) {
			m += 0.25
		}
	}
	return math.Min(m, 0.45)
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
	}
	return false
}
