package report

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/git-career/git-career/analyzer/work"
)

// busyReport is a quarter of n commits of its own plus a story of leaks
// commits tied by one ticket, each in a file of its own: "fix leaking
// buffer N in the parser" ×leaks in src/ and test/.
func busyReport(n, leaks int) *work.Report {
	r := &work.Report{
		Author: work.Identity{Emails: []string{"ana@example.com"}, Names: []string{"Ana Lima"}},
		Period: work.Period{
			Since: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC),
			Until: time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC),
			Label: "2026Q3",
		},
		Sources: []work.Source{{Kind: "git", Repo: "api", CommitsScanned: n + leaks}},
		Summary: map[work.Category]int{},
	}
	add := func(i int, title string, cats []work.Category, areas []string, refs []string) {
		sha := fmt.Sprintf("%040x", i+1)
		r.Contributions = append(r.Contributions, work.Contribution{
			ID: "git:" + sha, Kind: work.KindCommit, Repo: "api", SHA: sha,
			URL: "https://github.com/acme/api/commit/" + sha, Title: title,
			Date: r.Period.Since.Add(time.Duration(i) * 3 * time.Hour), Author: "ana@example.com",
			Categories: cats, Reasons: []string{"message says " + strings.Fields(title)[0]},
			Files: 1, Additions: 3, Deletions: 1, Areas: areas, Refs: refs,
			Paths: []string{fmt.Sprintf("%s/file%d.c", areas[len(areas)-1], i)},
		})
		for _, k := range cats {
			r.Summary[k]++
		}
	}
	kinds := []work.Category{work.Feature, work.Fix, work.Testing, work.Docs, work.Refactor, work.Automation}
	for i := range n {
		k := kinds[i%len(kinds)]
		add(i, fmt.Sprintf("Change %d of the %s kind", i, k), []work.Category{k}, []string{"src"}, nil)
	}
	for i := range leaks {
		area := []string{"src"}
		if i%2 == 0 {
			area = []string{"src", "test"}
		}
		add(n+i, fmt.Sprintf("fix leaking buffer %d in the parser", i), []work.Category{work.Fix}, area, []string{"PARSER-7"})
	}
	// The analyzer's order: newest first.
	for i, j := 0, len(r.Contributions)-1; i < j; i, j = i+1, j-1 {
		r.Contributions[i], r.Contributions[j] = r.Contributions[j], r.Contributions[i]
	}
	return r
}

func renderDoc(t *testing.T, r *work.Report, opt Options) string {
	t.Helper()
	if opt.Score == nil {
		opt.Score = work.Score
	}
	var buf bytes.Buffer
	if err := Markdown(&buf, r, opt); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// visibleLines counts the lines a reader sees: outside <details> folds and
// outside HTML comments (markers and the seen record, which GitHub does
// not show).
func visibleLines(doc string) int {
	n, fold, comment := 0, 0, false
	for _, l := range strings.Split(strings.TrimSuffix(doc, "\n"), "\n") {
		t := strings.TrimSpace(l)
		switch {
		case comment:
			comment = !strings.Contains(t, "-->")
			continue
		case strings.HasPrefix(t, "<details>"):
			fold++
			continue
		case t == "</details>":
			fold--
			continue
		case strings.HasPrefix(t, "<!--") && !strings.Contains(t, "-->"):
			comment = true
			continue
		case strings.HasPrefix(t, "<!--") && strings.HasSuffix(t, "-->"):
			continue
		}
		if fold == 0 {
			n++
		}
	}
	return n
}

func TestSeriesIsOneItem(t *testing.T) {
	out := renderDoc(t, busyReport(4, 140), Options{})
	// Once in Highlights (a story ranks by its summed size), once in its
	// section; titled after its largest commit (all are the same size
	// here: the newest).
	title := "fix leaking buffer 139 in the parser"
	for _, want := range []string{
		"#### 1. " + title + "\n",
		"- " + title + " (140 commits) — 2026-07-01 to 2026-07-18 · fix · +420/−140 · in src, test <!-- id:series:git:",
		"\n  - commits: [",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	// Every commit of the series is linked, and still in the appendix.
	for i := 4; i < 144; i++ {
		sha := fmt.Sprintf("%040x", i+1)
		if n := strings.Count(out, "/commit/"+sha+")"); n != 3 {
			t.Fatalf("commit %s linked %d times, want 3 (highlight, section, appendix)", sha[:7], n)
		}
	}
}

// storyReport is a quarter of the given commits, newest first as the
// analyzer sorts them: each a fix of 4 lines in its paths, with its refs.
func storyReport(commits ...work.Contribution) *work.Report {
	r := busyReport(0, 0)
	for i := range commits {
		c := &commits[i]
		sha := fmt.Sprintf("%040x", 1000+i)
		c.ID, c.Kind, c.Repo, c.SHA = "git:"+sha, work.KindCommit, "api", sha
		if c.Categories == nil {
			c.Categories = []work.Category{work.Fix}
		}
		if c.Additions == 0 {
			c.Additions = 4
		}
		c.Files = len(c.Paths)
		c.Date = r.Period.Since.Add(time.Duration(len(commits)-i) * 24 * time.Hour)
	}
	r.Contributions = commits
	return r
}

// Stories come from evidence, never from words: three fixes whose
// subjects open alike but share no file, issue or ticket are three items.
func TestSeriesNeedsEvidence(t *testing.T) {
	out := renderDoc(t, storyReport(
		work.Contribution{Title: "tempfile: do not delete the lock twice", Paths: []string{"tempfile.c"}},
		work.Contribution{Title: "revision: do not fall back to HEAD", Paths: []string{"revision.c"}},
		work.Contribution{Title: "log: do not free the decoration", Paths: []string{"log.c"}},
	), Options{})
	if strings.Contains(out, "series:") || strings.Contains(out, " commits) —") {
		t.Errorf("unrelated commits told as one story:\n%s", out)
	}
	// The same files within weeks, the same kind: one story (three at
	// least); a changelog they all touch ties nothing.
	out = renderDoc(t, storyReport(
		work.Contribution{Title: "Wait for the checkout page before asserting", Paths: []string{"checkout_test.go", "CHANGELOG.md"}, Categories: []work.Category{work.Testing}},
		work.Contribution{Title: "Reset the cart between checkout tests", Paths: []string{"checkout_test.go"}, Categories: []work.Category{work.Testing}, Additions: 40},
		work.Contribution{Title: "Seed the checkout fixtures", Paths: []string{"checkout_test.go", "fixtures.go"}, Categories: []work.Category{work.Testing}},
		work.Contribution{Title: "Add the changelog entry", Paths: []string{"CHANGELOG.md"}, Categories: []work.Category{work.Testing}},
	), Options{})
	if !strings.Contains(out, "- Reset the cart between checkout tests (3 commits)") {
		t.Errorf("three commits on the checkout tests are not one story:\n%s", out)
	}
	// Two commits naming one ticket are a story.
	out = renderDoc(t, storyReport(
		work.Contribution{Title: "Add the export button", Paths: []string{"ui/export.ts"}, Refs: []string{"SHOP-12"}, Categories: []work.Category{work.Feature}},
		work.Contribution{Title: "Write the CSV encoder", Paths: []string{"csv/encode.go"}, Refs: []string{"SHOP-12"}, Categories: []work.Category{work.Feature}, Additions: 90},
	), Options{})
	if !strings.Contains(out, "- Write the CSV encoder (2 commits)") {
		t.Errorf("two commits of one ticket are not one story:\n%s", out)
	}
}

// Releases and dependency updates are one line each, "21 releases",
// never a Highlight nor a problem owned.
func TestRoutineSeries(t *testing.T) {
	var cs []work.Contribution
	for i := range 21 {
		cs = append(cs, work.Contribution{Title: fmt.Sprintf("Release v1.%d.0", 21-i), Paths: []string{"CHANGELOG.md", "VERSION"}, Categories: []work.Category{work.Release}, Additions: 300})
	}
	cs = append(cs, work.Contribution{Title: "Fix the retry budget", Paths: []string{"retry.go"}})
	out := renderDoc(t, storyReport(cs...), Options{})
	if !strings.Contains(out, "- 21 releases (21 commits)") {
		t.Errorf("the releases are not one line:\n%s", out)
	}
	h := out[strings.Index(out, "### Highlights"):strings.Index(out, "end-section highlights")]
	if strings.Contains(h, "release") || !strings.Contains(h, "#### 1. Fix the retry budget") {
		t.Errorf("Highlights:\n%s", h)
	}
}

// TestSeriesSkipsKnown: commits a document already lists never join a
// new series in a later run, so a merge cannot list them twice; a series
// the document holds is told again as it was.
func TestSeriesSkipsKnown(t *testing.T) {
	r := busyReport(0, 5)
	known := map[string]bool{}
	for _, c := range r.Contributions[1:] {
		known[c.ID] = true
	}
	out := renderDoc(t, r, Options{Known: known})
	if strings.Contains(out, "series:") {
		t.Errorf("one new commit and four known made a series:\n%s", out)
	}
	known = map[string]bool{r.Contributions[4].ID: true}
	out = renderDoc(t, r, Options{Known: known})
	if !strings.Contains(out, "(4 commits)") {
		t.Errorf("four new commits are not one series:\n%s", out)
	}
	first := renderDoc(t, r, Options{})
	if again := renderDoc(t, r, Options{Known: mustIDs(t, first)}); again != first {
		t.Errorf("rendered again knowing the doc, the story changed:\n%s\nwant\n%s", again, first)
	}
}

// TestBusyQuarterReads is the measure: a quarter of 600 commits
// (with a 140-commit series) shows at most 300 lines outside its folds.
func TestBusyQuarterReads(t *testing.T) {
	out := renderDoc(t, busyReport(460, 140), Options{})
	n := visibleLines(out)
	t.Logf("600 commits: %d lines in all, %d visible outside folds and comments", strings.Count(out, "\n"), n)
	if n > 300 {
		t.Errorf("%d visible lines, want at most 300", n)
	}
	if !strings.Contains(out, "<details><summary>and ") {
		t.Error("no section was folded")
	}
	if !strings.Contains(out, "<details><summary>600 items</summary>") {
		t.Error("the appendix is not folded")
	}
}

func TestVisibleLinesCounts(t *testing.T) {
	doc := "a\n<!-- x -->\n<!-- seen\nid\n-->\n<details><summary>s</summary>\n\nhidden\n</details>\nb\n"
	if n := visibleLines(doc); n != 2 {
		t.Errorf("visibleLines = %d, want 2", n)
	}
}

func TestHighlightsOwnWorkUniqueTitles(t *testing.T) {
	day := time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC)
	r := busyReport(0, 0)
	r.Contributions = []work.Contribution{
		{ID: "git:1", Kind: work.KindCommit, SHA: "1", Title: "Retry webhooks", Date: day, Categories: []work.Category{work.Fix}, Additions: 10},
		{ID: "git:2", Kind: work.KindCommit, SHA: "2", Title: "retry  webhooks", Date: day.Add(time.Hour), Categories: []work.Category{work.Fix}, Additions: 10},
		{ID: "git:3", Kind: work.KindCommit, SHA: "3", Title: "Their big change", Date: day, Categories: []work.Category{work.Security}, Additions: 9000, Credited: true},
		{ID: "review-comment:4", Kind: work.KindReviewComment, Title: "Commented on X", Date: day, Categories: []work.Category{work.Mentoring, work.Reviews}, Class: "educational"},
	}
	out := renderDoc(t, r, Options{})
	h := out[strings.Index(out, "### Highlights"):strings.Index(out, "end-section highlights")]
	if strings.Count(h, "#### ") != 1 || !strings.Contains(h, "#### 1. retry  webhooks") && !strings.Contains(h, "#### 1. retry webhooks") {
		t.Errorf("want one highlight, the newer retry commit:\n%s", h)
	}
	for _, bad := range []string{"Their big change", "Commented on X"} {
		if strings.Contains(h, bad) {
			t.Errorf("%q is highlighted: not the person's own commit or pull request", bad)
		}
	}
}

func TestCoauthorNamesOnce(t *testing.T) {
	got := coauthorNames([]string{"Bo Chen <bo@a.com>", "bo chen <bo@b.com>", "Cy <cy@c.com>"})
	if want := "Bo Chen, Cy"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestMergeRefreshesHighlights: Highlights follow the work while nobody
// wrote in them, and stay once someone has.
func TestMergeRefreshesHighlights(t *testing.T) {
	r := busyReport(2, 0)
	first := renderDoc(t, r, Options{})
	r2 := busyReport(2, 0)
	sha := fmt.Sprintf("%040x", 99)
	r2.Contributions = append([]work.Contribution{{
		ID: "git:" + sha, Kind: work.KindCommit, SHA: sha, Title: "Stabilise the flaky checkout test",
		Date: r.Period.Until, Categories: []work.Category{work.Testing, work.FlakyTests}, Additions: 40,
	}}, r2.Contributions...)
	second := renderDoc(t, r2, Options{Known: mustIDs(t, first)})
	merged, changes, err := MergeChanges([]byte(first), []byte(second))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(merged), "#### 1. Stabilise the flaky checkout test") {
		t.Errorf("untouched Highlights were not refreshed:\n%s", merged)
	}
	if len(changes) != 1 || changes[0].New || changes[0].Items != 1 {
		t.Errorf("changes = %+v, want 2026Q3 merged with 1 new item", changes)
	}

	edited := strings.Replace(first, "- **Why it mattered:** <!-- who benefited, what it unblocked, numbers if you have them -->",
		"- **Why it mattered:** the release went out on time.", 1)
	merged, _, err = MergeChanges([]byte(edited), []byte(second))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(merged), "#### 1. Stabilise") || !strings.Contains(string(merged), "the release went out on time.") {
		t.Errorf("Highlights the person wrote in were replaced:\n%s", merged)
	}
	if !strings.Contains(string(merged), "- Stabilise the flaky checkout test") {
		t.Errorf("the new item is not in its section:\n%s", merged)
	}
}

func mustIDs(t *testing.T, doc string) map[string]bool {
	t.Helper()
	ids, _, err := DocIDs([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func TestMergeRefusesOverlap(t *testing.T) {
	q3 := renderDoc(t, busyReport(3, 0), Options{})
	r := busyReport(3, 0)
	r.Period = work.Period{Since: r.Period.Since, Until: time.Date(2026, 7, 31, 0, 0, 0, 0, time.UTC)}
	july := renderDoc(t, r, Options{})
	_, _, err := MergeChanges([]byte(q3), []byte(july))
	var oe *OverlapError
	if !errors.As(err, &oe) {
		t.Fatalf("err = %v, want an OverlapError", err)
	}
	if want := "report: period 2026-07-01..2026-07-31 overlaps period 2026Q3 (2026-07-01..2026-09-30) already in the document; merging it would list the work of the days they share twice"; err.Error() != want {
		t.Errorf("err = %q\nwant  %q", err, want)
	}
	// The same label is the same period, even when it has grown.
	if _, _, err := MergeChanges([]byte(q3), []byte(q3)); err != nil {
		t.Errorf("merging a period into itself: %v", err)
	}
}

// TestMergeAppendixStaysFolded: new items join the appendix inside its fold.
func TestMergeAppendixStaysFolded(t *testing.T) {
	first := renderDoc(t, busyReport(2, 0), Options{})
	second := renderDoc(t, busyReport(3, 0), Options{})
	merged, err := Merge([]byte(first), []byte(second))
	if err != nil {
		t.Fatal(err)
	}
	m := string(merged)
	app := m[strings.Index(m, "### Appendix"):strings.Index(m, "end-section appendix")]
	if !strings.HasSuffix(app, "\n\n</details>\n<!-- git-career:") || strings.Count(app, "- Change ") != 3 {
		t.Errorf("appendix after the merge:\n%s", app)
	}
	if i, j := strings.Index(app, "Change 2 of"), strings.Index(app, "</details>"); i < 0 || i > j {
		t.Errorf("the new item is outside the fold:\n%s", app)
	}
}

// TestMergeSeriesNeverTwice: a series that forms after some of its
// commits were listed alone lists only the new ones, so a living doc
// names every commit once in its sections.
func TestMergeSeriesNeverTwice(t *testing.T) {
	first := renderDoc(t, busyReport(0, 2), Options{})
	r := busyReport(0, 5)
	second := renderDoc(t, r, Options{Known: mustIDs(t, first)})
	merged, err := Merge([]byte(first), []byte(second))
	if err != nil {
		t.Fatal(err)
	}
	m := string(merged)
	body := m[:strings.Index(m, "### Appendix")]
	body = body[strings.Index(body, "end-section highlights"):]
	for i := range 5 {
		sha := fmt.Sprintf("%040x", i+1)
		if n := strings.Count(body, "/commit/"+sha+")"); n != 1 {
			t.Errorf("commit %d is linked %d times in the sections, want once:\n%s", i, n, body)
		}
	}
	if !strings.Contains(body, "- fix leaking buffer 4 in the parser (3 commits)") {
		t.Errorf("the three new commits are not one series:\n%s", body)
	}
}

// Commits that start, cut and note one release are release commits, not
// as many releases.
func TestReleaseCommitsTitle(t *testing.T) {
	rel := func(title string) *work.Contribution {
		return &work.Contribution{Title: title, Categories: []work.Category{work.Release}}
	}
	for _, tt := range []struct {
		titles []string
		want   string
	}{
		{[]string{"start version 3.1.0", "release version 3.0.3", "start version 3.0.3"}, "3 release commits (3.0.3; started 3.1.0)"},
		{[]string{"Release v1.2.0", "Release v1.1.0"}, "2 releases"},
		{[]string{"Prepare the release", "Tag it"}, "2 release commits"},
	} {
		var ms []*work.Contribution
		for _, s := range tt.titles {
			ms = append(ms, rel(s))
		}
		if got := releasesTitle(ms); got != tt.want {
			t.Errorf("releasesTitle(%q) = %q, want %q", tt.titles, got, tt.want)
		}
	}
}

// A story of a fix and its longer test is a fix, named by the fix: the
// tests come with the work, they are not its point.
func TestStoryKindByItsPoint(t *testing.T) {
	r := storyReport(
		work.Contribution{Title: "update the renderer's golden files", Paths: []string{"testdata/app.golden"}, Categories: []work.Category{work.Testing}, Additions: 40, Landed: "b1",
			Reasons: []string{"only test files changed: testdata/app.golden"}},
		work.Contribution{Title: "renderer: reset the cursor on the first line", Paths: []string{"renderer.go"}, Additions: 6, Landed: "b1",
			Reasons: []string{"message says reset"}},
	)
	out := renderDoc(t, r, Options{})
	if !strings.Contains(out, "- renderer: reset the cursor on the first line (2 commits) — ") {
		t.Fatalf("the story is not named by its fix:\n%s", out)
	}
	line := out[strings.Index(out, "- renderer: reset the cursor on the first line (2 commits) — "):]
	line = line[:strings.Index(line, "\n")]
	if !strings.Contains(line, " · fix · ") {
		t.Errorf("the story's kind is not fix: %s", line)
	}
	if strings.Contains(out, "why: message says reset; only test files changed") || !strings.Contains(out, "  - why: message says reset\n") {
		t.Errorf("the story does not give its fix's reason alone:\n%s", out)
	}
}

// A fix that says it follows up the person's own earlier change says so
// on its line: it is their work twice, not two wins.
func TestFollowsUpOwnWork(t *testing.T) {
	r := storyReport(
		work.Contribution{Title: "Fix use-after-free in active expire (#13135)", Paths: []string{"src/expire.c"}, FollowsUp: []string{"#13072"}},
		work.Contribution{Title: "Free empty dicts in the kvstore (#13072)", Paths: []string{"src/kvstore.c"}},
		work.Contribution{Title: "Fix a timeout (#99)", Paths: []string{"src/blocked.c"}, FollowsUp: []string{"#12"}},
	)
	out := renderDoc(t, r, Options{})
	if !strings.Contains(out, "Fix use-after-free in active expire (#13135)") || !regexp.MustCompile(`Fix use-after-free in active expire \(#13135\) .* · follows up your #13072 \(2026-07-0\d\)`).MatchString(out) {
		t.Errorf("the follow-up is not said:\n%s", out)
	}
	if strings.Contains(out, "follows up your #12") {
		t.Error("a change that is not the person's, or not in the doc, is named as theirs")
	}
}
