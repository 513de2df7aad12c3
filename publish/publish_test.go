package publish

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/git-career/git-career/internal/fakegithub"
	"github.com/google/go-github/v60/github"
)

// fake starts the fake GitHub with a public and a private repository and
// returns the scenario (to read what was published and inject failures)
// and a client talking to it.
func fake(t *testing.T) (*fakegithub.Scenario, *github.Client) {
	t.Helper()
	s := &fakegithub.Scenario{
		Login: "ada",
		Repos: []fakegithub.Repo{
			{FullName: "acme/brag"},
			{FullName: "acme/secret", Private: true},
		},
	}
	srv := fakegithub.New(s)
	t.Cleanup(srv.Close)
	client := github.NewClient(srv.Client())
	u, err := url.Parse(srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	client.BaseURL = u
	return s, client
}

func publisher(t *testing.T, client *github.Client, repo string) *Publisher {
	t.Helper()
	p, err := New(client, repo)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestNewBadRepository(t *testing.T) {
	for _, repo := range []string{"", "acme", "acme/", "/brag"} {
		if _, err := New(github.NewClient(nil), repo); err == nil || !strings.Contains(err.Error(), "want OWNER/NAME") {
			t.Errorf("New(%q): %v, want an error asking for OWNER/NAME", repo, err)
		}
	}
	p, err := New(github.NewClient(nil), "acme/brag")
	if err != nil || p.Owner != "acme" || p.Repo != "brag" || p.Merge != nil {
		t.Errorf(`New("acme/brag") = %+v, %v; want owner acme, repo brag, no Merge`, p, err)
	}
}

func TestMarkerAndBranch(t *testing.T) {
	// The user is compared as GitHub compares logins: without case.
	if got, want := Marker("Ada", "2026Q3"), "<!-- git-career:publish user=ada period=2026Q3 -->"; got != want {
		t.Errorf("Marker = %q, want %q", got, want)
	}
	if got, want := Branch("Ada", "2026Q3"), "git-career/ada/2026Q3"; got != want {
		t.Errorf("Branch = %q, want %q", got, want)
	}
}

func TestPublic(t *testing.T) {
	s, client := fake(t)
	for repo, want := range map[string]bool{"acme/brag": true, "acme/secret": false, "ACME/Brag": true} {
		got, err := publisher(t, client, repo).Public(t.Context())
		if err != nil || got != want {
			t.Errorf("Public(%s) = %v, %v; want %v", repo, got, err, want)
		}
	}

	_, err := publisher(t, client, "acme/none").Public(t.Context())
	wantOneError(t, err, "reading repository acme/none: ", "404")

	s.Fail("/repos/acme/secret", fakegithub.Failure{Status: http.StatusForbidden, Times: 1})
	public, err := publisher(t, client, "acme/secret").Public(t.Context())
	wantOneError(t, err, "reading repository acme/secret: ", "403")
	if public {
		t.Error("Public = true on an error; want false, so that nothing private is published on a guess")
	}
}

// wantOneError checks that err is one line that starts with prefix and
// mentions the status, and that it wraps GitHub's answer, or ErrPermission
// for a 403 (whose message then names the permission to add).
func wantOneError(t *testing.T, err error, prefix, status string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one starting %q", prefix)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, prefix) || !strings.Contains(msg, status) || strings.Contains(msg, "\n") {
		t.Errorf("error %q: want one line starting %q and naming %s", msg, prefix, status)
	}
	var er *github.ErrorResponse
	if !errors.As(err, &er) && !errors.Is(err, ErrPermission) {
		t.Errorf("error %q wraps neither GitHub's answer (*github.ErrorResponse) nor ErrPermission", msg)
	}
}
