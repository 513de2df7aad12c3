package report

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/diff"

	"github.com/git-career/git-career/analyzer/work"
)

var testOptions = Options{Score: func(c *work.Contribution) float64 { return float64(c.Additions) }}

func render(t *testing.T, rs ...*work.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := MarkdownPeriods(&buf, rs, testOptions); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// mustMerge merges, checks that existing is left alone and that merging
// again changes nothing, and returns the merge.
func mustMerge(t *testing.T, existing, fresh []byte) []byte {
	t.Helper()
	before := bytes.Clone(existing)
	got, err := Merge(existing, fresh)
	if err != nil {
		t.Fatalf("Merge: %v", err)
	}
	if !bytes.Equal(existing, before) {
		t.Fatal("Merge modified its input")
	}
	again, err := Merge(got, fresh)
	if err != nil {
		t.Fatalf("second Merge: %v", err)
	}
	if d := diff.Diff("merged", got, "merged again", again); d != nil {
		t.Fatalf("merging twice is not a no-op:\n%s", d)
	}
	return got
}

// quarter is sampleReport moved to another quarter of 2026, with its ids
// made distinct.
func quarter(q int) *work.Report {
	r := sampleReport()
	loc := r.Period.Since.Location()
	r.Period.Since = time.Date(2026, time.Month(3*q-2), 1, 0, 0, 0, 0, loc)
	r.Period.Until = r.Period.Since.AddDate(0, 3, -1)
	r.Period.Label = "2026Q" + string(rune('0'+q))
	for i := range r.Contributions {
		c := &r.Contributions[i]
		c.ID += "-q" + string(rune('0'+q))
		c.Date = r.Period.Since.AddDate(0, 0, 10+i)
	}
	return r
}

func withItem(r *work.Report, id, title string) *work.Report {
	r.Contributions = append(r.Contributions, work.Contribution{
		ID: id, Kind: work.KindCommit, Repo: "api", SHA: strings.TrimPrefix(id, "git:"),
		Title: title, Date: r.Period.Until, Categories: []work.Category{work.Feature},
		Files: 1, Additions: 30,
	})
	return r
}

func TestMergeSameDocument(t *testing.T) {
	for _, doc := range [][]byte{
		render(t, sampleReport()),
		render(t, quarter(1), quarter(2), quarter(3)),
		render(t, &work.Report{Period: sampleReport().Period}),
	} {
		if got := mustMerge(t, doc, doc); !bytes.Equal(got, doc) {
			t.Errorf("Merge(doc, doc) changed it:\n%s", diff.Diff("doc", doc, "merged", got))
		}
	}
}

func TestMergeDeletedItemsStayDeleted(t *testing.T) {
	doc := render(t, sampleReport())
	var kept []string
	for _, l := range strings.SplitAfter(string(doc), "\n") {
		// The item and its "why" line, everywhere it is listed.
		if !strings.Contains(l, "id:git:aaaa") && !strings.Contains(l, "why: only test files changed") {
			kept = append(kept, l)
		}
	}
	edited := []byte(strings.Join(kept, ""))
	fresh := render(t, withItem(sampleReport(), "git:cccc", "Add the new thing"))
	got := string(mustMerge(t, edited, fresh))
	if strings.Contains(got, "<!-- id:git:aaaa -->") {
		t.Errorf("a deleted item came back:\n%s", got)
	}
	if n := strings.Count(got, "<!-- id:git:cccc -->"); n != 2 {
		t.Errorf("new item listed %d times, want 2 (its section and the appendix):\n%s", n, got)
	}
}

func TestMergePeriodOrder(t *testing.T) {
	periods := regexp.MustCompile(`(?m)^<!-- git-career:period (\S+)`)
	order := func(doc []byte) string {
		var ls []string
		for _, m := range periods.FindAllSubmatch(doc, -1) {
			ls = append(ls, string(m[1]))
		}
		return strings.Join(ls, " ")
	}
	existing := render(t, quarter(1), quarter(3))
	existing = append(existing, "\nMy own notes after the last period.\n"...)
	got := mustMerge(t, existing, render(t, quarter(4), quarter(2)))
	if o, want := order(got), "2026Q4 2026Q3 2026Q2 2026Q1"; o != want {
		t.Errorf("periods %s, want %s", o, want)
	}
	if !bytes.HasSuffix(got, []byte("\nMy own notes after the last period.\n")) {
		t.Errorf("notes after the last period moved:\n%s", got)
	}
	if n := bytes.Count(got, []byte("# Brag document:")); n != 1 {
		t.Errorf("%d titles, want 1", n)
	}
}

func TestMergeCRLF(t *testing.T) {
	crlf := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) }
	edited := append(render(t, sampleReport()), "\nA note of mine.\n"...)
	fresh := render(t, withItem(quarter(3), "git:cccc", "Add the new thing"), quarter(4))
	lf := mustMerge(t, edited, fresh)
	got := mustMerge(t, crlf(edited), fresh)
	if !bytes.Equal(got, crlf(lf)) {
		t.Errorf("CRLF merge differs from the LF one:\n%s", diff.Diff("want", crlf(lf), "got", got))
	}
}

func TestMergeNoFinalNewline(t *testing.T) {
	edited := bytes.TrimSuffix(render(t, quarter(3)), []byte("\n"))
	got := mustMerge(t, edited, render(t, quarter(4)))
	if !bytes.HasPrefix(got[bytes.Index(got, []byte("<!-- git-career:period 2026Q3")):], bytes.TrimSuffix(edited[bytes.Index(edited, []byte("<!-- git-career:period")):], []byte("\n"))) {
		t.Errorf("period 2026Q3 changed:\n%s", got)
	}
}

func TestMergeSeenRecordDeleted(t *testing.T) {
	doc := string(render(t, sampleReport()))
	start := strings.Index(doc, "<!-- git-career:seen")
	end := strings.Index(doc[start:], "-->\n") + start + len("-->\n")
	edited := doc[:start] + doc[end:]
	got := string(mustMerge(t, []byte(edited), render(t, sampleReport())))
	// The ids still marked in the period are what was seen.
	if want := doc[:start] + doc[start:end] + doc[end:]; got != want {
		t.Errorf("seen record not rebuilt:\n%s", diff.Diff("want", []byte(want), "got", []byte(got)))
	}
}

func TestMergeRejects(t *testing.T) {
	doc := string(render(t, quarter(3)))
	period := doc[strings.Index(doc, "<!-- git-career:period"):]
	tests := []struct {
		name, doc, want string
	}{
		{"not ours", "# My brag doc\n\nThings I did.\n", `not a git-career document (no "<!-- git-career:doc v1 -->" marker)`},
		{"empty", "", "not a git-career document"},
		{"older version", "# Brag document: Ana — 2026Q3\n\n- a thing\n<!-- git-career: generated, sha256:00 -->\n", "written by an older git-career"},
		{"newer format", strings.Replace(doc, "doc v1", "doc v2", 1), "line 1: document format v2 is not supported"},
		{"period never closed", strings.Replace(doc, "<!-- git-career:end-period 2026Q3 -->\n", "", 1), "line 6: period 2026Q3 is never closed"},
		{"period closed twice", doc + "<!-- git-career:end-period 2026Q3 -->\n", "end of period 2026Q3 without its start"},
		{"period closed as another", strings.Replace(doc, "end-period 2026Q3", "end-period 2026Q2", 1), "period 2026Q3 opened on line 6 is closed as 2026Q2"},
		{"duplicated period", doc + "\n" + period, "period 2026Q3 appears twice (lines 6 and "},
		{"section never closed", strings.Replace(doc, "<!-- git-career:end-section appendix -->\n", "", 1), "section appendix in period 2026Q3 is never closed"},
		{"section outside a period", doc + "<!-- git-career:section shipped -->\n", "section shipped outside any period"},
		{"seen never closed", strings.Replace(doc, "git:bbbb-q3\n-->\n", "git:bbbb-q3\n", 1), "seen record for 2026Q3 is not closed before line"},
		{"unknown marker", strings.Replace(doc, "section appendix -->", "sektion appendix -->", 1), "unknown git-career marker"},
		{"marker with text after it", strings.Replace(doc, "section appendix -->", "section appendix --> my note", 1), "malformed git-career marker"},
	}
	fresh := render(t, quarter(3))
	for _, tt := range tests {
		in := []byte(tt.doc)
		before := bytes.Clone(in)
		got, err := Merge(in, fresh)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
		if got != nil {
			t.Errorf("%s: returned %d bytes with the error", tt.name, len(got))
		}
		if !bytes.Equal(in, before) {
			t.Errorf("%s: input modified", tt.name)
		}
	}
}

// TestMergeRunningPeriod: the current quarter ends today, so each run
// moves its end date; the marker and heading follow unless edited.
func TestMergeRunningPeriod(t *testing.T) {
	early := quarter(4)
	early.Period.Until = time.Date(2026, 11, 20, 0, 0, 0, 0, early.Period.Since.Location())
	later := withItem(quarter(4), "git:cccc", "Add the new thing")
	later.Period.Until = time.Date(2026, 11, 27, 0, 0, 0, 0, later.Period.Since.Location())

	got := string(mustMerge(t, render(t, early), render(t, later)))
	for _, want := range []string{
		"<!-- git-career:period 2026Q4 2026-10-01..2026-11-27 -->\n## 2026Q4 · 2026-10-01 to 2026-11-27\n",
		"<!-- id:git:cccc -->",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}

	edited := strings.Replace(string(render(t, early)), "## 2026Q4 · 2026-10-01 to 2026-11-20", "## Q4: the migration quarter", 1)
	got = string(mustMerge(t, []byte(edited), render(t, later)))
	if !strings.Contains(got, "-->\n## Q4: the migration quarter\n") {
		t.Errorf("edited heading not kept:\n%s", got)
	}

	// An early run found nothing; the period is still written anew.
	empty := &work.Report{Period: early.Period, Author: early.Author}
	got = string(mustMerge(t, render(t, empty), render(t, later)))
	if want := string(render(t, later)); got != want {
		t.Errorf("empty running period not rewritten:\n%s", diff.Diff("want", []byte(want), "got", []byte(got)))
	}
}

// TestMergeKeepsLegacyStamp: the line older versions ended a document
// with is not a marker, just text to keep.
func TestMergeKeepsLegacyStamp(t *testing.T) {
	edited := append(render(t, quarter(3)), "<!-- git-career: generated, sha256:00 -->\n"...)
	got := mustMerge(t, edited, render(t, quarter(4)))
	if !bytes.HasSuffix(got, []byte("\n<!-- git-career: generated, sha256:00 -->\n")) {
		t.Errorf("stamp not kept:\n%s", got)
	}
}

func TestMergeBadFresh(t *testing.T) {
	_, err := Merge(render(t, quarter(3)), []byte("# not ours\n"))
	var pe *ParseError
	if err == nil || errors.As(err, &pe) || !strings.Contains(err.Error(), "fresh document") {
		t.Errorf("err = %v (%T), want a plain error about the fresh document", err, err)
	}
}

func TestMarkdownPeriods(t *testing.T) {
	got := string(render(t, quarter(1), quarter(3), quarter(2)))
	i1, i2, i3 := strings.Index(got, "## 2026Q1"), strings.Index(got, "## 2026Q2"), strings.Index(got, "## 2026Q3")
	if i1 < 0 || i2 < 0 || i3 < 0 || i3 > i2 || i2 > i1 {
		t.Errorf("periods not newest first:\n%s", got)
	}
	var buf bytes.Buffer
	if err := MarkdownPeriods(&buf, []*work.Report{quarter(1), quarter(1)}, testOptions); err == nil {
		t.Error("two reports for one period: no error")
	}
	if err := MarkdownPeriods(&buf, nil, testOptions); err == nil {
		t.Error("no reports: no error")
	}
}
