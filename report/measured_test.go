package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/git-career/git-career/analyzer/work"
)

// regressions is an impact of the flaky fix git:aaaa of sampleReport,
// measured afterDays into its window.
func regressions(afterDays, after int) work.Impact {
	at := time.Date(2026, 9, 15, 12, 0, 0, 0, time.UTC)
	return work.Impact{
		Measure: work.MeasureRegressions, First: at, Last: at, WindowDays: 180, AfterDays: afterDays,
		Before: 6, After: after, Of: []string{"aaaa"},
		Text:     fmt.Sprintf("%d fix commits touched its files in the %d days after it so far (of 180), against 6 in the 180 days before.", after, afterDays),
		Evidence: []work.Evidence{{ID: strings.Repeat("c", 40), URL: "https://github.com/acme/api/commit/" + strings.Repeat("c", 40), After: true}, {ID: strings.Repeat("d", 40)}},
	}
}

func measuredReport(ms ...work.Impact) *work.Report {
	r := sampleReport()
	r.Contributions[0].Impact = ms
	return r
}

var measuredLineRE = regexp.MustCompile(`(?m)^.*git-career:measured.*$`)

func TestMeasuredLines(t *testing.T) {
	quote := work.Impact{Measure: work.MeasureQuoted, Quote: "from 120 ms to 40 ms", Text: "The author measured, in the commit message: \u201cfrom 120 ms to 40 ms\u201d"}
	doc := string(render(t, measuredReport(regressions(15, 1), quote)))
	lines := measuredLineRE.FindAllString(doc, -1)
	if len(lines) != 4 {
		t.Fatalf("%d measured lines, want 2 in Highlights and 2 under the item:\n%s", len(lines), doc)
	}
	want := "- **Measured:** 1 fix commits touched its files in the 15 days after it so far (of 180), against 6 in the 180 days before. " +
		"(after: [ccccccc](https://github.com/acme/api/commit/cccccccccccccccccccccccccccccccccccccccc); before: `ddddddd`)" +
		" <!-- git-career:measured regressions git:aaaa at=2026-09-15 to=2026-09-30 sum="
	if !strings.HasPrefix(lines[0], want) {
		t.Errorf("highlight line\n%s\nwant it to start\n%s", lines[0], want)
	}
	if !strings.HasPrefix(lines[2], "  - Measured: 1 fix commits") || !strings.Contains(lines[3], "  - Measured: The author measured, in the commit message: \u201cfrom 120 ms to 40 ms\u201d <!-- git-career:measured quoted git:aaaa sum=") {
		t.Errorf("item lines:\n%s\n%s", lines[2], lines[3])
	}
	// In Highlights, before the person's "Why it mattered".
	if i, j := strings.Index(doc, "- **Measured:**"), strings.Index(doc, "- **Why it mattered:**"); i < 0 || j < i {
		t.Error("the measured line is not before Why it mattered")
	}
	// Not in the appendix, which is one line an item.
	appendix := doc[strings.Index(doc, "section appendix"):]
	if strings.Contains(appendix, "Measured") {
		t.Error("the appendix holds a measured line")
	}
	d, err := ParseDoc([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	open := d.Open()
	if len(open) != 1 || open[0].Measure != work.MeasureRegressions || open[0].ID != "git:aaaa" ||
		open[0].At.Format(dateLayout) != "2026-09-15" || open[0].To.Format(dateLayout) != "2026-09-30" || fmt.Sprint(open[0].Commits) != "[aaaa]" {
		t.Errorf("Open() = %+v, want the regressions line alone (quotes are complete)", open)
	}
}

// A later run measures the open lines again, in Highlights too, without
// making the Highlights block look edited; a line the person edited, or
// one whose window was complete, is left alone; a rerun with nothing new
// changes nothing.
func TestMergeMeasuresAgain(t *testing.T) {
	first := render(t, measuredReport(regressions(15, 1)))
	if got := mustMerge(t, first, first); !bytes.Equal(got, first) {
		t.Fatal("a rerun changed the doc")
	}
	later := render(t, measuredReport(regressions(60, 3)))
	d, err := ParseDoc(first)
	if err != nil {
		t.Fatal(err)
	}
	got, _, re, err := d.MergeWith(later, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(got), "3 fix commits touched its files in the 60 days"); n != 2 {
		t.Errorf("%d lines measured again, want 2:\n%s", n, got)
	}
	if fmt.Sprint(re) != "[{2026Q3 2}]" {
		t.Errorf("remeasured %v", re)
	}
	// The Highlights block still reads as written: new work picks them
	// again.
	newer := render(t, withItem(measuredReport(regressions(60, 3)), "git:eeee", "New work"))
	got2, err := Merge(got, newer)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(highlightsBlock(string(got2)), "New work") {
		t.Error("Highlights were not picked again: the measured line made the block look edited")
	}

	// Edited by the person: kept.
	edited := strings.Replace(string(first), "against 6 in the 180 days before.", "against 6 in the 180 days before, a record.", 1)
	got3, err := Merge([]byte(edited), later)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(got3), "a record.") {
		t.Error("an edited measured line was replaced")
	}
	// Complete when written: never measured again.
	full := regressions(180, 2)
	full.Text = "2 fix commits in the 180 days after it"
	done := render(t, measuredReport(full))
	got4, err := Merge(done, later)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got4, done) {
		t.Error("a complete line was measured again")
	}
}

// Lines of a period the fresh document does not hold are measured again
// from the impacts the caller measured anew, by item id.
func TestMergeMeasuresOlderPeriodsAgain(t *testing.T) {
	old := measuredReport(regressions(15, 1))
	doc := render(t, old)
	fresh := render(t, quarter(4))
	d, err := ParseDoc(doc)
	if err != nil {
		t.Fatal(err)
	}
	again := map[string][]work.Impact{"git:aaaa": {regressions(100, 4)}}
	got, _, re, err := d.MergeWith(fresh, again)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(got), "4 fix commits touched its files in the 100 days"); n != 2 {
		t.Errorf("%d lines measured again, want 2", n)
	}
	if fmt.Sprint(re) != "[{2026Q3 2}]" {
		t.Errorf("remeasured %v", re)
	}
	// Merging the result again with the same measures changes nothing.
	d2, err := ParseDoc(got)
	if err != nil {
		t.Fatal(err)
	}
	got2, _, re2, err := d2.MergeWith(fresh, again)
	if err != nil || !bytes.Equal(got, got2) || len(re2) != 0 {
		t.Errorf("measuring again twice changed the doc (%v, %v)", err, re2)
	}
}

// A measured line whose words were deleted, leaving its marker, is a line
// of the item like any other: the document still parses.
func TestMeasuredMarkerAlone(t *testing.T) {
	doc := string(render(t, measuredReport(regressions(15, 1))))
	stripped := regexp.MustCompile(`(?m)^  - Measured: .*?( <!-- git-career:measured)`).ReplaceAllString(doc, "$1")
	if stripped == doc {
		t.Fatal("nothing stripped")
	}
	if _, err := ParseDoc([]byte(stripped)); err != nil {
		t.Errorf("parse: %v", err)
	}
}

func TestJSONImpact(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, measuredReport(regressions(15, 1))); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Contributions []struct {
			Impact []map[string]any `json:"impact"`
		} `json:"contributions"`
	}
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	var im map[string]any
	for _, c := range v.Contributions {
		if len(c.Impact) > 0 {
			im = c.Impact[0]
		}
	}
	got := fmt.Sprintln(im["measure"], im["before"], im["after"], im["window_days"], im["after_days"], im["evidence"])
	want := "regressions 6 1 180 15 [map[id:cccccccccccccccccccccccccccccccccccccccc url:https://github.com/acme/api/commit/cccccccccccccccccccccccccccccccccccccccc window:after] map[id:dddddddddddddddddddddddddddddddddddddddd window:before]]\n"
	if got != want {
		t.Errorf("impact %s\nwant %s", got, want)
	}
	if _, ok := im["people"]; ok {
		t.Error("a regressions impact carries reach's numbers")
	}
}

// highlightsBlock is the Highlights block of a doc.
func highlightsBlock(doc string) string {
	i := strings.Index(doc, "section highlights")
	j := strings.Index(doc, "end-section highlights")
	if i < 0 || j < i {
		return ""
	}
	return doc[i:j]
}
