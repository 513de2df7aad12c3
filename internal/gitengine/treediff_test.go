package gitengine

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"

	"github.com/git-career/git-career/internal/gittest"
)

func TestParseTreeRejectsGarbage(t *testing.T) {
	for _, data := range []string{"100644", "10064x a\x00", "100644 a\x00short"} {
		if _, err := parseTree([]byte(data)); err == nil {
			t.Errorf("parseTree(%q) succeeded", data)
		}
	}
}

func TestCompareEntriesGitOrder(t *testing.T) {
	// git sorts a tree named "a" as "a/": after "a-b" and "a.b", before
	// "a0"; a file "a" sorts before everything starting "a".
	file := func(n string) rawEntry { return rawEntry{name: []byte(n), mode: 0o100644} }
	dir := func(n string) rawEntry { return rawEntry{name: []byte(n), mode: 0o040000} }
	ordered := []rawEntry{file("a"), file("a-b"), file("a.b"), dir("a"), file("a0"), dir("b"), file("b0")}
	for i := range ordered {
		for j := range ordered {
			got := compareEntries(&ordered[i], &ordered[j])
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got != want {
				t.Errorf("compare(%s %o, %s %o) = %d, want %d", ordered[i].name, ordered[i].mode,
					ordered[j].name, ordered[j].mode, got, want)
			}
		}
	}
}

// checkAgainstGit compares commitFiles with git's numstat for every
// non-merge commit on HEAD. If exactCounts is false, paths and binary flags
// must still match but line counts may differ; the differences are
// returned.
//
// It checks twice: reading loose objects through go-git, then, after a
// repack that stores most objects as deltas, through an objectStore.
func checkAgainstGit(t *testing.T, r *gittest.Repo, exactCounts bool) (mismatches []string) {
	t.Helper()
	want := numstat(r, "--no-merges", "HEAD")
	if len(want) == 0 {
		t.Fatal("git listed no commits")
	}
	repo := r.Open()
	mismatches = checkStorer(t, r, repo, repo.Storer, want, exactCounts)
	r.Run("repack", "-adfq", "--depth=50")
	fastRepo, closeRepo, err := openFast(filepath.Join(r.Dir, ".git"))
	if err != nil {
		t.Fatal(err)
	}
	defer closeRepo()
	if n := len(fastRepo.Storer.(*fastStorage).fast.packs); n != 1 {
		t.Fatalf("%d packs after repack, want 1", n)
	}
	repo = fastRepo
	fastMismatches := checkStorer(t, r, repo, repo.Storer, want, exactCounts)
	if !reflect.DeepEqual(fastMismatches, mismatches) {
		t.Errorf("pack reader and go-git disagree:\n%v\n%v", fastMismatches, mismatches)
	}
	return mismatches
}

func checkStorer(t *testing.T, r *gittest.Repo, repo *git.Repository, s storer.EncodedObjectStorer, want map[string][]FileChange, exactCounts bool) (mismatches []string) {
	t.Helper()
	hashes := make([]string, 0, len(want))
	for h := range want {
		hashes = append(hashes, h)
	}
	sort.Strings(hashes)
	for _, hash := range hashes {
		wantFiles := want[hash]
		c := r.CommitObject(repo, hash)
		got, unknown, err := commitFiles(s, c, testAttrs(t, r))
		got = numstatOnly(got)
		if err == nil && unknown {
			err = errCountsUnknown
		}
		if err != nil {
			t.Fatalf("commitFiles(%s): %v", hash, err)
		}
		if got == nil {
			got = []FileChange{}
		}
		if reflect.DeepEqual(got, wantFiles) {
			continue
		}
		if !exactCounts && samePaths(got, wantFiles) {
			for i := range got {
				if got[i] != wantFiles[i] {
					mismatches = append(mismatches, fmt.Sprintf("%s %s: got +%d -%d, git +%d -%d",
						hash[:8], got[i].Path, got[i].Additions, got[i].Deletions,
						wantFiles[i].Additions, wantFiles[i].Deletions))
				}
			}
			continue
		}
		subject := strings.TrimSpace(r.Run("log", "-1", "--format=%s", hash))
		t.Errorf("commit %s %q:\n got  %v\n want %v", hash[:8], subject, got, wantFiles)
	}
	return mismatches
}

// testAttrs reads the repository's attributes as the product does.
func testAttrs(t *testing.T, r *gittest.Repo) *gitAttrs {
	t.Helper()
	dot, wt, err := locate(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	return repoAttrs(dot, wt)
}

func samePaths(a, b []FileChange) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Path != b[i].Path || a[i].Binary != b[i].Binary {
			return false
		}
	}
	return true
}

func TestCommitFilesMatchesGit(t *testing.T) {
	r := gittest.New(t)
	r.Commit("root", map[string]string{
		"README.md":            "# project\n\nsome text\n",
		"src/main.go":          "package main\n\nfunc main() {\n}\n",
		"src/util/strings.go":  "package util\n",
		"src/util/deep/x/y.go": "package y\n",
		"logo.png":             "\x89PNG\r\n\x1a\n\x00\x00binary",
		"empty.txt":            "",
		"nonl.txt":             "no newline at end",
		"crlf.txt":             "one\r\ntwo\r\n",
		"link":                 gittest.Symlink + "src/main.go",
		"run.sh":               gittest.Exec + "#!/bin/sh\necho hi\n",
		"a-b":                  "1\n",
		"a.b":                  "1\n",
		"a0":                   "1\n",
		"a/inner":              "1\n",
	}, "")
	r.Commit("edit main", map[string]string{
		"src/main.go": "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(1)\n}\n",
	}, "")
	r.Commit("rename", map[string]string{
		"src/util/strings.go": gittest.Delete,
		"src/util/text.go":    "package util\n",
	}, "")
	r.Commit("delete nested dir", map[string]string{"src/util/deep": gittest.Delete}, "")
	r.Run("update-index", "--chmod=+x", "README.md")
	r.Run("update-index", "--chmod=+x", "logo.png")
	r.CommitWith("mode changes", nil, gittest.CommitOpts{StagedOnly: true})
	r.Commit("binary edit", map[string]string{"logo.png": "\x89PNG\r\n\x1a\n\x00\x00other"}, "")
	r.Commit("text to binary and back", map[string]string{
		"crlf.txt": "now\x00binary",
		"nonl.txt": "no newline at end\n",
	}, "")
	r.Commit("crlf", map[string]string{"crlf.txt": "one\r\ntwo\r\nthree\r\n"}, "")
	r.Commit("symlink retarget", map[string]string{"link": gittest.Symlink + "README.md"}, "")
	r.Commit("symlink to file", map[string]string{"link": "README.md"}, "")
	r.Commit("file to symlink", map[string]string{"a0": gittest.Symlink + "a-b"}, "")
	r.Commit("file to dir", map[string]string{
		"a.b":     gittest.Delete,
		"a.b/c":   "c\n",
		"a.b/d/e": "e\n",
		"a-b":     "2\n",
	}, "")
	r.Commit("dir to file", map[string]string{"a": "now a file\n"}, "")
	r.Commit("fill empty", map[string]string{"empty.txt": "x\ny\n"}, "")
	r.Commit("empty it", map[string]string{"empty.txt": ""}, "")
	r.Commit("add empty", map[string]string{"new/empty": "", "new/blank": "\n"}, "")
	sub1 := r.Head()
	r.Gitlink("vendor/sub", sub1)
	r.CommitWith("add submodule", nil, gittest.CommitOpts{StagedOnly: true})
	sub2 := r.Head()
	r.Gitlink("vendor/sub", sub2)
	r.CommitWith("update submodule", nil, gittest.CommitOpts{StagedOnly: true})
	r.Run("rm", "-q", "--cached", "vendor/sub")
	r.CommitWith("remove submodule", nil, gittest.CommitOpts{StagedOnly: true})
	r.CommitWith("empty commit", nil, gittest.CommitOpts{AllowEmpty: true})
	r.CommitWith("coauthored", map[string]string{"docs/a.md": "a\n"}, gittest.CommitOpts{
		Author:    "Bob <bob@example.com>",
		Coauthors: []string{"Ada Lovelace <ada@example.com>"},
	})
	r.Branch("feature")
	r.Commit("on feature", map[string]string{"feature.txt": "f\n", "README.md": "# project\n"}, "")
	r.Checkout("main")
	r.Commit("on main", map[string]string{"main.txt": "m\n"}, "")
	merge := r.Merge("feature", "merge feature", "")
	r.Commit("after merge", map[string]string{"feature.txt": "f\ng\n"}, "")

	checkAgainstGit(t, r, true)

	// A merge is diffed against its first parent, as `git diff` does.
	repo := r.Open()
	got, _, err := commitFiles(repo.Storer, r.CommitObject(repo, merge), nil)
	if err != nil {
		t.Fatal(err)
	}
	got = numstatOnly(got)
	want := numstat(r, "-1", "--first-parent", "-m", merge)[merge]
	if !reflect.DeepEqual(got, want) {
		t.Errorf("merge: got %v, want %v", got, want)
	}
}

// TestCommitFilesRandomEdits makes random edits to text files full of
// repeated lines (braces, blank lines), where a minimal diff and git's
// heuristics disagree, and checks paths and counts against git. The edits
// stay far below the edit cost at which git's Myers turns approximate, so
// the counts must match exactly; run with -v to see any differences.
func TestCommitFilesRandomEdits(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: makes 50 commits with git")
	}
	r := gittest.New(t)
	rng := rand.New(rand.NewPCG(1, 2))
	// Three frequent lines: in a 200-line file each occurs more often
	// than git's threshold (its rough square root of the line count).
	vocab := []string{"{", "}", ""}
	line := func() string {
		if rng.IntN(2) == 0 {
			return vocab[rng.IntN(len(vocab))]
		}
		return fmt.Sprintf("line %d", rng.IntN(100000))
	}
	files := map[string][]string{}
	var names []string
	for i := 0; i < 24; i++ {
		n := fmt.Sprintf("d%d/f%d.go", i%4, i)
		names = append(names, n)
		for k := 0; k < 150; k++ {
			files[n] = append(files[n], line())
		}
	}
	for i := 0; i < 50; i++ {
		change := map[string]string{}
		for _, n := range names {
			if rng.IntN(3) != 0 {
				continue
			}
			lines := files[n]
			for e := rng.IntN(6); e >= 0; e-- {
				pos := 0
				if len(lines) > 0 {
					pos = rng.IntN(len(lines) + 1)
				}
				switch op := rng.IntN(4); {
				case op == 0 && len(lines) > 0: // delete a run
					if pos >= len(lines) {
						pos = len(lines) - 1
					}
					end := min(len(lines), pos+1+rng.IntN(8))
					lines = append(lines[:pos:pos], lines[end:]...)
				case op == 1 && len(lines) > 0: // rewrite a block
					// Mostly new lines with a few frequent ones among
					// them: git discards those, a minimal diff may not.
					for k := pos; k < min(len(lines), pos+8+rng.IntN(10)); k++ {
						if rng.IntN(6) == 0 {
							lines[k] = vocab[rng.IntN(len(vocab))]
						} else {
							lines[k] = fmt.Sprintf("new %d", rng.IntN(100000))
						}
					}
				default: // insert a run
					var ins []string
					for k := rng.IntN(20); k >= 0; k-- {
						ins = append(ins, line())
					}
					lines = append(lines[:pos:pos], append(ins, lines[pos:]...)...)
				}
			}
			files[n] = lines
			text := strings.Join(lines, "\n")
			if rng.IntN(5) != 0 && len(lines) > 0 {
				text += "\n"
			}
			change[n] = text
		}
		r.CommitWith(fmt.Sprintf("random %d", i), change, gittest.CommitOpts{AllowEmpty: true})
	}
	mism := checkAgainstGit(t, r, false)
	for _, m := range mism {
		t.Log("count differs from git:", m)
	}
	if len(mism) > 0 {
		t.Errorf("%d file counts differ from git", len(mism))
	}
}

// TestCommitFilesErrors checks that a missing object is reported with the
// TestCommitFilesMissingObjects checks that a missing blob, tree or parent
// makes the counts unknown without failing, keeping the paths that can be
// read, and that commitFilesStrict says so with an error.
func TestCommitFilesMissingObjects(t *testing.T) {
	r := gittest.New(t)
	r.Commit("one", map[string]string{"a": "1\n", "d/x": "x\n", "e/y": "y\n"}, "")
	h := r.Commit("two", map[string]string{"a": "2\n", "d/x": "x2\n", "e/y": "y2\n"}, "")
	blob := strings.TrimSpace(r.Run("rev-parse", h+":a"))
	tree := strings.TrimSpace(r.Run("rev-parse", h+":d"))
	for _, o := range []string{blob, tree} {
		if err := gittest.RemoveLooseObject(r.Dir, o); err != nil {
			t.Fatal(err)
		}
	}
	repo := r.Open()
	c := r.CommitObject(repo, h)
	got, unknown, err := commitFiles(repo.Storer, c, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []FileChange{{Path: "a"}, {Path: "e/y", Additions: 1, Deletions: 1}}
	if got := numstatOnly(got); !unknown || !reflect.DeepEqual(got, want) {
		t.Errorf("got %v unknown=%v, want %v unknown=true", got, unknown, want)
	}
	if _, err := commitFilesStrict(repo.Storer, c); !errors.Is(err, errCountsUnknown) {
		t.Errorf("commitFilesStrict: err = %v, want %v", err, errCountsUnknown)
	}

	// A parent that is not there leaves nothing to compare with.
	if err := gittest.RemoveLooseObject(r.Dir, c.ParentHashes[0].String()); err != nil {
		t.Fatal(err)
	}
	got, unknown, err = commitFiles(r.Open().Storer, c, nil)
	if err != nil || !unknown || len(got) != 0 {
		t.Errorf("missing parent: got %v unknown=%v err=%v, want no files, unknown", got, unknown, err)
	}
}

// The benchmarks diff the same 59 commits three ways: commitFiles with the
// pack reader (openFast), commitFiles through go-git's storage, and
// go-git's own Commit.Stats.

func BenchmarkCommitFiles(b *testing.B) {
	r, hashes := benchRepo(b)
	repo, closeRepo, err := openFast(filepath.Join(r.Dir, ".git"))
	if err != nil {
		b.Fatal(err)
	}
	defer closeRepo()
	commits := commitObjects(b, r, repo, hashes)
	b.ResetTimer()
	for b.Loop() {
		for _, c := range commits {
			if _, _, err := commitFiles(repo.Storer, c, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkCommitFilesGoGitStorage(b *testing.B) {
	r, hashes := benchRepo(b)
	repo := r.Open()
	commits := commitObjects(b, r, repo, hashes)
	b.ResetTimer()
	for b.Loop() {
		for _, c := range commits {
			if _, _, err := commitFiles(repo.Storer, c, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkGoGitStats(b *testing.B) {
	r, hashes := benchRepo(b)
	commits := commitObjects(b, r, r.Open(), hashes)
	b.ResetTimer()
	for b.Loop() {
		for _, c := range commits {
			if _, err := c.Stats(); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func commitObjects(b *testing.B, r *gittest.Repo, repo *git.Repository, hashes []string) []*object.Commit {
	var commits []*object.Commit
	for _, h := range hashes {
		commits = append(commits, r.CommitObject(repo, h))
	}
	return commits
}

// benchRepo builds a repository of 60 commits over a tree of 400 files in
// nested directories, each commit editing a few files.
func benchRepo(b *testing.B) (*gittest.Repo, []string) {
	b.Helper()
	r := gittest.New(b)
	rng := rand.New(rand.NewPCG(3, 4))
	content := map[string][]string{}
	var paths []string
	for i := 0; i < 400; i++ {
		p := fmt.Sprintf("d%d/e%d/f%d.go", i%7, i%13, i)
		paths = append(paths, p)
		for j := 0; j < 50+rng.IntN(300); j++ {
			content[p] = append(content[p], fmt.Sprintf("line %d of %s", j, p))
		}
	}
	var hashes []string
	for c := 0; c < 60; c++ {
		change := map[string]string{}
		n := 3
		if c == 0 {
			n = len(paths)
		}
		for k := 0; k < n; k++ {
			p := paths[rng.IntN(len(paths))]
			if c == 0 {
				p = paths[k]
			} else {
				lines := content[p]
				pos := rng.IntN(len(lines))
				lines[pos] = fmt.Sprintf("edited %d", rng.Int())
				content[p] = append(lines, "appended")
			}
			change[p] = strings.Join(content[p], "\n") + "\n"
		}
		hashes = append(hashes, r.Commit(fmt.Sprintf("c%d", c), change, ""))
	}
	r.Run("gc", "-q")
	return r, hashes[1:]
}

// numstat is gittest's `git log --numstat` (renames found, unless args
// say --no-renames), as the engine's FileChanges.
func numstat(r *gittest.Repo, args ...string) map[string][]FileChange {
	out := map[string][]FileChange{}
	for sha, fs := range r.Numstat(args...) {
		for _, f := range fs {
			out[sha] = append(out[sha], FileChange{Path: f.Path, OldPath: f.OldPath, Additions: f.Additions, Deletions: f.Deletions, Binary: f.Binary})
		}
	}
	return out
}

// numstatOnly is what `git log --numstat` shows of fs: the blob ids left
// out.
func numstatOnly(fs []FileChange) []FileChange {
	if fs == nil {
		return nil
	}
	out := make([]FileChange, len(fs))
	for i, f := range fs {
		f.From, f.To = plumbing.ZeroHash, plumbing.ZeroHash
		out[i] = f
	}
	return out
}
