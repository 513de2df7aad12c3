package analyzer

import (
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
)

func TestSquashAndMergePR(t *testing.T) {
	for _, tt := range []struct {
		subject string
		want    int
	}{
		{"Add export (#123)", 123},
		{"Add export (#123)  ", 123},
		{"Fix #12 in parser", 0},
		{"(#5) at the start", 0},
	} {
		got, _ := squashPR(tt.subject)
		if got != tt.want {
			t.Errorf("squashPR(%q) = %d, want %d", tt.subject, got, tt.want)
		}
	}
	if n, ok := mergePR("Merge pull request #42 from ada/export\n\nAdd export"); !ok || n != 42 {
		t.Errorf("mergePR = %d, %v; want 42, true", n, ok)
	}
	if _, ok := mergePR("Merge branch 'main' into export"); ok {
		t.Error("mergePR matched a plain merge")
	}
}

func TestBranchCommits(t *testing.T) {
	r := newTestRepo(t)
	base := r.commit("base", map[string]string{"a": "1\n"}, "2026-07-01T00:00:00Z")
	r.branch("feature")
	r.checkout("feature")
	r.commit("feature one", map[string]string{"f": "1\n"}, "2026-07-02T00:00:00Z")
	r.checkout("main")
	m1 := r.commit("main moves on", map[string]string{"m": "1\n"}, "2026-07-03T00:00:00Z")
	r.checkout("feature")
	r.merge("main", "Merge branch 'main' into feature", "2026-07-04T00:00:00Z") // keeps the branch up to date
	r.commit("feature two", map[string]string{"f": "2\n"}, "2026-07-05T00:00:00Z")
	r.checkout("main")
	merge := r.merge("feature", "Merge pull request #7 from ada/feature", "2026-07-06T00:00:00Z")

	g, err := openRepo(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	mc, err := g.repo.CommitObject(plumbing.NewHash(merge))
	if err != nil {
		t.Fatal(err)
	}
	members, ok := branchCommits(g.nodes, mc.ParentHashes[0], mc.ParentHashes[1], nil)
	if !ok {
		t.Fatal("branchCommits gave up")
	}
	var got []string
	for h := range members {
		c, _ := g.repo.CommitObject(h)
		got = append(got, c.Message)
	}
	sort.Strings(got)
	want := []string{"Merge branch 'main' into feature\n", "feature one\n", "feature two\n"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("branch commits = %q, want %q", got, want)
	}
	for _, h := range []string{base, m1} {
		if members[plumbing.NewHash(h)] {
			t.Errorf("mainline commit %s counted in the branch", h[:7])
		}
	}
}

func TestAnalyzeGroupsCommitsUnderPullRequests(t *testing.T) {
	r := newTestRepo(t)
	r.run("remote", "add", "origin", "https://github.com/acme/shop.git")
	r.commit("base", map[string]string{"a.go": "a\n"}, "2026-07-01T00:00:00Z")
	r.commit("Fix the cart total (#12)", map[string]string{"cart_test.go": "t\n"}, "2026-07-02T00:00:00Z")
	r.branch("export")
	r.checkout("export")
	r.commit("Add CSV export", map[string]string{"export.go": "e\n"}, "2026-07-03T00:00:00Z")
	r.commit("Document the export", map[string]string{"docs/export.md": "d\n"}, "2026-07-04T00:00:00Z")
	r.checkout("main")
	r.merge("export", "Merge pull request #13 from ada/export", "2026-07-05T00:00:00Z")
	r.commit("Not in a pull request (#99)", map[string]string{"z.go": "z\n"}, "2026-07-06T00:00:00Z")

	day := func(d int) time.Time { return time.Date(2026, 7, d, 12, 0, 0, 0, time.UTC) }
	ev := &GitHubEvidence{Login: "ada", PullRequests: []PullRequest{
		{Repo: "acme/shop", Number: 12, Title: "Fix the cart total", State: "merged", CreatedAt: day(2), MergedAt: day(2), URL: "https://github.com/acme/shop/pull/12"},
		{Repo: "Acme/Shop", Number: 13, Title: "CSV export", Body: "Adds an export.\n\nWe chose CSV instead of XLSX: the trade-off is formatting.", State: "merged", CreatedAt: day(3), MergedAt: day(5)},
	}}
	rep, err := Analyze(Options{Repos: []RepoInput{{Path: r.Dir}}, Identity: ada, Period: q3(t), GitHub: ev})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]int{} // title → number of commits
	for _, c := range rep.Contributions {
		got[c.ID] = []int{len(c.Commits)}
	}
	want := map[string][]int{"pr:acme/shop#12": {1}, "pr:Acme/Shop#13": {2}}
	for id, w := range want {
		if !reflect.DeepEqual(got[id], w) {
			t.Errorf("%s: commits %v, want %v", id, got[id], w)
		}
	}
	var titles []string
	for _, c := range rep.Contributions {
		if c.Kind == KindCommit {
			titles = append(titles, c.Title)
		}
		if c.ID == "pr:Acme/Shop#13" {
			if !c.Has(Feature) || !c.Has(Docs) || !c.Has(Design) || c.Summary != "Adds an export." || c.Files != 2 {
				t.Errorf("pull request 13: %+v", c)
			}
		}
	}
	sort.Strings(titles)
	if want := []string{"Not in a pull request (#99)", "base"}; !reflect.DeepEqual(titles, want) {
		t.Errorf("commits left = %q, want %q", titles, want)
	}
}
