package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/git-career/git-career/analyzer/work"
)

// ourComments finds the spans a person is not expected to type inside:
// marker lines, seen records and item id markers.
var ourComments = regexp.MustCompile(`(?m)^<!-- git-career:seen [^\n]*\n(?:[^\n]*\n)*?-->|^<!-- git-career:[^\n]*-->| <!-- id:\S+ -->`)

// FuzzMerge inserts arbitrary text anywhere in a rendered document except
// inside our own comments, then merges a fresh document into it. Merge
// must either refuse, leaving the input alone, or keep every line the
// insertion touched, in order, and be a no-op the second time.
func FuzzMerge(f *testing.F) {
	f.Add(uint(0), "A note before everything\n", false, uint8(0))
	f.Add(uint(400), "Why it mattered: we shipped early.\n", false, uint8(1))
	f.Add(uint(900), "\n### My own section\n\n- a thing\n", true, uint8(0))
	f.Add(uint(1200), "  - an indented note\n", false, uint8(1))
	f.Add(uint(700), "<!-- git-career:section shipped -->\n", false, uint8(0))
	f.Add(uint(300), "-->\n", false, uint8(2))
	f.Add(uint(500), "<!-- id:git:cccc -->", false, uint8(1))
	f.Add(uint(50), "\n", false, uint8(2))
	f.Add(uint(2000), "x", true, uint8(1))
	// Found by fuzzing: a space after a marker, a "-->" line, a space
	// between "\r" and "\n" and an LF before a CRLF in an untouched empty
	// period.
	f.Add(uint(400), " ", false, uint8(1))
	f.Add(uint(300), "-->\n", true, uint8(2))
	f.Add(uint(692), " ", true, uint8(2))
	f.Add(uint(246), "\n", true, uint8(2))
	f.Add(uint(655), "\r\n", true, uint8(2))

	empty := &work.Report{Period: quarter(2).Period, Author: sampleReport().Author}
	bases := [][]byte{
		fuzzRender(f, quarter(3)),
		fuzzRender(f, withToward(quarter(3)), quarter(1)),
		fuzzRender(f, empty, quarter(1)),
	}
	freshQ3 := withToward(withItem(quarter(3), "git:cccc", "Add the new thing"))
	freshQ3.Sources[0].CommitsScanned++
	fresh := fuzzRender(f, freshQ3, withItem(quarter(2), "git:dddd", "Another new thing"))

	f.Fuzz(func(t *testing.T, off uint, text string, crlf bool, pick uint8) {
		base := bases[int(pick)%len(bases)]
		if crlf {
			base = bytes.ReplaceAll(base, []byte("\n"), []byte("\r\n"))
		}
		at := int(off % uint(len(base)+1))
		for _, span := range ourComments.FindAllIndex(base, -1) {
			if span[0] < at && at < span[1] {
				at = span[0]
			}
		}
		edited := make([]byte, 0, len(base)+len(text))
		edited = append(append(append(edited, base[:at]...), text...), base[at:]...)
		before := bytes.Clone(edited)

		merged, err := Merge(edited, fresh)
		if !bytes.Equal(edited, before) {
			t.Fatal("Merge modified its input")
		}
		if err != nil {
			return
		}
		start := bytes.LastIndexByte(edited[:at], '\n') + 1
		end := len(edited)
		if i := bytes.IndexByte(edited[at+len(text):], '\n'); i >= 0 {
			end = at + len(text) + i
		}
		if missing := missingLines(insertedLines(edited[start:end], at-start, len(text)), string(merged)); missing != "" {
			t.Fatalf("line %q of the person's text is gone:\n%s", missing, merged)
		}
		again, err := Merge(merged, fresh)
		if err != nil {
			t.Fatalf("second Merge: %v", err)
		}
		if !bytes.Equal(again, merged) {
			t.Fatalf("merging twice is not a no-op:\n%s\n---\n%s", merged, again)
		}
	})
}

// insertedLines returns the lines of region that hold some of the n bytes
// inserted at offset at, other than white space: the person's lines,
// whole. Line breaks and blanks typed alone are not text to keep.
func insertedLines(region []byte, at, n int) []string {
	var out []string
	pos := 0
	for _, l := range strings.Split(string(region), "\n") {
		lo, hi := max(pos, at), min(pos+len(l)+1, at+n, len(region))
		if lo < hi && strings.TrimSpace(string(region[lo:hi])) != "" {
			out = append(out, l)
		}
		pos += len(l) + 1
	}
	return out
}

// missingLines returns the first non-blank line of want that is not in doc
// after the lines found before it, or "" when all are there in order.
func missingLines(lines []string, doc string) string {
	docLines := strings.Split(doc, "\n")
	i := 0
	for _, want := range lines {
		if strings.TrimSpace(want) == "" {
			continue
		}
		for i < len(docLines) && docLines[i] != want {
			i++
		}
		if i == len(docLines) {
			return want
		}
		i++
	}
	return ""
}

func fuzzRender(f *testing.F, rs ...*work.Report) []byte {
	var buf bytes.Buffer
	if err := MarkdownPeriods(&buf, rs, testOptions); err != nil {
		f.Fatal(err)
	}
	return buf.Bytes()
}

func withToward(r *work.Report) *work.Report {
	e := work.Expectation{Text: "Owns problems", Ideas: []string{"Fix a flaky test"}}
	r.Toward = &work.Toward{
		Target: work.Level{Title: "Senior Engineer"},
		Items:  []work.TowardItem{{Expectation: e, Evidence: []string{r.Contributions[0].ID}}},
	}
	return r
}
