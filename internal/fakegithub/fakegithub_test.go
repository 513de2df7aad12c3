package fakegithub

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
)

// recorded are real GitHub answers kept beside the project, used to check
// that the fake's shapes match; the test skips where they are absent.
const recorded = "../../../shared/github-api-examples/"

type recording struct {
	Path     string          `json:"path"`
	Response json.RawMessage `json:"response"`
	Headers  map[string]any  `json:"headers"`
}

func loadRecording(t *testing.T, name string) []recording {
	b, err := os.ReadFile(recorded + name)
	if err != nil {
		t.Skipf("recorded examples not here: %v", err)
	}
	var out []recording
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func get(t *testing.T, url string, h http.Header) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for k, v := range h {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func smallScenario() *Scenario {
	day := time.Date(2026, 8, 1, 9, 0, 0, 0, time.UTC)
	return Generate(Gen{Login: "ada", Since: day, Until: day.AddDate(0, 0, 30), AuthoredPRs: 5, Issues: 70, Noise: 3})
}

func TestSearchShapeMatchesRecorded(t *testing.T) {
	rec := loadRecording(t, "octokit-search-issues.json")[0]
	var want struct {
		Items []map[string]any `json:"items"`
	}
	var wantTop map[string]any
	json.Unmarshal(rec.Response, &want)
	json.Unmarshal(rec.Response, &wantTop)

	srv := New(smallScenario())
	defer srv.Close()
	resp, b := get(t, srv.URL+"/search/issues?q=is:issue+author:ada", nil)
	var got struct {
		Items []map[string]any `json:"items"`
	}
	var gotTop map[string]any
	json.Unmarshal(b, &got)
	json.Unmarshal(b, &gotTop)
	if strings.Join(keys(gotTop), ",") != strings.Join(keys(wantTop), ",") {
		t.Errorf("top-level keys: got %v, want %v", keys(gotTop), keys(wantTop))
	}
	if len(got.Items) == 0 {
		t.Fatal("no items")
	}
	for _, k := range keys(want.Items[0]) {
		if _, ok := got.Items[0][k]; !ok {
			t.Errorf("search item lacks %q", k)
		}
	}
	for _, k := range keys(want.Items[0]["user"].(map[string]any)) {
		if _, ok := got.Items[0]["user"].(map[string]any)[k]; !ok {
			t.Errorf("user lacks %q", k)
		}
	}
	for k := range rec.Headers {
		if strings.HasPrefix(k, "x-ratelimit-") && resp.Header.Get(k) == "" {
			t.Errorf("header %s missing", k)
		}
	}
	if resp.Header.Get("X-RateLimit-Resource") != "search" || resp.Header.Get("X-RateLimit-Limit") != "30" {
		t.Errorf("search rate headers: %v", resp.Header)
	}
}

func TestPaginationMatchesRecorded(t *testing.T) {
	recs := loadRecording(t, "octokit-paginate-issues.json")
	mid := recs[1].Headers["link"].(string)
	srv := New(smallScenario())
	defer srv.Close()
	resp, _ := get(t, srv.URL+"/api/v3/search/issues?q=is:issue+author:ada&per_page=20&page=2", nil)
	link := resp.Header.Get("Link")
	for _, rel := range []string{`rel="prev"`, `rel="next"`, `rel="last"`, `rel="first"`} {
		if strings.Contains(mid, rel) != strings.Contains(link, rel) {
			t.Errorf("Link %q and recorded %q disagree on %s", link, mid, rel)
		}
	}
	if !strings.Contains(link, srv.URL+"/api/v3/search/issues?page=3&per_page=20") {
		t.Errorf("Link %q does not point at page 3 under /api/v3", link)
	}
}

func TestSearchWallAndETag(t *testing.T) {
	day := time.Date(2026, 8, 1, 9, 0, 0, 0, time.UTC)
	s := Generate(Gen{Login: "ada", Since: day, Until: day.AddDate(0, 0, 30), AuthoredPRs: 1200})
	srv := New(s)
	defer srv.Close()
	resp, b := get(t, srv.URL+"/search/issues?q=is:pr+author:ada&per_page=100&page=10", nil)
	var res struct {
		Total int   `json:"total_count"`
		Items []any `json:"items"`
	}
	json.Unmarshal(b, &res)
	if resp.StatusCode != 200 || res.Total != 1200 || len(res.Items) != 100 || strings.Contains(resp.Header.Get("Link"), `rel="next"`) {
		t.Errorf("page 10: %s, total %d, %d items, Link %q", resp.Status, res.Total, len(res.Items), resp.Header.Get("Link"))
	}
	if resp, _ := get(t, srv.URL+"/search/issues?q=is:pr+author:ada&per_page=100&page=11", nil); resp.StatusCode != 422 {
		t.Errorf("page 11 past the wall: %s, want 422", resp.Status)
	}
	auth := http.Header{"Authorization": {"Bearer one"}}
	first, _ := get(t, srv.URL+"/repos/acme/repo1", auth)
	etag := first.Header.Get("ETag")
	again, _ := get(t, srv.URL+"/repos/acme/repo1", http.Header{"Authorization": {"Bearer one"}, "If-None-Match": {etag}})
	other, _ := get(t, srv.URL+"/repos/acme/repo1", http.Header{"Authorization": {"Bearer two"}, "If-None-Match": {etag}})
	if etag == "" || again.StatusCode != 304 || other.StatusCode != 200 {
		t.Errorf("etag %q: same token %s, other token %s; want 304 and 200", etag, again.Status, other.Status)
	}
	if s.NotModified() != 1 {
		t.Errorf("not modified: %d", s.NotModified())
	}
}

func TestInjectedFailures(t *testing.T) {
	s := smallScenario()
	s.Fail("/user", Failure{Status: 500, Times: 1})
	s.Fail("/user", Failure{Status: 429, RetryAfter: 7, Times: 1})
	srv := New(s)
	defer srv.Close()
	r1, _ := get(t, srv.URL+"/user", nil)
	r2, _ := get(t, srv.URL+"/user", nil)
	r3, b := get(t, srv.URL+"/user", nil)
	if r1.StatusCode != 500 || r2.StatusCode != 429 || r2.Header.Get("Retry-After") != "7" || r3.StatusCode != 200 {
		t.Errorf("got %s, %s (Retry-After %q), %s", r1.Status, r2.Status, r2.Header.Get("Retry-After"), r3.Status)
	}
	if !strings.Contains(string(b), `"login":"ada"`) {
		t.Errorf("user: %s", b)
	}
	if s.PathRequests("/user") != 3 || s.Requests() != 3 {
		t.Errorf("counters: %d, %d", s.PathRequests("/user"), s.Requests())
	}
}
