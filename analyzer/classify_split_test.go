package analyzer

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/git-career/git-career/analyzer/history"
	"github.com/git-career/git-career/analyzer/work"
)

// A long history is classified on two goroutines: the result must be the
// one-by-one classification, in order (and, under -race, without races).
func TestClassifyScanSplitKeepsOrder(t *testing.T) {
	subjects := []string{"fix: flaky test in cart", "docs: guide", "Add CSV export", "Remove unused code", "bump x from 1 to 2"}
	paths := []string{"src/cart_test.go", "docs/guide.md", "src/export.go", "legacy/old.go", "go.mod"}
	scan := &history.Scan{Web: "https://github.com/acme/shop", Owners: func(string) []string { return []string{"@acme/shop"} }}
	for i := 0; i < classifySplitMin+77; i++ {
		k := i % len(subjects)
		scan.Commits = append(scan.Commits, history.Evidence{Credited: i%11 == 0, PullRequest: i % 3, When: time.Date(2026, 7, 2, 0, 0, i, 0, time.UTC), Commit: &work.Commit{
			Repo: "shop", SHA: fmt.Sprintf("%040x", i), Subject: subjects[k],
			Author:     work.Person{Name: "Ada", Email: "ada@example.com"},
			AuthorDate: time.Date(2026, 7, 1, 0, 0, i, 0, time.UTC),
			Files:      []work.FileChange{{Path: paths[k], Additions: i % 50, Deletions: i % 7}},
		}})
	}
	opt := Options{Identity: ada}
	got := classifyScan(scan, opt)
	ctx := repoContext(scan, opt)
	var want []work.Contribution
	for _, e := range scan.Commits {
		cctx := *ctx
		cctx.Credited = e.Credited
		c := contribution(e.Commit, &cctx, scan.Web)
		c.Number, c.Date = e.PullRequest, e.When
		if c.Credited && !c.Has(work.Mentoring) {
			continue // credit on a dependency bump is no collaboration
		}
		want = append(want, c)
	}
	if len(got) != len(want) || len(want) < len(scan.Commits)*9/10 {
		t.Fatalf("%d contributions, want %d of %d commits", len(got), len(want), len(scan.Commits))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("commit %d: got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}
