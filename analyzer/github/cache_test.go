package github

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/git-career/git-career/internal/fakegithub"
)

// sameEvidence compares two runs' findings, not their request counts.
func sameEvidence(t *testing.T, a, b *Evidence) {
	t.Helper()
	x, y := *a, *b
	x.Requests, x.NotModified, y.Requests, y.NotModified = 0, 0, 0, 0
	if !reflect.DeepEqual(x, y) {
		t.Errorf("evidence differs:\n%+v\n%+v", x, y)
	}
}

func TestGitHubCacheRevalidates(t *testing.T) {
	// Pagination too: a 304 carries no Link, the cache must restore it
	// (150 inline comments and their 150 answers: 3 pages).
	s := generated(fakegithub.Gen{AuthoredPRs: 150, ReviewedPRs: 1, ReviewComments: 150, Issues: 2, CommentedIssues: 2})
	r := newGHRun(t, s, afterGHQ3)
	dir := t.TempDir()
	opt := r.options()
	opt.HTTPClient = &http.Client{Transport: NewCacheTransport(dir, nil)}

	cold := r.mustRead(opt)
	if cold.NotModified != 0 {
		t.Errorf("cold run: %d not modified, want 0", cold.NotModified)
	}
	searches := r.scenario.PathRequests("/search/issues")
	if len(cold.ReviewComments) != 150 {
		t.Fatalf("cold run: %d review comments, want 150", len(cold.ReviewComments))
	}
	c := cold.ReviewComments[0]
	comments := fmt.Sprintf("/repos/%s/pulls/%d/comments", c.Repo, c.PRNumber)
	if pages := r.scenario.PathRequests(comments); pages != 3 {
		t.Fatalf("%s: %d pages, want 3", comments, pages)
	}
	warm := r.mustRead(opt)
	// Search answers carry no ETag on GitHub: all but they revalidate.
	if warm.Requests != cold.Requests || warm.NotModified != warm.Requests-searches {
		t.Errorf("warm run: %d requests, %d not modified; want %d, all but the %d searches not modified", warm.Requests, warm.NotModified, cold.Requests, searches)
	}
	if len(warm.ReviewComments) != 150 {
		t.Errorf("warm run: %d review comments, want 150 across the cached pages", len(warm.ReviewComments))
	}
	if got := r.scenario.NotModified(); got != warm.NotModified {
		t.Errorf("server answered %d 304s, reader counted %d", got, warm.NotModified)
	}
	sameEvidence(t, cold, warm)

	// ETags depend on the token: another token must not reuse them.
	opt.Token = "another-token"
	other := r.mustRead(opt)
	if other.NotModified != 0 {
		t.Errorf("another token: %d not modified, want 0", other.NotModified)
	}
	sameEvidence(t, cold, other)

	// The token is never written to the cache.
	entries, _ := os.ReadDir(dir)
	if len(entries) == 0 {
		t.Fatal("nothing cached")
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		if strings.Contains(string(b), testToken) || strings.Contains(string(b), "another-token") {
			t.Errorf("%s holds the token", e.Name())
		}
	}
}

func TestGitHubCacheKeepsOnlyGood(t *testing.T) {
	s := loadScenario(t, "ada.json")
	s.Fail("/repos/lovelace/engine/issues/14/comments", fakegithub.Failure{Status: 502, Times: 1})
	r := newGHRun(t, s, afterGHQ3)
	dir := t.TempDir()
	opt := r.options()
	opt.HTTPClient = &http.Client{Transport: NewCacheTransport(dir, nil)}
	cold := r.mustRead(opt)
	entries, _ := os.ReadDir(dir)
	// 12 answers; the 404 of babbage/gone and the 4 searches (no ETag)
	// are not kept, nor the 502.
	if len(entries) != 7 {
		t.Errorf("%d cache files, want 7 (12 answers but the 404 and 4 searches)", len(entries))
	}
	warm := r.mustRead(opt)
	// Everything but the 404 revalidates.
	if warm.Requests != 12 || warm.NotModified != 7 {
		t.Errorf("warm: %d requests, %d not modified; want 12 and 7", warm.Requests, warm.NotModified)
	}
	sameEvidence(t, cold, warm)
}

func TestGitHubCacheCorruptEntry(t *testing.T) {
	r := newGHRun(t, loadScenario(t, "ada.json"), afterGHQ3)
	dir := t.TempDir()
	opt := r.options()
	opt.HTTPClient = &http.Client{Transport: NewCacheTransport(dir, nil)}
	cold := r.mustRead(opt)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		os.WriteFile(filepath.Join(dir, e.Name()), []byte("{not json"), 0o600)
	}
	warm := r.mustRead(opt)
	if warm.NotModified != 0 {
		t.Errorf("corrupt entries used: %d not modified", warm.NotModified)
	}
	sameEvidence(t, cold, warm)
}
