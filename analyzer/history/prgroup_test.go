package history

import (
	"reflect"
	"sort"
	"testing"

	"github.com/git-career/git-career/internal/gittest"

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
	r := gittest.New(t)
	base := r.Commit("base", map[string]string{"a": "1\n"}, "2026-07-01T00:00:00Z")
	r.Branch("feature")
	r.Checkout("feature")
	r.Commit("feature one", map[string]string{"f": "1\n"}, "2026-07-02T00:00:00Z")
	r.Checkout("main")
	m1 := r.Commit("main moves on", map[string]string{"m": "1\n"}, "2026-07-03T00:00:00Z")
	r.Checkout("feature")
	r.Merge("main", "Merge branch 'main' into feature", "2026-07-04T00:00:00Z") // keeps the branch up to date
	r.Commit("feature two", map[string]string{"f": "2\n"}, "2026-07-05T00:00:00Z")
	r.Checkout("main")
	merge := r.Merge("feature", "Merge pull request #7 from ada/feature", "2026-07-06T00:00:00Z")

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
