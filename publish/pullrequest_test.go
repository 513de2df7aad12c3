package publish

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/git-career/git-career/internal/fakegithub"
)

const (
	docPath = "brag/2026Q3.md"
	branch  = "git-career/ada/2026Q3"
	fileKey = branch + ":" + docPath
)

func TestPullRequestOpenedThenUpdated(t *testing.T) {
	s, client := fake(t)
	p := publisher(t, client, "acme/brag")

	url, created, err := p.PullRequest(t.Context(), "Ada", "2026Q3", docPath, title, []byte("# Ada\n\nfirst draft\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !created || url != "https://github.test/acme/brag/pull/2000" {
		t.Errorf("first run: %q, created %v; want pull request 2000, created", url, created)
	}
	pub := s.Published("acme/brag")
	if got := pub.Files[fileKey]; got != "# Ada\n\nfirst draft\n" {
		t.Errorf("%s on %s holds %q, want the doc", docPath, branch, got)
	}
	if _, ok := pub.Refs[branch]; !ok {
		t.Errorf("no branch %s; branches: %v", branch, pub.Refs)
	}
	if len(pub.Pulls) != 1 {
		t.Fatalf("first run opened %d pull requests, want 1", len(pub.Pulls))
	}
	pr := pub.Pulls[0]
	if pr.Head != branch || pr.Base != "main" || pr.Title != title ||
		!strings.Contains(pr.Body, "`"+docPath+"`") || !strings.HasSuffix(pr.Body, Marker("ada", "2026Q3")+"\n") {
		t.Errorf("pull request %+v; want %s into main, titled %q, naming the file, with the marker", pr, branch, title)
	}

	// A rerun commits the new doc on the same branch and finds the pull
	// request open: no second one, and no edit while title and body hold.
	// The login is the user's as given (@Ada), the branch lower case.
	tip := pub.Refs[branch]
	url, created, err = p.PullRequest(t.Context(), "Ada", "2026Q3", docPath, title, []byte("# Ada\n\nsecond draft\n"))
	if err != nil {
		t.Fatal(err)
	}
	if created || url != "https://github.test/acme/brag/pull/2000" {
		t.Errorf("rerun: %q, created %v; want pull request 2000, updated", url, created)
	}
	if len(pub.Pulls) != 1 || pr.Edits != 0 || pub.Files[fileKey] != "# Ada\n\nsecond draft\n" || pub.Refs[branch] == tip {
		t.Errorf("rerun: %d pull requests (%d edits), file %q, tip %s (was %s); want one pull request, unedited, the new doc committed",
			len(pub.Pulls), pr.Edits, pub.Files[fileKey], pub.Refs[branch], tip)
	}

	// The same doc again makes no empty commit.
	tip = pub.Refs[branch]
	if _, created, err := p.PullRequest(t.Context(), "Ada", "2026Q3", docPath, title, []byte("# Ada\n\nsecond draft\n")); err != nil || created {
		t.Fatalf("third run: created %v, %v", created, err)
	}
	if pub.Refs[branch] != tip {
		t.Errorf("an unchanged doc moved %s from %s to %s", branch, tip, pub.Refs[branch])
	}

	// A new title edits the pull request.
	if _, created, err := p.PullRequest(t.Context(), "Ada", "2026Q3", docPath, "Brag document: @ada, 2026Q3 (final)", []byte("# Ada\n\nsecond draft\n")); err != nil || created {
		t.Fatalf("retitled: created %v, %v", created, err)
	}
	if pr.Edits != 1 || pr.Title != "Brag document: @ada, 2026Q3 (final)" || len(pub.Pulls) != 1 {
		t.Errorf("retitled: %d pull requests, %d edits, title %q; want the one edited", len(pub.Pulls), pr.Edits, pr.Title)
	}
}

func TestPullRequestMerge(t *testing.T) {
	s, client := fake(t)
	p := publisher(t, client, "acme/brag")
	if _, _, err := p.PullRequest(t.Context(), "ada", "2026Q3", docPath, title, []byte("draft v1\n")); err != nil {
		t.Fatal(err)
	}
	// Someone commits on the branch.
	pub := s.Published("acme/brag")
	pub.Files[fileKey] = "draft v1\nWhat I'd do differently: ship it smaller.\n"

	var gotOld string
	p.Merge = func(old, fresh []byte) ([]byte, error) {
		gotOld = string(old)
		return []byte(string(old) + string(fresh)), nil
	}
	if _, created, err := p.PullRequest(t.Context(), "ada", "2026Q3", docPath, title, []byte("draft v2\n")); err != nil || created {
		t.Fatalf("rerun: created %v, %v", created, err)
	}
	if gotOld != "draft v1\nWhat I'd do differently: ship it smaller.\n" {
		t.Errorf("Merge was given %q, want the file as committed on the branch", gotOld)
	}
	if want := "draft v1\nWhat I'd do differently: ship it smaller.\ndraft v2\n"; pub.Files[fileKey] != want {
		t.Errorf("file %q, want the merge %q", pub.Files[fileKey], want)
	}

	// A file Merge cannot read is left as it is.
	before, tip := pub.Files[fileKey], pub.Refs[branch]
	cause := errors.New("not a brag doc")
	p.Merge = func(old, fresh []byte) ([]byte, error) { return nil, cause }
	_, _, err := p.PullRequest(t.Context(), "ada", "2026Q3", docPath, title, []byte("draft v3\n"))
	if !errors.Is(err, cause) || !strings.Contains(err.Error(), "left as it is") {
		t.Errorf("Merge failing: %v; want an error that says the doc was left and wraps the cause", err)
	}
	if pub.Files[fileKey] != before || pub.Refs[branch] != tip {
		t.Errorf("Merge failing changed the branch: file %q, tip %s", pub.Files[fileKey], pub.Refs[branch])
	}
}

// A branch another run created between the look and the create is used,
// not an error.
func TestPullRequestBranchCreatedMeanwhile(t *testing.T) {
	s, client := fake(t)
	p := publisher(t, client, "acme/brag")
	if _, _, err := p.PullRequest(t.Context(), "ada", "2026Q3", docPath, title, []byte("v1\n")); err != nil {
		t.Fatal(err)
	}
	s.Fail("/repos/acme/brag/git/ref/heads/"+branch, fakegithub.Failure{Status: http.StatusNotFound, Times: 1})
	if _, created, err := p.PullRequest(t.Context(), "ada", "2026Q3", docPath, title, []byte("v2\n")); err != nil || created {
		t.Fatalf("rerun with the branch created meanwhile: created %v, %v", created, err)
	}
	if got := s.Published("acme/brag").Files[fileKey]; got != "v2\n" {
		t.Errorf("file %q, want v2", got)
	}
}

func TestPullRequestErrors(t *testing.T) {
	const perms = "add `permissions: contents: write, pull-requests: write` to the workflow"
	for _, tc := range []struct {
		name    string
		path    string
		failure fakegithub.Failure
		prefix  string
		status  string
	}{
		{"repository not found", "/repos/acme/brag", fakegithub.Failure{Status: http.StatusNotFound}, "reading repository acme/brag: ", "404"},
		{"may not create the branch", "/repos/acme/brag/git/refs", fakegithub.Failure{Status: http.StatusForbidden}, "creating branch " + branch + ": permission denied (403): " + perms, "403"},
		{"base branch not found", "/repos/acme/brag/git/ref/heads/main", fakegithub.Failure{Status: http.StatusNotFound}, "creating branch " + branch + ": reading branch main: ", "404"},
		{"may not commit", "/repos/acme/brag/contents/" + docPath, fakegithub.Failure{Status: http.StatusForbidden, Method: http.MethodPut}, "committing " + docPath + ": permission denied (403): " + perms, "403"},
		{"file unreadable", "/repos/acme/brag/contents/" + docPath, fakegithub.Failure{Status: http.StatusInternalServerError, Method: http.MethodGet}, "reading " + docPath + " on " + branch + ": ", "500"},
		{"may not list pull requests", "/repos/acme/brag/pulls", fakegithub.Failure{Status: http.StatusForbidden, Method: http.MethodGet}, "listing pull requests: permission denied (403): " + perms, "403"},
		{"may not open a pull request", "/repos/acme/brag/pulls", fakegithub.Failure{Status: http.StatusForbidden, Method: http.MethodPost}, "opening the pull request: permission denied (403): " + perms, "403"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, client := fake(t)
			s.Fail(tc.path, tc.failure)
			_, _, err := publisher(t, client, "acme/brag").PullRequest(t.Context(), "ada", "2026Q3", docPath, title, []byte("doc\n"))
			wantOneError(t, err, tc.prefix, tc.status)
			if got := errors.Is(err, ErrPermission); got != (tc.status == "403") {
				t.Errorf("errors.Is(%v, ErrPermission) = %v", err, got)
			}
			if pub := s.Published("acme/brag"); pub != nil && len(pub.Pulls) != 0 {
				t.Errorf("a failed run opened %d pull requests", len(pub.Pulls))
			}
		})
	}

	// Editing the pull request open.
	s, client := fake(t)
	p := publisher(t, client, "acme/brag")
	if _, _, err := p.PullRequest(t.Context(), "ada", "2026Q3", docPath, title, []byte("doc\n")); err != nil {
		t.Fatal(err)
	}
	s.Fail("/repos/acme/brag/pulls/2000", fakegithub.Failure{Status: http.StatusForbidden, Method: http.MethodPatch})
	_, _, err := p.PullRequest(t.Context(), "ada", "2026Q3", docPath, "a new title", []byte("doc\n"))
	wantOneError(t, err, "updating the pull request: permission denied (403): "+perms, "403")
}
