package analyzer

import (
	"context"
	"reflect"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/git-career/git-career/analyzer/github"
	"github.com/git-career/git-career/analyzer/work"
	"github.com/git-career/git-career/internal/gittest"
)

func TestAnalyzeGroupsCommitsUnderPullRequests(t *testing.T) {
	r := gittest.New(t)
	r.Run("remote", "add", "origin", "https://github.com/acme/shop.git")
	r.Commit("base", map[string]string{"a.go": "a\n"}, "2026-07-01T00:00:00Z")
	r.Commit("Fix the cart total (#12)", map[string]string{"cart_test.go": "t\n"}, "2026-07-02T00:00:00Z")
	r.Branch("export")
	r.Checkout("export")
	r.Commit("Add CSV export", map[string]string{"export.go": "e\n"}, "2026-07-03T00:00:00Z")
	r.Commit("Document the export", map[string]string{"docs/export.md": "d\n"}, "2026-07-04T00:00:00Z")
	r.Checkout("main")
	r.Merge("export", "Merge pull request #13 from ada/export", "2026-07-05T00:00:00Z")
	r.Commit("Not in a pull request (#99)", map[string]string{"z.go": "z\n"}, "2026-07-06T00:00:00Z")

	day := func(d int) time.Time { return time.Date(2026, 7, d, 12, 0, 0, 0, time.UTC) }
	ev := &github.Evidence{Login: "ada", PullRequests: []github.PullRequest{
		{Repo: "acme/shop", Number: 12, Title: "Fix the cart total", State: "merged", CreatedAt: day(2), MergedAt: day(2), URL: "https://github.com/acme/shop/pull/12"},
		{Repo: "Acme/Shop", Number: 13, Title: "CSV export", Body: "Adds an export.\n\nWe chose CSV instead of XLSX: the trade-off is formatting.", State: "merged", CreatedAt: day(3), MergedAt: day(5)},
	}}
	rep, err := Analyze(context.Background(), Options{Repos: openRepos(t, r.Dir), Identity: ada, Period: q3(t), GitHub: ev})
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
		if c.Kind == work.KindCommit {
			titles = append(titles, c.Title)
		}
		if c.ID == "pr:Acme/Shop#13" {
			// One kind for the pull request; its commits keep theirs.
			if c.Primary() != work.Feature || c.Has(work.Docs) || c.Summary != "Adds an export." || c.Files != 2 {
				t.Errorf("pull request 13: %+v", c)
			}
			var kinds []work.Category
			for _, k := range c.CommitKinds {
				kinds = append(kinds, work.PrimaryOf(k.Categories))
			}
			if len(kinds) != 2 || !slices.Contains(kinds, work.Docs) || !slices.Contains(kinds, work.Feature) {
				t.Errorf("pull request 13's commits: %v, want docs and feature", kinds)
			}
		}
	}
	sort.Strings(titles)
	if want := []string{"Not in a pull request (#99)", "base"}; !reflect.DeepEqual(titles, want) {
		t.Errorf("commits left = %q, want %q", titles, want)
	}
}
