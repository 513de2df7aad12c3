package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/git-career/git-career/analyzer/work"
)

// sampleReport has nil lists everywhere a caller might leave them nil, and
// dates in zones other than the period's.
func sampleReport() *work.Report {
	berlin := time.FixedZone("CEST", 2*60*60)
	la := time.FixedZone("PDT", -7*60*60)
	return &work.Report{
		Author: work.Identity{Emails: []string{"ana@example.com"}},
		Period: work.Period{
			Since: time.Date(2026, 7, 1, 0, 0, 0, 0, berlin),
			Until: time.Date(2026, 9, 30, 0, 0, 0, 0, berlin),
			Label: "2026Q3",
		},
		Sources: []work.Source{{Kind: "git", Repo: "api", Path: "/src/api", CommitsScanned: 1200}},
		Contributions: []work.Contribution{
			{
				ID: "git:aaaa", Kind: "commit", Repo: "api", SHA: "aaaa",
				Title: "Fix <flaky> test", Date: time.Date(2026, 9, 15, 23, 30, 0, 0, la),
				Author: "ana@example.com", Categories: []work.Category{work.FlakyTests},
				Reasons: []string{"only test files changed"}, Files: 2, Additions: 18, Deletions: 7,
			},
			{
				ID: "git:bbbb", Kind: "commit", Repo: "api", SHA: "bbbb",
				Title: "Pair on parser", Date: time.Date(2026, 7, 2, 9, 0, 0, 0, berlin),
				Author: "bo@example.com", Coauthors: []string{"Ana Lima <ana@example.com>"},
				Credited: true,
			},
		},
		Summary: map[work.Category]int{work.FlakyTests: 1},
	}
}

func TestJSONShape(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, sampleReport()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasSuffix(out, "}\n") || strings.HasSuffix(out, "\n\n") {
		t.Errorf("want exactly one trailing newline, got %q", out[len(out)-3:])
	}
	if !strings.HasPrefix(out, "{\n  \"schema\": ") {
		t.Errorf("want two-space indent starting with schema, got %q", out[:20])
	}
	if strings.Contains(out, "null") {
		t.Errorf("output contains null:\n%s", out)
	}
	if strings.Contains(out, `\u003c`) {
		t.Errorf("titles should not be HTML-escaped:\n%s", out)
	}

	var got reportV1
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Schema != "git-career/v1" {
		t.Errorf("schema = %q", got.Schema)
	}
	if got.Period != (periodV1{Since: "2026-07-01", Until: "2026-09-30", Label: "2026Q3"}) {
		t.Errorf("period = %+v", got.Period)
	}
	if len(got.Contributions) != 2 {
		t.Fatalf("got %d contributions, want 2", len(got.Contributions))
	}
	c := got.Contributions[0]
	if c.ID != "git:aaaa" || c.Date != "2026-09-15T23:30:00-07:00" ||
		c.Files != 2 || c.Additions != 18 || c.Deletions != 7 ||
		c.Title != "Fix <flaky> test" || c.Credited {
		t.Errorf("first contribution = %+v", c)
	}
	if len(c.Categories) != 1 || c.Categories[0] != "flaky-tests" {
		t.Errorf("categories = %v", c.Categories)
	}
	if !got.Contributions[1].Credited || got.Contributions[1].Coauthors[0] != "Ana Lima <ana@example.com>" {
		t.Errorf("second contribution = %+v", got.Contributions[1])
	}
	if got.Summary["flaky-tests"] != 1 || len(got.Summary) != 1 {
		t.Errorf("summary = %v", got.Summary)
	}
}

// TestJSONEmptyLists decodes into generic values, where a null and an empty
// list differ, and checks every list is present and empty.
func TestJSONEmptyLists(t *testing.T) {
	r := sampleReport()
	r.Author = work.Identity{}
	r.Contributions[1].Credited = false
	var buf bytes.Buffer
	if err := JSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	author := m["author"].(map[string]any)
	for _, k := range []string{"emails", "names", "logins"} {
		isEmptyList(t, "author."+k, author[k])
	}
	if _, ok := author["all"]; ok {
		t.Error("author.all present though false")
	}
	isEmptyList(t, "sources[0].warnings", m["sources"].([]any)[0].(map[string]any)["warnings"])
	second := m["contributions"].([]any)[1].(map[string]any)
	for _, k := range []string{"categories", "reasons"} {
		isEmptyList(t, "contributions[1]."+k, second[k])
	}
	if _, ok := second["credited"]; ok {
		t.Error("credited present though false")
	}

	buf.Reset()
	if err := JSON(&buf, &work.Report{}); err != nil {
		t.Fatal(err)
	}
	m = nil
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	isEmptyList(t, "sources", m["sources"])
	isEmptyList(t, "contributions", m["contributions"])
	if s, ok := m["summary"].(map[string]any); !ok || len(s) != 0 {
		t.Errorf("summary = %#v, want {}", m["summary"])
	}
}

func isEmptyList(t *testing.T, name string, v any) {
	t.Helper()
	if l, ok := v.([]any); !ok || len(l) != 0 {
		t.Errorf("%s = %#v, want []", name, v)
	}
}

// TestJSONPeriodZone checks period days are taken in the period's own zone
// even if Until was built in another zone.
func TestJSONPeriodZone(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*60*60)
	r := &work.Report{Period: work.Period{
		Since: time.Date(2026, 1, 1, 0, 0, 0, 0, tokyo),
		Until: time.Date(2026, 1, 30, 15, 0, 0, 0, time.UTC), // 00:00 on the 31st in Tokyo
	}}
	var buf bytes.Buffer
	if err := JSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	var got reportV1
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Period.Since != "2026-01-01" || got.Period.Until != "2026-01-31" {
		t.Errorf("period = %+v", got.Period)
	}
}

type failWriter struct{}

var errDiskFull = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func TestWriteErrorsWrapped(t *testing.T) {
	if err := JSON(failWriter{}, sampleReport()); !errors.Is(err, errDiskFull) {
		t.Errorf("JSON error = %v, want it to wrap %v", err, errDiskFull)
	}
	opt := Options{Score: func(*work.Contribution) float64 { return 1 }}
	if err := Markdown(failWriter{}, sampleReport(), opt); !errors.Is(err, errDiskFull) {
		t.Errorf("Markdown error = %v, want it to wrap %v", err, errDiskFull)
	}
}
