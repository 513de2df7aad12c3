package gitengine

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/git-career/git-career/internal/gittest"
)

// TestTouchedMatchesGitLog checks the limited diff against
// `git log -- PATH` for every path asked, file or folder, over random
// histories of adds, edits, deletes and file/folder swaps.
func TestTouchedMatchesGitLog(t *testing.T) {
	r := gittest.New(t)
	rng := rand.New(rand.NewPCG(7, 20))
	names := []string{"a", "a.b", "a-b", "a0", "b", "src/x.go", "src/y.go", "src/sub/z.go", "src/sub/w.go", "doc/guide.md", "t/t0001.sh", "t/t0002.sh", "deep/er/still/f.txt"}
	for i := 0; i < 60; i++ {
		files := map[string]string{}
		for k := 0; k < 1+rng.IntN(3); k++ {
			n := names[rng.IntN(len(names))]
			switch rng.IntN(5) {
			case 0:
				files[n] = gittest.Delete
			default:
				files[n] = fmt.Sprintf("v%d %d\n", i, k)
			}
		}
		if i%17 == 5 {
			// "a" becomes a folder, then a file again.
			files["a"] = gittest.Delete
			files["a/inner.txt"] = "swap\n"
		}
		r.CommitWith(fmt.Sprintf("c%d", i), files, gittest.CommitOpts{AllowEmpty: true})
	}
	// Read packed, trees as deltas, as real repositories are.
	r.Run("repack", "-adq", "--depth=20")
	eng, err := Open(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	asked := []string{"a", "a.b", "src/", "src/sub/", "src/x.go", "src/sub/z.go", "doc/guide.md", "t/t0002.sh", "deep/er/still/f.txt", "missing/file", "deep/"}
	set := NewPathSet(asked)
	want := map[string][]string{} // commit → touched paths
	for _, p := range asked {
		for _, h := range strings.Fields(r.Run("log", "--format=%H", "--", p)) {
			want[h] = append(want[h], p)
		}
	}
	tc := NewTreeCache()
	for _, h := range strings.Fields(r.Run("log", "--format=%H")) {
		c := r.CommitObject(eng.Git(), h)
		parent := plumbing.ZeroHash
		if len(c.ParentHashes) > 0 {
			pt, err := eng.ParentTree(c.Hash)
			if err != nil {
				t.Fatal(err)
			}
			parent = pt
		}
		got, missing, err := eng.Touched(tc, parent, c.TreeHash, set)
		if err != nil || missing {
			t.Fatalf("%s: %v (missing %v)", h, err, missing)
		}
		w := want[h]
		slices.Sort(w)
		if !slices.Equal(got, w) {
			t.Errorf("%s (%s): touched %q, git log says %q", h[:7], c.Message, got, w)
		}
	}
}

func TestInTree(t *testing.T) {
	r := gittest.New(t)
	r.Commit("one", map[string]string{"src/a.go": "x", "README": "y"}, "")
	eng, err := Open(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	c := r.CommitObject(eng.Git(), r.Head())
	tc := NewTreeCache()
	for p, want := range map[string]bool{"src/": true, "src": true, "src/a.go": true, "README": true, "src/b.go": false, "docs/": false, "README/x": false} {
		got, err := eng.InTree(tc, c.TreeHash, p)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("InTree(%q) = %v, want %v", p, got, want)
		}
	}
}
