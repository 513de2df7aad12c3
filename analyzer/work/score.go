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
// deterministic and depends only on the categories and the size:
//
//	Score = W + 0.5 × min(k − 1, 2) + min(log10(1 + lines), 4) / 2
//
// where W is the highest weight among its categories (3 for flaky-tests,
// automation, cleanup, design, cross-team, mentoring, security,
// performance; 2 for feature, fix, docs, testing, refactor; 1 for review
// and issue; 0.5 for dependencies; 0 when it has none), k is the number of
// categories (so work of several kinds gains up to 1 point), and lines is additions plus
// deletions (so size adds at most 2 points, reached at 10,000 lines, and
// a huge generated change cannot outrank the kind of work). A release
// scores 0 whatever else it is, so that it is never highlighted: cutting a
// release is routine, and a version bump touches many lines.
func Score(c *Contribution) float64 {
	if c.Has(Release) {
		return 0
	}
	w := 0.0
	for _, k := range c.Categories {
		w = math.Max(w, categoryWeight[k])
	}
	extra := 0.0
	if k := len(c.Categories); k > 1 {
		extra = 0.5 * math.Min(float64(k-1), 2)
	}
	lines := float64(max(c.Additions, 0) + max(c.Deletions, 0))
	size := math.Min(math.Log10(1+lines), 4) / 2
	return w + extra + size
}
