package gitengine

import (
	"reflect"
	"sort"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/git-career/git-career/internal/gittest"
)

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

	g, err := Open(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	mc, err := g.Git().CommitObject(plumbing.NewHash(merge))
	if err != nil {
		t.Fatal(err)
	}
	members, ok := BranchCommits(g.Nodes(), mc.ParentHashes[0], mc.ParentHashes[1], nil)
	if !ok {
		t.Fatal("BranchCommits gave up")
	}
	var got []string
	for h := range members {
		c, _ := g.Git().CommitObject(h)
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
