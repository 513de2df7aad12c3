package report

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/git-career/git-career/analyzer/work"
)

func TestMarkdownRequiresScore(t *testing.T) {
	var buf bytes.Buffer
	err := Markdown(&buf, sampleReport(), Options{})
	if err == nil || !strings.Contains(err.Error(), "Score") {
		t.Fatalf("err = %v, want a missing-Score error", err)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes before failing", buf.Len())
	}
}

func TestMarkdownDefaults(t *testing.T) {
	r := sampleReport()
	for i := range 8 {
		r.Contributions = append(r.Contributions, work.Contribution{
			ID: "git:x" + string(rune('a'+i)), SHA: "x", Date: r.Period.Since,
			Kind: work.KindCommit, Title: "Ship " + string(rune('1'+i)),
			Categories: []work.Category{work.Feature}, Additions: 40,
		})
	}
	var buf bytes.Buffer
	opt := Options{Score: func(*work.Contribution) float64 { return 1 }}
	if err := Markdown(&buf, r, opt); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, "considered the next level here?") {
		t.Error("NextLevel default not used")
	}
	if n := strings.Count(out, "**Why it mattered:**"); n != defaultHighlights {
		t.Errorf("%d highlights, want %d", n, defaultHighlights)
	}

	buf.Reset()
	opt.Highlights = -1
	if err := Markdown(&buf, r, opt); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "## Highlights") {
		t.Error("negative Highlights should leave the section out")
	}
}

// TestTopScoredTies pins the tie-break: score, then newest, then ID.
func TestTopScoredTies(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 7, d, 12, 0, 0, 0, time.UTC) }
	cs := []work.Contribution{
		{ID: "git:c", Date: day(1)},
		{ID: "git:b", Date: day(2)},
		{ID: "git:a", Date: day(2)},
		{ID: "git:top", Date: day(1)},
		{ID: "git:zero", Date: day(3)},
	}
	scores := map[string]float64{"git:top": 5, "git:a": 2, "git:b": 2, "git:c": 2}
	score := func(c *work.Contribution) float64 { return scores[c.ID] }
	var ids []string
	for _, c := range topScored(byDate(cs), score, 10) {
		ids = append(ids, c.ID)
	}
	if got, want := strings.Join(ids, " "), "git:top git:a git:b git:c"; got != want {
		t.Errorf("order = %s, want %s", got, want)
	}
	if got := topScored(byDate(cs), score, 2); len(got) != 2 {
		t.Errorf("limit 2 gave %d items", len(got))
	}
}

func TestPlace(t *testing.T) {
	cats := func(ks ...work.Category) []work.Category { return ks }
	tests := []struct {
		name string
		c    work.Contribution
		head string
		sub  work.Category
	}{
		{"feature", work.Contribution{Categories: cats(work.Feature)}, headShipped, ""},
		{"credited beats everything", work.Contribution{Credited: true, Categories: cats(work.CrossTeam, work.FlakyTests)}, headMentor, ""},
		{"cross-team beats design", work.Contribution{Categories: cats(work.Feature, work.Design, work.CrossTeam)}, headCross, ""},
		{"design", work.Contribution{Categories: cats(work.Design)}, headDesign, ""},
		{"filed under the primary kind only", work.Contribution{Categories: cats(work.Docs, work.Design)}, headProblems, work.Docs},
		{"first problem category", work.Contribution{Categories: cats(work.Automation, work.FlakyTests)}, headProblems, work.FlakyTests},
		{"problem beats co-authored", work.Contribution{Coauthors: []string{"Bo <b@x>"}, Categories: cats(work.Cleanup)}, headProblems, work.Cleanup},
		{"co-authored own work is shipped", work.Contribution{Coauthors: []string{"Bo <b@x>"}, Categories: cats(work.Feature)}, headShipped, ""},
		{"mentoring", work.Contribution{Categories: cats(work.Mentoring)}, headMentor, ""},
		// A release is listed as shipped, never as a problem the person owned.
		{"release", work.Contribution{Categories: cats(work.Release)}, headShipped, ""},
		{"uncategorised", work.Contribution{}, "", ""},
	}
	for _, tt := range tests {
		head, sub := place(&tt.c)
		if head != tt.head || sub != tt.sub {
			t.Errorf("%s: place = %q, %q; want %q, %q", tt.name, head, sub, tt.head, tt.sub)
		}
	}
}

func TestMarkdownDeterministic(t *testing.T) {
	opt := Options{Score: func(c *work.Contribution) float64 { return float64(c.Additions) }}
	render := func(r *work.Report) string {
		var buf bytes.Buffer
		if err := Markdown(&buf, r, opt); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	r := sampleReport()
	r.Sources = append(r.Sources, work.Source{Repo: "aaa", CommitsScanned: 3})
	want := render(r)
	// Swap the inputs around: the output must not depend on their order.
	r.Contributions[0], r.Contributions[1] = r.Contributions[1], r.Contributions[0]
	r.Sources[0], r.Sources[1] = r.Sources[1], r.Sources[0]
	if got := render(r); got != want {
		t.Errorf("input order changed the output:\n%s\nvs\n%s", got, want)
	}
	if !strings.Contains(want, "Scanned aaa (3 commits), api (1,200 commits).") {
		t.Errorf("sources not sorted:\n%s", want)
	}
	if !strings.Contains(want, "Fix \\<flaky\\> test") {
		t.Errorf("title not escaped:\n%s", want)
	}
}

// A minor change (ten lines or fewer, no flag) is no Highlight while a
// substantial one exists; when all are minor, they are what there is.
func TestMinorChangesNotHighlighted(t *testing.T) {
	item := func(id, title string, add int) work.Contribution {
		return work.Contribution{ID: "git:" + id, SHA: id, Kind: work.KindCommit, Title: title,
			Categories: []work.Category{work.Docs}, Additions: add}
	}
	for _, tt := range []struct {
		items []work.Contribution
		want  []string
	}{
		{[]work.Contribution{item("a", "Rewrite the onboarding guide", 120), item("b", "Add a badge", 2)}, []string{"Rewrite the onboarding guide"}},
		{[]work.Contribution{item("a", "Fix a typo", 1), item("b", "Add a badge", 2)}, []string{"Add a badge", "Fix a typo"}},
	} {
		r := sampleReport()
		r.Contributions = tt.items
		for i := range r.Contributions {
			r.Contributions[i].Date = r.Period.Since
		}
		var buf bytes.Buffer
		if err := Markdown(&buf, r, Options{Score: work.Score}); err != nil {
			t.Fatal(err)
		}
		h := highlightsBlock(buf.String())
		var got []string
		for _, l := range strings.Split(h, "\n") {
			if strings.HasPrefix(l, "#### ") {
				got = append(got, strings.SplitN(l, ". ", 2)[1])
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Highlights %q, want %q", got, tt.want)
		}
	}
}
