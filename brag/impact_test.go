package brag

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/git-career/git-career/analyzer/history"
	"github.com/git-career/git-career/analyzer/work"
	"github.com/git-career/git-career/internal/gittest"
	"github.com/git-career/git-career/report"
)

const (
	bo = "Bo Chen <bo@example.com>"
	cy = "Cy Diaz <cy@example.com>"
	di = "Di Egan <di@example.com>"
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// run runs the pipeline on r for 2026Q2 as Ada at now, and returns the
// report. The repository is an active one, fetched at now: a commit of
// Di's elsewhere the day before now ends its history (the windows after
// the work end where the history read does; see runStale).
func run(t *testing.T, r *gittest.Repo, now string, doc *report.Doc) *Result {
	t.Helper()
	lights++
	r.CommitWith("Keep the lights on", map[string]string{"lights.txt": fmt.Sprint(now, " ", lights, "\n")},
		gittest.CommitOpts{Date: date(now).AddDate(0, 0, -1).Add(12 * time.Hour).Format(time.RFC3339), Author: di})
	return runStale(t, r, now, doc)
}

// lights numbers run's commits, so that two runs at one date commit.
var lights int

// runStale is run on r as it is: its history may end long before now.
func runStale(t *testing.T, r *gittest.Repo, now string, doc *report.Doc) *Result {
	t.Helper()
	repo, err := history.Open(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { repo.Close() })
	period, err := work.Quarter("2026Q2", date(now))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), Request{
		Repos: []*history.Repo{repo}, Identity: work.Identity{Emails: []string{gittest.AuthorEmail}},
		Read: period, GitHub: GitHub{Off: true}, Now: date(now), Doc: doc,
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// impacts are the measures of the contribution titled title.
func impacts(t *testing.T, res *Result, title string) map[string]work.Impact {
	t.Helper()
	for _, c := range res.Reports[0].Contributions {
		if c.Title == title {
			out := map[string]work.Impact{}
			for _, m := range c.Impact {
				out[m.Measure] = m
			}
			return out
		}
	}
	t.Fatalf("no contribution %q", title)
	return nil
}

// moduleWithFixes is a module with fixes fixes by others in the 180 days
// before Ada's refactor of 2026-05-04 and after fixes in the days after.
func moduleWithFixes(t *testing.T, before, after int) *gittest.Repo {
	r := gittest.New(t)
	r.CommitWith("Add the parser", map[string]string{"parser/parse.go": "package parser\n", "other/o.go": "package other\n"},
		gittest.CommitOpts{Date: "2025-09-01T10:00:00Z", Author: bo})
	for i := 0; i < before; i++ {
		r.CommitWith(fmt.Sprintf("fix(parser): handle case %d", i), map[string]string{"parser/parse.go": fmt.Sprintf("package parser\n// before %d\n", i)},
			gittest.CommitOpts{Date: date("2025-11-20").AddDate(0, 0, 20*i).Format(time.RFC3339), Author: bo})
	}
	// Others' work elsewhere, for the repository's share of fixes.
	r.CommitWith("feat(other): add a thing", map[string]string{"other/o.go": "package other\n// a\n"},
		gittest.CommitOpts{Date: "2026-02-01T10:00:00Z", Author: cy})
	r.Commit("refactor(parser): split the tokenizer out", map[string]string{"parser/parse.go": "package parser\n// refactored\n", "parser/token.go": "package parser\n"}, "2026-05-04T10:00:00Z")
	for i := 0; i < after; i++ {
		r.CommitWith(fmt.Sprintf("fix(parser): handle late case %d", i), map[string]string{"parser/parse.go": fmt.Sprintf("package parser\n// after %d\n", i)},
			gittest.CommitOpts{Date: date("2026-06-10").AddDate(0, 0, 30*i).Format(time.RFC3339), Author: bo})
	}
	return r
}

// The scenario: 6 fix commits in the 180 days before the
// person's cleanup and 1 in the 180 after.
func TestRegressionsSixBeforeOneAfter(t *testing.T) {
	r := moduleWithFixes(t, 6, 1)
	res := run(t, r, "2026-12-01", nil)
	m, ok := impacts(t, res, "refactor(parser): split the tokenizer out")[work.MeasureRegressions]
	if !ok {
		t.Fatal("no regressions impact")
	}
	if m.Before != 6 || m.After != 1 || m.WindowDays != 180 || m.AfterDays != 180 {
		t.Errorf("before %d, after %d, window %d, after-days %d; want 6, 1, 180, 180", m.Before, m.After, m.WindowDays, m.AfterDays)
	}
	// The repository's share: 6 of the 7 commits before were fixes (Cy's
	// feature is not), 1 of 1 after (the refactor itself is in neither
	// window).
	if m.BaselineBefore != 85.7 || m.BaselineAfter != 100 {
		t.Errorf("baseline %v and %v, want 85.7 and 100", m.BaselineBefore, m.BaselineAfter)
	}
	if !strings.HasPrefix(m.Text, "1 fix commit by others touched its files in the 180 days after it, against 6 in the 180 days before; repository-wide, 85.7% of commits were fixes before and 100% after.") {
		t.Errorf("text %q", m.Text)
	}
	if len(m.Evidence) != 7 {
		t.Errorf("%d events linked, want 7", len(m.Evidence))
	}
}

// The scenario: 3 events in all are not enough to say anything.
func TestRegressionsThreeEvents(t *testing.T) {
	r := moduleWithFixes(t, 2, 1)
	res := run(t, r, "2026-12-01", nil)
	if m, ok := impacts(t, res, "refactor(parser): split the tokenizer out")[work.MeasureRegressions]; ok {
		t.Errorf("3 events measured: %q", m.Text)
	}
}

// The issue's scenario: a commit that says "parse time from 120 ms to 40
// ms" gets a quoted impact holding both figures.
func TestQuotedNumbers(t *testing.T) {
	r := gittest.New(t)
	r.CommitWith("perf(parser): reuse the token buffer", map[string]string{"parse.go": "package p\n"},
		gittest.CommitOpts{Date: "2026-05-04T10:00:00Z", Body: "This takes parse time from 120 ms to 40 ms on the large fixture."})
	res := run(t, r, "2026-07-01", nil)
	m, ok := impacts(t, res, "perf(parser): reuse the token buffer")[work.MeasureQuoted]
	if !ok || !strings.Contains(m.Quote, "120 ms") || !strings.Contains(m.Quote, "40 ms") {
		t.Fatalf("quoted %+v", m)
	}
	if !strings.Contains(string(res.Out), "Measured: The author measured, in the commit message: “This takes parse time from 120 ms to 40 ms on the large fixture.”") {
		t.Errorf("the doc does not quote it:\n%s", res.Out)
	}
}

// The scenario: a new package that 3 others import later.
func TestReachOfANewPackage(t *testing.T) {
	r := gittest.New(t)
	r.CommitWith("Start", map[string]string{"go.mod": "module example.com/shop\n", "main.go": "package main\n", "a/a.go": "package a\n", "b/b.go": "package b\n", "c/c.go": "package c\n"},
		gittest.CommitOpts{Date: "2026-01-10T10:00:00Z", Author: bo})
	r.Commit("feat: add the money package", map[string]string{"money/money.go": "package money\n"}, "2026-05-04T10:00:00Z")
	for i, who := range []string{bo, cy, di} {
		pkg := string(rune('a' + i))
		r.CommitWith("feat: use money in "+pkg, map[string]string{pkg + "/" + pkg + ".go": "package " + pkg + "\n\nimport \"example.com/shop/money\"\n"},
			gittest.CommitOpts{Date: date("2026-06-01").AddDate(0, 0, 7*i).Format(time.RFC3339), Author: who})
	}
	// Bo again, and a mention that is no import.
	r.CommitWith("docs: say money exists", map[string]string{"NOTES.txt": "example.com/shop/money\n"},
		gittest.CommitOpts{Date: "2026-07-01T10:00:00Z", Author: bo})
	res := run(t, r, "2026-08-01", nil)
	m, ok := impacts(t, res, "feat: add the money package")[work.MeasureReach]
	if !ok || m.People != 3 || m.Commits != 3 {
		t.Fatalf("reach %+v, want 3 people in 3 commits", m)
	}
	if m.Text != "3 other people referred to the files it added in the 88 days after it so far (of 180) (3 commits)." {
		t.Errorf("text %q", m.Text)
	}
}

// A move adds nothing: others changing a file that was moved are no reach
// of the move.
func TestReachNotOfAMove(t *testing.T) {
	r := gittest.New(t)
	r.CommitWith("Start", map[string]string{"go.mod": "module example.com/shop\n", "old/money.go": "package old\n"},
		gittest.CommitOpts{Date: "2026-01-10T10:00:00Z", Author: bo})
	r.CommitWith("Add the wallet", map[string]string{"old/wallet.go": "package old\n// wallet\n"},
		gittest.CommitOpts{Date: "2026-01-11T10:00:00Z", Author: bo})
	// One file moved under its name, one renamed with its content.
	r.Commit("refactor: move money into its own folder", map[string]string{"old/money.go": gittest.Delete, "money/money.go": "package old\n",
		"old/wallet.go": gittest.Delete, "money/purse.go": "package old\n// wallet\n"}, "2026-05-04T10:00:00Z")
	for i, who := range []string{bo, cy, di} {
		r.CommitWith(fmt.Sprintf("feat: round money %d", i), map[string]string{"money/money.go": fmt.Sprintf("package old\n// %d\n", i), "money/purse.go": fmt.Sprintf("package old\n// wallet %d\n", i)},
			gittest.CommitOpts{Date: date("2026-06-01").AddDate(0, 0, 7*i).Format(time.RFC3339), Author: who})
	}
	res := run(t, r, "2026-08-01", nil)
	if m, ok := impacts(t, res, "refactor: move money into its own folder")[work.MeasureReach]; ok {
		t.Errorf("a move has reach: %q", m.Text)
	}
}

// The scenario: a flaky fix followed by a "still flaky" commit on
// the same test.
func TestReflakes(t *testing.T) {
	r := gittest.New(t)
	r.CommitWith("Add the parser", map[string]string{"parse.go": "package p\n", "parse_test.go": "package p\n"},
		gittest.CommitOpts{Date: "2026-01-10T10:00:00Z", Author: bo})
	r.Commit("Fix flaky TestParse by waiting for the worker", map[string]string{"parse_test.go": "package p\n// wait\n"}, "2026-05-04T10:00:00Z")
	r.CommitWith("TestParse is still flaky on slow machines: skip it there", map[string]string{"parse_test.go": "package p\n// skip\n"},
		gittest.CommitOpts{Date: "2026-06-20T10:00:00Z", Author: bo})
	res := run(t, r, "2026-12-01", nil)
	m, ok := impacts(t, res, "Fix flaky TestParse by waiting for the worker")[work.MeasureReflakes]
	if !ok || m.After != 1 {
		t.Fatalf("reflakes %+v, want 1", m)
	}
}

// A rerun with nothing new changes nothing; a later run measures again
// only the lines whose window grew, and says so.
func TestLivingDocMeasuresAgain(t *testing.T) {
	r := moduleWithFixes(t, 6, 0)
	first := run(t, r, "2026-07-01", nil)
	if !strings.Contains(string(first.Out), "0 fix commits by others touched its files in the 57 days after it so far (of 180), against 6") {
		t.Fatalf("first run:\n%s", first.Out)
	}
	doc, err := report.ParseDoc(first.Out)
	if err != nil {
		t.Fatal(err)
	}
	again := runStale(t, r, "2026-07-01", doc) // the same history

	if !again.Same || len(again.Remeasured) != 0 {
		t.Errorf("a rerun changed the doc (remeasured %v)", again.Remeasured)
	}
	// A fix lands; a month later the window has grown.
	r.CommitWith("fix(parser): handle the late case", map[string]string{"parser/parse.go": "package parser\n// late\n"},
		gittest.CommitOpts{Date: "2026-07-10T10:00:00Z", Author: bo})
	later := run(t, r, "2026-08-01", doc)
	if fmt.Sprint(later.Remeasured) != "[{2026Q2 2}]" {
		t.Errorf("remeasured %v, want the line in Highlights and the one under the item", later.Remeasured)
	}
	if n := strings.Count(string(later.Out), "1 fix commit by others touched its files in the 88 days after it so far (of 180), against 6"); n != 2 {
		t.Errorf("%d lines measured again:\n%s", n, later.Out)
	}
	// Only those lines changed, and the count of commits scanned.
	a, b := strings.Split(string(first.Out), "\n"), strings.Split(string(later.Out), "\n")
	if len(a) != len(b) {
		t.Fatalf("line counts %d and %d", len(a), len(b))
	}
	changed := 0
	for i := range a {
		if a[i] == b[i] || strings.Contains(a[i], "section scan") || strings.HasPrefix(a[i], "Scanned") {
			continue
		}
		changed++
		if !strings.Contains(a[i], "git-career:measured") {
			t.Errorf("line %d changed: %q → %q", i+1, a[i], b[i])
		}
	}
	if changed != 2 {
		t.Errorf("%d lines changed, want 2", changed)
	}
}

// Last quarter's work is measured again in this quarter's run: its lines
// were written while the window was open.
func TestLivingDocMeasuresLastQuarterAgain(t *testing.T) {
	r := moduleWithFixes(t, 6, 1)
	first := run(t, r, "2026-07-01", nil)
	doc, err := report.ParseDoc(first.Out)
	if err != nil {
		t.Fatal(err)
	}
	repo, err := history.Open(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	q3, _ := work.Quarter("2026Q3", date("2026-10-05"))
	r.CommitWith("Keep the lights on", map[string]string{"lights.txt": "2026-10-04\n"},
		gittest.CommitOpts{Date: "2026-10-04T12:00:00Z", Author: di})
	res, err := Run(context.Background(), Request{
		Repos: []*history.Repo{repo}, Identity: work.Identity{Emails: []string{gittest.AuthorEmail}},
		Read: q3, GitHub: GitHub{Off: true}, Now: date("2026-10-05"), Doc: doc,
	})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(res.Remeasured) != "[{2026Q2 2}]" {
		t.Errorf("remeasured %v", res.Remeasured)
	}
	if !strings.Contains(string(res.Out), "1 fix commit by others touched its files in the 153 days after it so far (of 180), against 6") {
		t.Errorf("Q2's line was not measured again:\n%s", res.Out)
	}
}

// A copy of the history that ends soon after the work (a clone not
// fetched since) says what it saw: the window after the work ends where
// the history does, "so far", not at the run's date.
func TestWindowEndsWithTheHistory(t *testing.T) {
	r := gittest.New(t)
	r.CommitWith("Add the parser", map[string]string{"parse.go": "package p\n", "parse_test.go": "package p\n"},
		gittest.CommitOpts{Date: "2026-01-10T10:00:00Z", Author: bo})
	r.Commit("Fix flaky TestParse by waiting for the worker", map[string]string{"parse_test.go": "package p\n// wait\n"}, "2026-05-04T10:00:00Z")
	r.CommitWith("Tidy the readme", map[string]string{"README": "p\n"},
		gittest.CommitOpts{Date: "2026-05-29T10:00:00Z", Author: bo})
	res := runStale(t, r, "2026-12-01", nil)
	m, ok := impacts(t, res, "Fix flaky TestParse by waiting for the worker")[work.MeasureReflakes]
	if !ok || m.After != 0 || m.AfterDays != 25 || !strings.Contains(m.Text, "in the 25 days after it so far (of 180)") {
		t.Fatalf("reflakes %+v, want none in the 25 days the history holds", m)
	}
}
