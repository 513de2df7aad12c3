package analyzer

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/git-career/git-career/analyzer/history"
	"github.com/git-career/git-career/analyzer/work"
	"github.com/git-career/git-career/internal/gittest"
)

// q3 is 2026Q3 in UTC, the period most tests read.
func q3(t testing.TB) work.Period {
	t.Helper()
	p, err := work.Quarter("2026Q3", time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// openRepos opens each repository for the test, closed when it ends.
func openRepos(t testing.TB, paths ...string) []*history.Repo {
	t.Helper()
	var out []*history.Repo
	for _, p := range paths {
		r, err := history.Open(p)
		if err != nil {
			t.Fatalf("opening %q: %v", p, err)
		}
		t.Cleanup(func() { r.Close() })
		out = append(out, r)
	}
	return out
}

func analyzeOne(t *testing.T, path string, id work.Identity, p work.Period) *work.Report {
	t.Helper()
	rep, err := Analyze(context.Background(), Options{Repos: openRepos(t, path), Identity: id, Period: p})
	if err != nil {
		t.Fatalf("Analyze(%q): %v", path, err)
	}
	return rep
}

func titles(rep *work.Report) []string {
	var out []string
	for _, c := range rep.Contributions {
		out = append(out, c.Title)
	}
	return out
}

var ada = work.Identity{Emails: []string{gittest.AuthorEmail}}

func TestAnalyzeSelectsTheUsersWorkInThePeriod(t *testing.T) {
	r := gittest.New(t)
	r.Commit("before the period", map[string]string{"a.go": "a\n"}, "2026-06-30T23:00:00Z")
	r.Commit("first day", map[string]string{"b.go": "b\n"}, "2026-07-01T00:30:00Z")
	r.CommitWith("someone else", map[string]string{"c.go": "c\n"}, gittest.CommitOpts{Author: "Bo Chen <bo@example.com>", Date: "2026-07-02T00:00:00Z"})
	// Rebased: old author date, new committer date. Author dates decide.
	r.CommitWith("rebased from spring", map[string]string{"d.go": "d\n"}, gittest.CommitOpts{Date: "2026-03-01T00:00:00Z", CommitterDate: "2026-07-03T00:00:00Z"})
	r.CommitWith("written in summer, applied later", map[string]string{"e.go": "e\n"}, gittest.CommitOpts{Date: "2026-09-30T22:00:00Z", CommitterDate: "2026-10-20T00:00:00Z"})
	r.Commit("after the period", map[string]string{"f.go": "f\n"}, "2026-10-21T00:00:00Z")

	rep := analyzeOne(t, r.Dir, ada, q3(t))
	want := []string{"written in summer, applied later", "first day"}
	if got := titles(rep); !reflect.DeepEqual(got, want) {
		t.Errorf("titles = %q, want %q", got, want)
	}
	c := rep.Contributions[1]
	if c.ID != "git:"+c.SHA || len(c.SHA) != 40 || c.Kind != "commit" || c.Files != 1 || c.Additions != 1 {
		t.Errorf("contribution fields wrong: %+v", c)
	}
}

func TestAnalyzeStopsWalkingBeforeThePeriod(t *testing.T) {
	r := gittest.New(t)
	// 400 commits in 2020, then three in the period: the walk must not
	// read the old history (it stops after stopRun old commits).
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 400; i++ {
		r.CommitWith("old", nil, gittest.CommitOpts{AllowEmpty: true, Date: day.Add(time.Duration(i) * time.Hour).Format(time.RFC3339)})
	}
	for i := 0; i < 3; i++ {
		r.Commit("new "+string(rune('a'+i)), map[string]string{"n.go": strings.Repeat("x\n", i+1)}, "2026-08-0"+string(rune('1'+i))+"T00:00:00Z")
	}
	rep := analyzeOne(t, r.Dir, ada, q3(t))
	if len(rep.Contributions) != 3 {
		t.Fatalf("got %d contributions, want 3", len(rep.Contributions))
	}
	if got := rep.Sources[0].CommitsScanned; got != 3 {
		t.Errorf("CommitsScanned = %d, want 3", got)
	}
	// The same answer with the commit-graph file, which the walk uses.
	r.Run("commit-graph", "write", "--reachable")
	rep2 := analyzeOne(t, r.Dir, ada, q3(t))
	if !reflect.DeepEqual(titles(rep2), titles(rep)) {
		t.Errorf("with commit-graph: %q, without: %q", titles(rep2), titles(rep))
	}
}

func TestAnalyzeAllBranchesMergesAndReverts(t *testing.T) {
	r := gittest.New(t)
	r.Commit("base", map[string]string{"a.go": "a\n"}, "2026-07-01T00:00:00Z")
	r.Branch("topic")
	r.Checkout("topic")
	r.Commit("on topic", map[string]string{"t.go": "t\n"}, "2026-07-02T00:00:00Z")
	r.Checkout("main")
	r.Commit("on main", map[string]string{"m.go": "m\n"}, "2026-07-03T00:00:00Z")
	r.Merge("topic", "Merge branch 'topic'", "2026-07-04T00:00:00Z")
	r.Branch("unmerged")
	r.Checkout("unmerged")
	r.Commit("only on a branch", map[string]string{"u.go": "u\n"}, "2026-07-05T00:00:00Z")
	r.Checkout("main")
	bad := r.Commit("a mistake", map[string]string{"x.go": "x\n"}, "2026-07-06T00:00:00Z")
	r.RunEnv([]string{"GIT_AUTHOR_DATE=2026-07-07T00:00:00Z", "GIT_COMMITTER_DATE=2026-07-07T00:00:00Z"}, "revert", "--no-edit", bad)

	// Reverted, then the revert reverted: the work is back, and counts.
	again := r.Commit("automate the deploy step", map[string]string{"deploy.sh": "make deploy\n"}, "2026-07-08T00:00:00Z")
	r.RunEnv([]string{"GIT_AUTHOR_DATE=2026-07-09T00:00:00Z", "GIT_COMMITTER_DATE=2026-07-09T00:00:00Z"}, "revert", "--no-edit", again)
	revert := strings.TrimSpace(r.Run("rev-parse", "HEAD"))
	r.RunEnv([]string{"GIT_AUTHOR_DATE=2026-07-10T00:00:00Z", "GIT_COMMITTER_DATE=2026-07-10T00:00:00Z"}, "revert", "--no-edit", revert)

	rep := analyzeOne(t, r.Dir, ada, q3(t))
	want := []string{"automate the deploy step", "only on a branch", "on main", "on topic", "base"}
	if got := titles(rep); !reflect.DeepEqual(got, want) {
		t.Errorf("titles = %q, want %q", got, want)
	}
}

func TestAnalyzeCoauthorsBothWays(t *testing.T) {
	r := gittest.New(t)
	r.CommitWith("paired", map[string]string{"a.go": "a\n"}, gittest.CommitOpts{Date: "2026-07-01T00:00:00Z",
		Coauthors: []string{"Bo Chen <bo@example.com>", "Ada Lovelace <ADA@example.com>", "renovate[bot] <bot@renovateapp.com>"}})
	r.CommitWith("credits ada", map[string]string{"b.go": "b\n"}, gittest.CommitOpts{Date: "2026-07-02T00:00:00Z",
		Author: "Bo Chen <bo@example.com>", Coauthors: []string{"Ada Lovelace <ada@example.com>", "Cy Diaz <cy@example.com>"}})
	r.CommitWith("credits nobody", map[string]string{"c.go": "c\n"}, gittest.CommitOpts{Date: "2026-07-03T00:00:00Z",
		Author: "Bo Chen <bo@example.com>", Coauthors: []string{"Cy Diaz <cy@example.com>"}})

	rep := analyzeOne(t, r.Dir, ada, q3(t))
	if got, want := titles(rep), []string{"credits ada", "paired"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("titles = %q, want %q", got, want)
	}
	credited, paired := rep.Contributions[0], rep.Contributions[1]
	if !credited.Credited || credited.Author != "bo@example.com" || !reflect.DeepEqual(credited.Coauthors, []string{"Cy Diaz <cy@example.com>"}) {
		t.Errorf("credited commit: %+v", credited)
	}
	// Co-authors of one's own commit are named, not claimed as mentoring.
	if paired.Credited || !reflect.DeepEqual(paired.Coauthors, []string{"Bo Chen <bo@example.com>"}) || paired.Has(work.Mentoring) {
		t.Errorf("paired commit: %+v", paired)
	}
	if !credited.Has(work.Mentoring) {
		t.Errorf("credited commit is not mentoring: %v", credited.Categories)
	}
}

func TestAnalyzeMailmapAtHead(t *testing.T) {
	r := gittest.New(t)
	r.CommitWith("old laptop", map[string]string{"a.go": "a\n"}, gittest.CommitOpts{Author: "ada <ada@laptop.local>", Date: "2026-07-01T00:00:00Z"})
	r.Commit("add mailmap", map[string]string{".mailmap": "Ada Lovelace <ada@example.com> <ada@laptop.local>\n"}, "2026-07-02T00:00:00Z")
	rep := analyzeOne(t, r.Dir, ada, q3(t))
	if got, want := titles(rep), []string{"add mailmap", "old laptop"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("titles = %q, want %q", got, want)
	}
	if got := rep.Contributions[1].Author; got != "ada@example.com" {
		t.Errorf("author after mailmap = %q, want ada@example.com", got)
	}
}

func TestAnalyzeWhereTheRepositoryIs(t *testing.T) {
	r := gittest.New(t)
	r.Commit("one", map[string]string{"sub/dir/a.go": "a\n"}, "2026-07-01T00:00:00Z")

	// From a folder inside the work tree, as git does.
	if rep := analyzeOne(t, filepath.Join(r.Dir, "sub", "dir"), ada, q3(t)); len(rep.Contributions) != 1 {
		t.Errorf("from a subfolder: %d contributions, want 1", len(rep.Contributions))
	}
	// A linked worktree reads the main repository's objects.
	wt := filepath.Join(t.TempDir(), "wt")
	r.Run("worktree", "add", "-q", wt)
	if rep := analyzeOne(t, wt, ada, q3(t)); len(rep.Contributions) != 1 {
		t.Errorf("from a linked worktree: %d contributions, want 1", len(rep.Contributions))
	}
	// A bare repository inside another repository's work tree is itself,
	// not its parent.
	bare := filepath.Join(r.Dir, "sub", "mirror.git")
	r.Run("init", "-q", "--bare", bare)
	rep := analyzeOne(t, bare, ada, q3(t))
	if len(rep.Contributions) != 0 || rep.Sources[0].Repo != "mirror" {
		t.Errorf("bare repository read as %q with %d contributions", rep.Sources[0].Repo, len(rep.Contributions))
	}
	// An empty repository is an empty report, not an error.
	empty := gittest.New(t)
	if rep := analyzeOne(t, empty.Dir, ada, q3(t)); len(rep.Contributions) != 0 || rep.Sources[0].CommitsScanned != 0 {
		t.Errorf("empty repository: %+v", rep)
	}
	// Not a repository at all.
	_, err := history.Open(t.TempDir())
	if !errors.Is(err, history.ErrNotRepository) {
		t.Errorf("plain folder: err = %v, want ErrNotRepository", err)
	}
}

func TestAnalyzeCrossTeamFromCodeowners(t *testing.T) {
	r := gittest.New(t)
	r.Commit("owners", map[string]string{".github/CODEOWNERS": "* @acme/shop\n/billing/ @acme/billing\n"}, "2026-06-01T00:00:00Z")
	r.Commit("Add invoice rounding", map[string]string{"billing/round.go": "package billing\n"}, "2026-07-01T00:00:00Z")
	r.Commit("Add cart", map[string]string{"cart/cart.go": "package cart\n"}, "2026-07-02T00:00:00Z")
	rep, err := Analyze(context.Background(), Options{Repos: openRepos(t, r.Dir), Identity: ada, Period: q3(t), Team: "@acme/shop"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, c := range rep.Contributions {
		got[c.Title] = c.Has(work.CrossTeam)
	}
	if want := map[string]bool{"Add invoice rounding": true, "Add cart": false}; !reflect.DeepEqual(got, want) {
		t.Errorf("cross-team = %v, want %v", got, want)
	}
}

func TestTopAuthors(t *testing.T) {
	r := gittest.New(t)
	for i, a := range []string{"Bo <bo@x>", "Cy <cy@x>", "Bo <BO@x>", "dependabot[bot] <d@x>", "dependabot[bot] <d@x>", "Di <di@x>", "Cy <cy@x>", "Bo <bo@x>"} {
		r.CommitWith("c", nil, gittest.CommitOpts{Author: a, AllowEmpty: true, Date: time.Date(2026, 7, 1+i, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)})
	}
	top, err := openRepos(t, r.Dir)[0].TopAuthors(2)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range top {
		got = append(got, a.Person.Email+":"+string(rune('0'+a.Commits)))
	}
	if want := []string{"bo@x:3", "cy@x:2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("TopAuthors = %q, want %q", got, want)
	}
}

// Without CODEOWNERS, a folder others commit to in a repository the
// person works in every week is not another team's: cross-team is told
// per repository (crossteam.go, and the crossrepo script).
func TestAnalyzeFolderOthersWorkInIsNotCrossTeam(t *testing.T) {
	r := gittest.New(t)
	day := 0
	next := func() string {
		day++
		return time.Date(2026, 7, day, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
	}
	for i := 0; i < 12; i++ {
		r.CommitWith("Bo's web work", map[string]string{"web/page.js": strings.Repeat("x\n", i+1)}, gittest.CommitOpts{Author: "Bo Chen <bo@example.com>", Date: next()})
	}
	for i := 0; i < 6; i++ {
		r.Commit("Ada's server work", map[string]string{"server/main.go": strings.Repeat("y\n", i+1)}, next())
	}
	r.Commit("Fix the web header", map[string]string{"web/header.js": "h\n"}, next())

	rep := analyzeOne(t, r.Dir, ada, q3(t))
	for _, c := range rep.Contributions {
		if c.Has(work.CrossTeam) {
			t.Errorf("%q is cross-team: %v", c.Title, c.Reasons)
		}
	}
	if len(rep.Contributions) != 7 {
		t.Errorf("%d contributions, want Ada's 7", len(rep.Contributions))
	}
}

func TestAnalyzeEnterpriseRemote(t *testing.T) {
	r := gittest.New(t)
	r.Run("remote", "add", "origin", "git@ghe.example.com:platform/api.git")
	sha := r.Commit("one", map[string]string{"a.go": "a\n"}, "2026-07-01T00:00:00Z")
	rep, err := Analyze(context.Background(), Options{Repos: openRepos(t, r.Dir), Identity: ada, Period: q3(t), GitHubHosts: []string{"ghe.example.com"}})
	if err != nil {
		t.Fatal(err)
	}
	c := rep.Contributions[0]
	if c.Repo != "platform/api" || c.URL != "https://ghe.example.com/platform/api/commit/"+sha {
		t.Errorf("repo %q, url %q; want platform/api on ghe.example.com", c.Repo, c.URL)
	}
	// Without the host, the remote is not GitHub: no link is invented.
	rep = analyzeOne(t, r.Dir, ada, q3(t))
	if c := rep.Contributions[0]; c.URL != "" || c.Repo == "platform/api" {
		t.Errorf("unknown host: repo %q, url %q", c.Repo, c.URL)
	}
}
