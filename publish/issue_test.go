package publish

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/git-career/git-career/internal/fakegithub"
)

const title = "Brag document: @ada, 2026Q3"

func TestIssueCreatedThenUpdated(t *testing.T) {
	s, client := fake(t)
	p := publisher(t, client, "acme/brag")
	marker := Marker("ada", "2026Q3")

	url, created, err := p.Issue(t.Context(), "ada", "2026Q3", title, "# Ada\n\nfirst draft")
	if err != nil {
		t.Fatal(err)
	}
	if !created || url != "https://github.test/acme/brag/issues/1000" {
		t.Errorf("first run: %q, created %v; want issue 1000, created", url, created)
	}
	pub := s.Published("acme/brag")
	if len(pub.Issues) != 1 {
		t.Fatalf("first run opened %d issues, want 1", len(pub.Issues))
	}
	is := pub.Issues[0]
	if is.Title != title || is.Body != "# Ada\n\nfirst draft\n"+marker+"\n" {
		t.Errorf("issue %q with body %q; want the doc, then the marker", is.Title, is.Body)
	}
	if len(is.Labels) != 1 || is.Labels[0] != Label {
		t.Errorf("issue labels %q, want [%s]", is.Labels, Label)
	}

	// A rerun for the same user and period finds it again: no second issue.
	url, created, err = p.Issue(t.Context(), "Ada", "2026Q3", title, "# Ada\n\nsecond draft")
	if err != nil {
		t.Fatal(err)
	}
	if created || url != "https://github.test/acme/brag/issues/1000" {
		t.Errorf("rerun: %q, created %v; want issue 1000 updated", url, created)
	}
	if len(pub.Issues) != 1 || is.Edits != 1 || is.Body != "# Ada\n\nsecond draft\n"+marker+"\n" {
		t.Errorf("rerun: %d issues, the first edited %d times, body %q; want one issue edited once with the new doc", len(pub.Issues), is.Edits, is.Body)
	}

	// The same doc again changes nothing: no edit is sent.
	if _, created, err = p.Issue(t.Context(), "ada", "2026Q3", title, "# Ada\n\nsecond draft"); err != nil || created {
		t.Fatalf("third run: created %v, %v", created, err)
	}
	if is.Edits != 1 {
		t.Errorf("an unchanged doc edited the issue (%d edits, want 1)", is.Edits)
	}

	// Another period is another issue.
	url, created, err = p.Issue(t.Context(), "ada", "2026Q4", "Brag document: @ada, 2026Q4", "# Ada\n\nQ4")
	if err != nil || !created || url != "https://github.test/acme/brag/issues/1001" || len(pub.Issues) != 2 {
		t.Errorf("another period: %q, created %v, %v, %d issues; want a second issue, 1001", url, created, err, len(pub.Issues))
	}
}

// A token that may not set labels has them dropped silently: the issue is
// still found among the newest unlabelled ones.
func TestIssueFoundWithoutLabel(t *testing.T) {
	s, client := fake(t)
	p := publisher(t, client, "acme/brag")
	if _, _, err := p.Issue(t.Context(), "ada", "2026Q3", title, "v1"); err != nil {
		t.Fatal(err)
	}
	pub := s.Published("acme/brag")
	pub.Issues[0].Labels = nil
	if _, created, err := p.Issue(t.Context(), "ada", "2026Q3", title, "v2"); err != nil || created {
		t.Fatalf("rerun: created %v, %v; want the unlabelled issue updated", created, err)
	}
	if len(pub.Issues) != 1 || pub.Issues[0].Edits != 1 {
		t.Errorf("%d issues, the first edited %d times; want one, edited once", len(pub.Issues), pub.Issues[0].Edits)
	}
}

// A repository with more brag-doc issues than one page (a team of 30, a
// few years of quarters): the issue is found on a later page, not opened
// again.
func TestIssueFoundOnALaterPage(t *testing.T) {
	s, client := fake(t)
	p := publisher(t, client, "acme/brag")
	if _, _, err := p.Issue(t.Context(), "ada", "2026Q3", title, "v1"); err != nil {
		t.Fatal(err)
	}
	pub := s.Published("acme/brag")
	for i := range 150 { // newer than ada's: listed before it, newest first
		pub.Issues = append(pub.Issues, &fakegithub.PubIssue{Number: 1001 + i, Title: "Brag document",
			Body: "doc\n" + Marker(fmt.Sprintf("user%d", i), "2026Q3") + "\n", Labels: []string{Label}})
	}
	before := s.Requests()
	url, created, err := p.Issue(t.Context(), "ada", "2026Q3", title, "v2")
	if err != nil || created || url != "https://github.test/acme/brag/issues/1000" {
		t.Fatalf("rerun: %q, created %v, %v; want issue 1000 updated", url, created, err)
	}
	if len(pub.Issues) != 151 || pub.Issues[0].Edits != 1 {
		t.Errorf("%d issues, ada's edited %d times; want 151, ada's edited once", len(pub.Issues), pub.Issues[0].Edits)
	}
	if n := s.Requests() - before; n != 3 {
		t.Errorf("%d requests, want 3: two pages of 100 issues and the edit", n)
	}
}

func TestIssueMerge(t *testing.T) {
	s, client := fake(t)
	p := publisher(t, client, "acme/brag")
	marker := Marker("ada", "2026Q3")
	if _, _, err := p.Issue(t.Context(), "ada", "2026Q3", title, "draft v1"); err != nil {
		t.Fatal(err)
	}
	// Someone writes into the issue on GitHub.
	is := s.Published("acme/brag").Issues[0]
	is.Body = "draft v1\n\nWhy it mattered: the release stopped failing.\n" + marker + "\n"

	var gotOld, gotFresh string
	p.Merge = func(old, fresh []byte) ([]byte, error) {
		gotOld, gotFresh = string(old), string(fresh)
		return []byte(string(old) + "\n\n" + string(fresh)), nil
	}
	if _, created, err := p.Issue(t.Context(), "ada", "2026Q3", title, "draft v2"); err != nil || created {
		t.Fatalf("rerun: created %v, %v", created, err)
	}
	// Merge sees the published doc without the marker, and the fresh one.
	if want := "draft v1\n\nWhy it mattered: the release stopped failing."; gotOld != want || gotFresh != "draft v2" {
		t.Errorf("Merge(%q, %q); want Merge(%q, %q)", gotOld, gotFresh, want, "draft v2")
	}
	want := "draft v1\n\nWhy it mattered: the release stopped failing.\n\ndraft v2\n" + marker + "\n"
	if is.Body != want || is.Edits != 1 {
		t.Errorf("issue body %q (%d edits), want the merge and the marker: %q", is.Body, is.Edits, want)
	}

	// A doc Merge cannot read is left as it is, with one error saying so.
	cause := errors.New("markers broken")
	p.Merge = func(old, fresh []byte) ([]byte, error) { return nil, cause }
	_, _, err := p.Issue(t.Context(), "ada", "2026Q3", title, "draft v3")
	if !errors.Is(err, cause) || !strings.Contains(err.Error(), "left as it is") {
		t.Errorf("Merge failing: %v; want an error that says the doc was left and wraps the cause", err)
	}
	if is.Body != want || is.Edits != 1 {
		t.Errorf("Merge failing changed the issue: body %q, %d edits", is.Body, is.Edits)
	}
}

func TestIssueErrors(t *testing.T) {
	s, client := fake(t)
	p := publisher(t, client, "acme/brag")
	const perms = "add `permissions: issues: write` to the workflow"

	// The workflow's token may not write issues.
	s.Fail("/repos/acme/brag/issues", fakegithub.Failure{Status: http.StatusForbidden, Method: http.MethodPost, Times: 1})
	_, _, err := p.Issue(t.Context(), "ada", "2026Q3", title, "doc")
	wantOneError(t, err, "creating the brag-doc issue: permission denied (403): "+perms, "403")
	if !errors.Is(err, ErrPermission) {
		t.Errorf("%v: want ErrPermission", err)
	}
	if pub := s.Published("acme/brag"); pub != nil && len(pub.Issues) != 0 {
		t.Errorf("a refused create left %d issues", len(pub.Issues))
	}

	// Nor read them.
	s.Fail("/repos/acme/brag/issues", fakegithub.Failure{Status: http.StatusForbidden, Method: http.MethodGet, Times: 1})
	_, _, err = p.Issue(t.Context(), "ada", "2026Q3", title, "doc")
	wantOneError(t, err, "listing issues: permission denied (403): "+perms, "403")

	// Nor edit the one there.
	if _, _, err := p.Issue(t.Context(), "ada", "2026Q3", title, "doc"); err != nil {
		t.Fatal(err)
	}
	s.Fail("/repos/acme/brag/issues/1000", fakegithub.Failure{Status: http.StatusForbidden, Method: http.MethodPatch, Times: 1})
	_, _, err = p.Issue(t.Context(), "ada", "2026Q3", title, "doc, again")
	wantOneError(t, err, "updating the brag-doc issue: permission denied (403): "+perms, "403")

	// A repository that is not there (or that the token cannot see) is a
	// 404, not a permission to add.
	_, _, err = publisher(t, client, "acme/none").Issue(t.Context(), "ada", "2026Q3", title, "doc")
	wantOneError(t, err, "listing issues: ", "404")
	if errors.Is(err, ErrPermission) {
		t.Errorf("a 404 reads as a permission error: %v", err)
	}
}
