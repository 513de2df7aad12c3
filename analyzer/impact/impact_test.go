package impact

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/git-career/git-career/analyzer/work"
)

var t0 = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)

func days(n int) time.Time { return t0.AddDate(0, 0, n) }

func sha(n int) string { return fmt.Sprintf("%040x", n) }

// history is a window from a year before t0 to now, with commits made by
// the test.
func history(now time.Time, cs ...Commit) *History {
	return &History{Commits: cs, Since: days(-365), Now: now}
}

func fix(n, at int, paths ...string) Commit {
	return Commit{SHA: sha(n), Author: "bo@example.com", When: days(at), Fix: true, Touched: paths}
}

var cleanup = Work{Commits: []string{sha(1)}, First: t0, Last: t0, Regressions: true, Files: []string{"pkg/a.go"}}

func only(t *testing.T, ms []work.Impact, measure string) *work.Impact {
	t.Helper()
	var found *work.Impact
	for i := range ms {
		if ms[i].Measure == measure {
			if found != nil {
				t.Fatalf("two %s impacts", measure)
			}
			found = &ms[i]
		}
	}
	return found
}

// The scenario: 6 fix commits in the 180 days before a cleanup,
// 1 in the 180 after.
func TestRegressionsSixBeforeOneAfter(t *testing.T) {
	var cs []Commit
	for i := 0; i < 6; i++ {
		cs = append(cs, fix(10+i, -170+20*i, "pkg/a.go"))
	}
	cs = append(cs, fix(20, 30, "pkg/a.go"),
		// Not counted: a fix elsewhere, a commit that is no fix, one
		// outside the windows, a bot's fix, the work itself.
		fix(21, 40, "pkg/b.go"),
		Commit{SHA: sha(22), When: days(50), Touched: []string{"pkg/a.go"}},
		fix(23, -200, "pkg/a.go"), fix(24, 200, "pkg/a.go"),
		Commit{SHA: sha(25), When: days(60), Fix: true, Bot: true, Touched: []string{"pkg/a.go"}},
		Commit{SHA: sha(1), When: t0, Fix: true, Touched: []string{"pkg/a.go"}},
	)
	h := history(days(400), cs...)
	h.Baseline = []Classified{{days(-10), true}, {days(-20), false}, {days(-30), false}, {days(-40), false}, {days(10), true}, {days(20), false}}
	m := only(t, Measure(cleanup, h), work.MeasureRegressions)
	if m == nil {
		t.Fatal("no regressions impact")
	}
	if m.Before != 6 || m.After != 1 || m.WindowDays != 180 || m.AfterDays != 180 || m.Open() {
		t.Errorf("before %d after %d window %d after-days %d, want 6, 1, 180, 180", m.Before, m.After, m.WindowDays, m.AfterDays)
	}
	if m.BaselineBefore != 25 || m.BaselineAfter != 50 {
		t.Errorf("baseline %v %v, want 25 and 50", m.BaselineBefore, m.BaselineAfter)
	}
	if len(m.Evidence) != 7 || m.Evidence[0].ID != sha(20) || !m.Evidence[0].After || m.Evidence[1].After {
		t.Errorf("evidence %v: want the fix after first, then the six before", m.Evidence)
	}
	want := "1 fix commit by others touched its files in the 180 days after it, against 6 in the 180 days before; repository-wide, 25% of commits were fixes before and 50% after."
	if m.Text != want {
		t.Errorf("text %q\nwant %q", m.Text, want)
	}
}

// A hub (a file one commit in twenty of the windows touches, as a
// server's main file is) and a manifest say nothing of one change: the
// fixes there are not counted; the work's other files still are.
func TestRegressionsLeaveHubsOut(t *testing.T) {
	w := Work{Commits: []string{sha(1)}, First: t0, Last: t0, Regressions: true, Files: []string{"src/server.c", "go.mod"}}
	var cs []Commit
	for i := 0; i < 6; i++ {
		cs = append(cs, fix(10+i, -170+20*i, "src/server.c", "go.mod"))
	}
	cs = append(cs, fix(20, 30, "src/server.c"))
	for i := 0; i < 100; i++ { // others' work, server.c in 13 of them
		c := Commit{SHA: sha(100 + i), When: days(-150 + 3*i), Touched: []string{"src/other.c"}}
		if i%15 == 0 {
			c.Touched = []string{"src/server.c"}
		}
		cs = append(cs, c)
	}
	if m := only(t, Measure(w, history(days(400), cs...)), work.MeasureRegressions); m != nil {
		t.Errorf("fixes to a hub counted: %q", m.Text)
	}
	// The same fixes on a quiet file of the work are counted.
	w.Files = append(w.Files, "src/quiet.c")
	for i := 0; i < 6; i++ {
		cs[i].Touched = append(cs[i].Touched, "src/quiet.c")
	}
	m := only(t, Measure(w, history(days(400), cs...)), work.MeasureRegressions)
	if m == nil || m.Before != 6 || m.After != 0 {
		t.Fatalf("quiet file: got %+v, want 6 before and 0 after", m)
	}
	if !strings.HasPrefix(m.Text, "0 fix commits by others touched its files but server.c and go.mod (which much of the repository's work touches) in the ") {
		t.Errorf("the text does not say which files were left out: %q", m.Text)
	}
}

func TestRegressionsNeedFiveEvents(t *testing.T) {
	h := history(days(400), fix(10, -10, "pkg/a.go"), fix(11, -20, "pkg/a.go"), fix(12, 10, "pkg/a.go"))
	if m := only(t, Measure(cleanup, h), work.MeasureRegressions); m != nil {
		t.Errorf("3 events gave %q", m.Text)
	}
}

// A window after the work that has not ended yet says so, and counts
// what there is; a window before it that was not read is no measure.
func TestRegressionsSoFar(t *testing.T) {
	var cs []Commit
	for i := 0; i < 5; i++ {
		cs = append(cs, fix(10+i, -10-i, "pkg/a.go"))
	}
	cs = append(cs, fix(20, 30, "pkg/a.go"), fix(21, 50, "pkg/a.go"))
	m := only(t, Measure(cleanup, history(days(40), cs...)), work.MeasureRegressions)
	if m == nil || m.After != 1 || m.AfterDays != 40 || !m.Open() {
		t.Fatalf("got %+v, want 1 fix in 40 days so far", m)
	}
	if !strings.Contains(m.Text, "in the 40 days after it so far (of 180)") {
		t.Errorf("text %q does not say the window is incomplete", m.Text)
	}
	h := history(days(40), cs...)
	h.Since = days(-100)
	if m := only(t, Measure(cleanup, h), work.MeasureRegressions); m != nil {
		t.Errorf("measured with 100 of the 180 days before read: %q", m.Text)
	}
}

// A commit naming the work in a Fixes: trailer, or reverting it, counts
// whatever the recogniser said and wherever it changed.
func TestRegressionsNamedAndReverted(t *testing.T) {
	var cs []Commit
	for i := 0; i < 4; i++ {
		cs = append(cs, fix(10+i, -10-i, "pkg/a.go"))
	}
	cs = append(cs,
		Commit{SHA: sha(20), When: days(5), Names: []string{sha(1)[:12]}},
		Commit{SHA: sha(21), When: days(6), Reverts: sha(1)},
		Commit{SHA: sha(22), When: days(7), Names: []string{sha(1)[:5]}}, // too short to name anything
	)
	m := only(t, Measure(cleanup, history(days(400), cs...)), work.MeasureRegressions)
	if m == nil || m.After != 2 {
		t.Fatalf("got %+v, want 2 after", m)
	}
	if !strings.Contains(m.Text, "(2 name it in a Fixes: trailer or revert it)") {
		t.Errorf("text %q", m.Text)
	}
}

// A recogniser asked lazily is asked only about commits touching the
// files.
func TestRecogniseAsked(t *testing.T) {
	var cs []Commit
	for i := 0; i < 6; i++ {
		cs = append(cs, Commit{SHA: sha(10 + i), When: days(-10 - i), Touched: []string{"pkg/a.go"}})
	}
	cs = append(cs, Commit{SHA: sha(30), When: days(-5)})
	h := history(days(400), cs...)
	asked := map[int]bool{}
	h.Recognise = func(i int) (bool, bool) {
		asked[i] = true
		return true, false
	}
	m := only(t, Measure(cleanup, h), work.MeasureRegressions)
	if m == nil || m.Before != 6 {
		t.Fatalf("got %+v", m)
	}
	if asked[6] || len(asked) != 6 {
		t.Errorf("asked about %v", asked)
	}
}

// The scenario: a flaky fix followed by a "still flaky" commit on
// the same test.
func TestReflakes(t *testing.T) {
	w := Work{Commits: []string{sha(1)}, First: t0, Last: t0, Flaky: true, Files: []string{"a_test.go"}, Tests: []string{"a_test.go"}}
	h := history(days(400),
		Commit{SHA: sha(10), When: days(20), Flaky: true, Touched: []string{"a_test.go"}},
		Commit{SHA: sha(11), When: days(30), Flaky: true, Touched: []string{"b_test.go"}},
		Commit{SHA: sha(12), When: days(40), Touched: []string{"a_test.go"}},
	)
	m := only(t, Measure(w, h), work.MeasureReflakes)
	if m == nil || m.After != 1 || len(m.Evidence) != 1 || m.Evidence[0].ID != sha(10) {
		t.Fatalf("got %+v, want 1", m)
	}
	if m.Text != "1 later commit touching its tests spoke of flakiness again in the 180 days after it." {
		t.Errorf("text %q", m.Text)
	}
	m = only(t, Measure(w, history(days(10))), work.MeasureReflakes)
	if m == nil || m.After != 0 || m.Text != "No later commit touching its tests spoke of flakiness again in the 10 days after it so far (of 180)." {
		t.Errorf("none: %+v", m)
	}
}

// The scenario: a new package that 3 others import later.
func TestReachOfANewPackage(t *testing.T) {
	w := Work{Commits: []string{sha(1)}, First: t0, Last: t0, New: []string{"pkg/new/", "pkg/new/new.go"}}
	h := history(days(400),
		Commit{SHA: sha(10), Author: "bo", When: days(10), Uses: []string{"pkg/new/"}},
		Commit{SHA: sha(11), Author: "cy", When: days(20), Uses: []string{"pkg/new/"}},
		Commit{SHA: sha(12), Author: "cy", When: days(21), Touched: []string{"pkg/new/new.go"}},
		Commit{SHA: sha(13), Author: "di", When: days(30), Uses: []string{"pkg/new/"}},
		Commit{SHA: sha(14), Author: "ada", Mine: true, When: days(31), Uses: []string{"pkg/new/"}},
		Commit{SHA: sha(15), Author: "bot", Bot: true, When: days(32), Uses: []string{"pkg/new/"}},
		Commit{SHA: sha(16), Author: "ed", When: days(300), Uses: []string{"pkg/new/"}},
	)
	m := only(t, Measure(w, h), work.MeasureReach)
	if m == nil || m.People != 3 || m.Commits != 4 {
		t.Fatalf("got %+v, want 3 people, 4 commits", m)
	}
	if m.Text != "3 other people changed or referred to the files it added in the 180 days after it (4 commits)." {
		t.Errorf("text %q", m.Text)
	}
	if m := only(t, Measure(w, history(days(400))), work.MeasureReach); m != nil {
		t.Errorf("no one: %q", m.Text)
	}
}

func TestQuoted(t *testing.T) {
	for _, tt := range []struct {
		msg  string
		want []string
	}{
		{"Speed up the parser\n\nThis cuts parse time from 120 ms to 40 ms on the big fixture.", []string{"This cuts parse time from 120 ms to 40 ms on the big fixture."}},
		{"Cache lookups: 3x faster", []string{"Cache lookups: 3x faster"}},
		{"Use a pool\n\nAllocations drop by 40% and latency 120ms -> 80ms.", []string{"Allocations drop by 40% and latency 120ms -> 80ms."}},
		{"Faster diff\n\nname      old time/op  new time/op  delta\nDiff-8    120ms ± 2%   40ms ± 1%   -66.67%  (p=0.000 n=10+10)\nParse-8   10ms ± 1%    10ms ± 1%     ~     (p=0.4 n=10+10)\n",
			[]string{"Diff-8 120ms ± 2% 40ms ± 1% -66.67% (p=0.000 n=10+10)"}},
		{"Bump foo from 1.2 to 1.3", nil},
		{"Retry from 3 to 5 times", nil},
		{"All 100% of the tests pass now", nil},
		{"Fix the 2x2 matrix case", nil},
		{"Faster\n\nSigned-off-by: A <a@b.c>", nil},
	} {
		ms := Quoted(tt.msg, FromCommit)
		var got []string
		for _, m := range ms {
			got = append(got, m.Quote)
			if m.Measure != work.MeasureQuoted || !strings.Contains(m.Text, "The author measured, in the commit message") {
				t.Errorf("%q: impact %+v", tt.msg, m)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Quoted(%q) = %q, want %q", tt.msg, got, tt.want)
		}
	}
}

func TestQuotedCutsLongSentences(t *testing.T) {
	long := strings.Repeat("word ", 80) + "which took the build from 10 minutes to 4 minutes " + strings.Repeat("more ", 80)
	ms := Quoted("Speed up\n\n"+long, FromCommit)
	if len(ms) != 1 {
		t.Fatalf("got %d quotes", len(ms))
	}
	q := ms[0].Quote
	if !strings.Contains(q, "from 10 minutes to 4 minutes") || !strings.HasPrefix(q, "…") || !strings.HasSuffix(q, "…") || len([]rune(q)) > maxQuote+2 {
		t.Errorf("quote %q", q)
	}
}

func TestReferences(t *testing.T) {
	refs := References([]string{"pkg/new/new.go", "pkg/new/new_test.go", "docs/impact.md", "docs/README.md", "script/release.sh", "t/t1234-foo.sh", "cmd/x.go"},
		[]string{"pkg/new/"}, "example.com/mod")
	var got []string
	for _, r := range refs {
		got = append(got, r.Kind+" "+r.Unit+" "+r.Text)
	}
	want := []string{`go pkg/new/ "example.com/mod/pkg/new"`, "doc docs/impact.md impact.md", "any script/release.sh release.sh"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("References = %q\nwant %q", got, want)
	}
	if !refs[0].In("cmd/main.go") || refs[0].In("pkg/new/other.go") || refs[0].In("README.md") {
		t.Error("a Go import counts in Go files outside the package only")
	}
	if !refs[2].In(".github/workflows/release.yml") || !refs[2].In("Makefile") || refs[2].In("main.c") {
		t.Error("a script is called from workflows and makefiles, not from C files")
	}
}

func TestIsTest(t *testing.T) {
	for p, want := range map[string]bool{
		"a_test.go": true, "tests/x.py": true, "test_x.py": true, "src/x.test.ts": true, "FooTest.java": true,
		"spec/a_spec.rb": true, "t/t0001-init.sh": true, "src/x.go": false, "latest.go": false, "contest.py": false,
	} {
		if IsTest(p) != want {
			t.Errorf("IsTest(%q) = %v", p, !want)
		}
	}
}

// A file someone else added later in a folder the work created is theirs:
// changing it is no reach of the work; changing a file it added is.
func TestReachFilesNotFolders(t *testing.T) {
	w := Work{Commits: []string{sha(1)}, First: t0, Last: t0, New: []string{"build/", "build/main.rs"}}
	h := history(days(300),
		Commit{SHA: sha(2), Author: "cy@example.com", When: days(30), Touched: []string{"build/"}},
	)
	if m := only(t, Measure(w, h), work.MeasureReach); m != nil {
		t.Errorf("a change in the folder, not to its files, is reach: %q", m.Text)
	}
	h = history(days(300),
		Commit{SHA: sha(2), Author: "cy@example.com", When: days(30), Touched: []string{"build/", "build/main.rs"}},
	)
	if m := only(t, Measure(w, h), work.MeasureReach); m == nil || m.People != 1 {
		t.Errorf("a change to a file it added: %+v", m)
	}
}
