package analyzer

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/git-career/git-career/internal/gittest"
)

// A blob deleted from a side branch: the run goes on, the commit is still
// a contribution with its message and paths, its counts are marked
// unknown, and one warning names the branch and the fix.
func TestAnalyzeMissingBlobOnSideBranch(t *testing.T) {
	r := gittest.New(t)
	r.Commit("feat: one", map[string]string{"a.go": "a\n", "b.go": "b\n"}, "2026-07-01T00:00:00Z")
	r.Branch("side")
	sha := r.Commit("fix: on the side", map[string]string{"a.go": "a\nside\n", "b.go": "b\nside\n"}, "2026-07-02T00:00:00Z")
	r.Checkout("main")
	r.Commit("feat: two", map[string]string{"c.go": "c\n"}, "2026-07-03T00:00:00Z")
	blob := strings.TrimSpace(r.Run("rev-parse", sha+":a.go"))
	if err := gittest.RemoveLooseObject(r.Dir, blob); err != nil {
		t.Fatal(err)
	}
	rep := analyzeOne(t, r.Dir, ada, q3(t))
	if len(rep.Contributions) != 3 {
		t.Fatalf("%d contributions, want 3", len(rep.Contributions))
	}
	for _, c := range rep.Contributions {
		wantUnknown := c.SHA == sha
		if c.CountsUnknown != wantUnknown {
			t.Errorf("%s %q: CountsUnknown = %v, want %v", c.SHA[:8], c.Title, c.CountsUnknown, wantUnknown)
		}
		if c.SHA == sha && (c.Title != "fix: on the side" || c.Files != 2 || c.Additions != 1) {
			t.Errorf("side commit: %+v, want its title, both paths and the line of b.go", c)
		}
	}
	ws := rep.Sources[0].Warnings
	if len(ws) != 1 || !strings.Contains(ws[0], "1 commit has unknown line counts") ||
		!strings.Contains(ws[0], "on branch side") || !strings.Contains(ws[0], "git fetch origin side") ||
		!strings.Contains(ws[0], sha[:12]) {
		t.Errorf("warnings = %q, want one naming the count, branch side, commit %s and the fix", ws, sha[:12])
	}
}

// A parent commit missing from a branch (a fetch cut short): the walk
// stops there on that branch and says so; the commit above it is still
// read, its counts unknown.
func TestAnalyzeMissingParentCommit(t *testing.T) {
	r := gittest.New(t)
	r.Commit("feat: one", map[string]string{"a.go": "a\n"}, "2026-07-01T00:00:00Z")
	r.Branch("side")
	lost := r.Commit("feat: lost", map[string]string{"a.go": "a\nb\n"}, "2026-07-02T00:00:00Z")
	r.Commit("feat: above", map[string]string{"a.go": "a\nb\nc\n"}, "2026-07-03T00:00:00Z")
	r.Checkout("main")
	if err := gittest.RemoveLooseObject(r.Dir, lost); err != nil {
		t.Fatal(err)
	}
	rep := analyzeOne(t, r.Dir, ada, q3(t))
	var titles []string
	for _, c := range rep.Contributions {
		titles = append(titles, c.Title)
		if c.Title == "feat: above" && !c.CountsUnknown {
			t.Errorf("commit above the missing one has known counts: %+v", c)
		}
	}
	if strings.Join(titles, ",") != "feat: above,feat: one" {
		t.Errorf("contributions %q, want the two readable commits", titles)
	}
	ws := rep.Sources[0].Warnings
	if len(ws) != 1 || !strings.Contains(ws[0], "1 commit is missing") || !strings.Contains(ws[0], "on branch side") {
		t.Errorf("warnings = %q", ws)
	}
}

// A partial clone made with --filter=blob:none from a local remote has
// only the blobs its checkout needed: every commit is listed, those whose
// blobs are missing with unknown counts, and the warning's command fetches
// them, after which the counts are git's.
func TestAnalyzePartialClone(t *testing.T) {
	src := gittest.New(t)
	src.Run("config", "uploadpack.allowFilter", "true")
	src.Commit("feat: one", map[string]string{"keep.go": "k\n"}, "2026-07-01T00:00:00Z")
	src.Commit("feat: two", map[string]string{"a.go": "a\n"}, "2026-07-02T00:00:00Z")
	src.Commit("feat: three", map[string]string{"a.go": "a\nb\n"}, "2026-07-03T00:00:00Z")
	dir := filepath.Join(t.TempDir(), "clone")
	src.Run("clone", "-q", "--filter=blob:none", "file://"+src.Dir, dir)
	clone := src.At(dir)
	// No gc in the background after the fetch, racing the cleanup.
	clone.Run("config", "gc.auto", "0")
	clone.Run("config", "maintenance.auto", "false")
	if missing := clone.Run("rev-list", "--objects", "--missing=print", "--all"); !strings.Contains(missing, "\n?") {
		t.Fatal("the clone has every object: not a partial clone")
	}

	rep := analyzeOne(t, dir, ada, q3(t))
	unknown := map[string]bool{}
	for _, c := range rep.Contributions {
		unknown[c.Title] = c.CountsUnknown
	}
	// The root adds a blob the checkout has; the others need the first
	// version of a.go, never fetched.
	want := map[string]bool{"feat: one": false, "feat: two": true, "feat: three": true}
	if len(unknown) != 3 || unknown["feat: one"] || !unknown["feat: two"] || !unknown["feat: three"] {
		t.Errorf("counts unknown by commit: %v, want %v", unknown, want)
	}
	ws := rep.Sources[0].Warnings
	fix := "git fetch --refetch --no-filter origin"
	if len(ws) != 1 || !strings.Contains(ws[0], "2 commits have unknown line counts") ||
		!strings.Contains(ws[0], "--filter=blob:none") || !strings.Contains(ws[0], fix) {
		t.Fatalf("warnings = %q, want one naming the filter and %q", ws, fix)
	}

	clone.Run(strings.Fields(strings.TrimPrefix(fix, "git "))...)
	rep = analyzeOne(t, dir, ada, q3(t))
	if ws := rep.Sources[0].Warnings; len(ws) != 0 {
		t.Errorf("after the fetch: warnings %q", ws)
	}
	numstat := clone.Numstat("HEAD")
	for _, c := range rep.Contributions {
		add := 0
		for _, f := range numstat[c.SHA] {
			add += f.Additions
		}
		if c.CountsUnknown || c.Additions != add {
			t.Errorf("after the fetch, %q: +%d unknown=%v, git +%d", c.Title, c.Additions, c.CountsUnknown, add)
		}
	}
}
