package work

import (
	"math"
	"testing"
)

func TestScoreOrdering(t *testing.T) {
	contrib := func(add, del int, cats ...Category) *Contribution {
		return &Contribution{Categories: cats, Additions: add, Deletions: del}
	}
	// Each pair: the first must score strictly higher than the second.
	tests := []struct {
		name        string
		high, lower *Contribution
	}{
		{"flaky fix beats a same-size feature", contrib(20, 5, FlakyTests, Testing), contrib(20, 5, Feature)},
		{"small automation beats a huge dependency bump", contrib(10, 2, Automation), contrib(40000, 39000, Dependencies)},
		{"docs beat dependencies", contrib(10, 0, Docs), contrib(10, 0, Dependencies)},
		{"bigger beats smaller within a kind", contrib(500, 20, Fix), contrib(5, 2, Fix)},
		{"a flag beats none", contrib(30, 10, Fix, CrossTeam), contrib(30, 10, Fix)},
		{"any category beats none at the same size", contrib(100, 0, Dependencies), contrib(100, 0)},
		{"a substantial change beats a story of many tiny commits", contrib(800, 200, Feature), contrib(40, 20, Feature)},
		{"a substantial feature beats a one-line CI tweak", contrib(90, 10, Feature), contrib(1, 1, Automation)},
		{"a small fix beats a six-line CI tweak", contrib(13, 1, Fix), contrib(0, 6, Automation)},
		{"substantial automation beats a same-size feature", contrib(60, 10, Automation), contrib(60, 10, Feature)},
		{"a feature beats a test migration ten times its size", contrib(400, 100, Feature), contrib(4000, 1000, Testing)},
		{"generated lines do not count", contrib(40, 10, Fix), &Contribution{Categories: []Category{Fix}, Additions: 160, Deletions: 20, Written: 150}},
		{"a fix beats a formatter's run of 40,000 lines", contrib(120, 30, Fix), &Contribution{Title: "Reformat with Spotless", Categories: []Category{Refactor}, Additions: 24924, Deletions: 18474}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if h, l := Score(tt.high), Score(tt.lower); !(h > l) {
				t.Errorf("Score = %.3f, want more than %.3f", h, l)
			}
		})
	}
}

func TestScoreFormula(t *testing.T) {
	// W 2 (refactor) + F 1 (two flags) + 0.6 × min(log10(10000), 4) + min(log10(100), 2)/4 + L 0.25 = 2 + 1 + 2.4 + 0.5 + 0.25.
	c := &Contribution{Categories: []Category{Refactor, FlakyTests, CrossTeam, Mentoring}, Additions: 9000, Deletions: 999, Files: 99, Refs: []string{"#12"}}
	if got, want := Score(c), 6.15; math.Abs(got-want) > 1e-9 {
		t.Errorf("Score = %v, want %v", got, want)
	}
	// A test change's size counts up to a hundred lines (1.2).
	tc := &Contribution{Categories: []Category{Testing}, Additions: 9999}
	if got, want := Score(tc), 2.0+1.2; math.Abs(got-want) > 1e-9 {
		t.Errorf("Score(test migration) = %v, want %v", got, want)
	}
	// Size is capped: a million lines adds no more than ten thousand.
	big := &Contribution{Categories: []Category{Fix}, Additions: 1_000_000}
	if got, want := Score(big), 2.0+2.4; math.Abs(got-want) > 1e-9 {
		t.Errorf("Score(big) = %v, want %v", got, want)
	}
	// The half point of automation is earned at 50 lines, in proportion below.
	if got, want := Score(&Contribution{Categories: []Category{Automation}, Additions: 30}), 2.3+0.6*math.Log10(31); math.Abs(got-want) > 1e-9 {
		t.Errorf("Score(30-line automation) = %v, want %v", got, want)
	}
	if got := Score(&Contribution{}); got != 0 {
		t.Errorf("Score(empty) = %v, want 0", got)
	}
	// Releases and work not shipped are never highlighted.
	for _, c := range []*Contribution{{Categories: []Category{Release, Feature}, Additions: 500}, {Categories: []Category{Feature}, Additions: 500, Unmerged: true}} {
		if got := Score(c); got != 0 {
			t.Errorf("Score(%+v) = %v, want 0", c, got)
		}
	}
}

func TestScoreMeasured(t *testing.T) {
	base := Contribution{Categories: []Category{Refactor}, Additions: 100, Deletions: 40, Files: 3}
	fewer := base
	fewer.Impact = []Impact{{Measure: MeasureRegressions, Before: 6, After: 1, WindowDays: 180, AfterDays: 180}}
	more := base
	more.Impact = []Impact{{Measure: MeasureRegressions, Before: 1, After: 6, WindowDays: 180, AfterDays: 180}}
	many := base
	many.Impact = []Impact{{Measure: MeasureQuoted}, {Measure: MeasureQuoted}, {Measure: MeasureReach, People: 3}}
	if d := Score(&fewer) - Score(&base); math.Abs(d-0.25) > 1e-9 {
		t.Errorf("fewer fixes after add %v, want 0.25", d)
	}
	if Score(&more) != Score(&base) {
		t.Error("more fixes after changed the score")
	}
	if d := Score(&many) - Score(&base); math.Abs(d-0.45) > 1e-9 {
		t.Errorf("three telling impacts add %v, want the cap of 0.45", d)
	}
	// No flakiness again confirms a flaky-test fix's flag: it adds nothing.
	flaky := Contribution{Categories: []Category{Testing, FlakyTests}, Additions: 20, Files: 1}
	stayed := flaky
	stayed.Impact = []Impact{{Measure: MeasureReflakes, After: 0, WindowDays: 180, AfterDays: 180}}
	if Score(&stayed) != Score(&flaky) {
		t.Error("no flakiness again added to the flag's score")
	}
	// Never above a kind that weighs more.
	cleanup := Contribution{Categories: []Category{Cleanup}, Additions: 100, Deletions: 40, Files: 3}
	if Score(&many) >= Score(&cleanup) {
		t.Error("measured impact lifted a refactor above the same cleanup")
	}
}
