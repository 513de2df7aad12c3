package gitengine

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/git-career/git-career/internal/gittest"
)

// TestCountsMatchGitCorpus builds diffs that are hard to count the way git
// does (rewrites costly enough for xdiff's heuristics to cut its search,
// moved blocks, files of repeated lines, CRLF, missing final newlines,
// binary data, modes git normalises, attributes) and checks every commit's
// numstat against git's, exactly.
func TestCountsMatchGitCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: builds a repository with git")
	}
	r := gittest.New(t)
	rng := rand.New(rand.NewPCG(11, 12))
	// lines returns n lines drawn from a vocabulary of v distinct lines:
	// a small v makes every line frequent, a large one makes most unique.
	lines := func(n, v int, tag string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("%s line %d", tag, rng.IntN(v))
		}
		return out
	}
	join := func(ls []string) string { return strings.Join(ls, "\n") + "\n" }
	// mutate replaces, deletes or inserts about one line in every k.
	mutate := func(ls []string, k, v int) []string {
		var out []string
		for _, l := range ls {
			switch rng.IntN(k) {
			case 0:
				out = append(out, fmt.Sprintf("changed %d", rng.IntN(v)))
			case 1:
			case 2:
				out = append(out, l, fmt.Sprintf("inserted %d", rng.IntN(v)))
			default:
				out = append(out, l)
			}
		}
		return out
	}

	big := lines(6000, 1<<30, "big")
	braces := make([]string, 3000)
	for i := range braces {
		braces[i] = []string{"{", "}", "", "\treturn nil", fmt.Sprintf("x%d", i)}[rng.IntN(5)]
	}
	repeated := lines(4000, 40, "rep")
	moved := lines(2000, 1<<30, "mv")
	r.Commit("root", map[string]string{
		"big.txt":        join(big),
		"braces.go":      join(braces),
		"repeated.txt":   join(repeated),
		"moved.txt":      join(moved),
		"crlf.txt":       "one\ntwo\nthree\n",
		"nonl.txt":       "a\nb\nc",
		"late-nul.txt":   strings.Repeat("x", 8000) + "\x00tail\n",
		"early.bin":      "\x00" + join(lines(50, 100, "bin")),
		"data.dat":       "text\nin a dat file\n",
		"keep.txt":       "has a nul \x00 but diff is set\n",
		"sub/deep/x.bin": "plain text\n",
		"sub/n.txt":      "nested\n",
		"macro.m":        "m\n",
		"info.i":         "i\n",
		"link.dat":       gittest.Symlink + "data.dat",
		"perm.sh":        "#!/bin/sh\n",
		"perm.txt":       "p\n",
	}, "")

	// Rewrites: light, heavy (most lines changed: xdiff's cost cap), and a
	// rewrite in another order (snakes everywhere, the heuristics' case).
	r.Commit("light edits", map[string]string{"big.txt": join(mutate(big, 40, 1<<30))}, "")
	big2 := mutate(big, 3, 1<<30)
	r.Commit("heavy rewrite", map[string]string{"big.txt": join(big2)}, "")
	shuffled := append([]string(nil), big2...)
	for i := 0; i+100 <= len(shuffled); i += 100 {
		j := rng.IntN(len(shuffled)/100) * 100
		for k := 0; k < 100; k++ {
			shuffled[i+k], shuffled[j+k] = shuffled[j+k], shuffled[i+k]
		}
	}
	r.Commit("blocks shuffled", map[string]string{"big.txt": join(mutate(shuffled, 25, 1<<30))}, "")
	r.Commit("braces edited", map[string]string{"braces.go": join(mutate(braces, 6, 50))}, "")
	r.Commit("repeated lines rewritten", map[string]string{"repeated.txt": join(mutate(repeated, 2, 40))}, "")
	mv := append(append(append([]string(nil), moved[1200:1600]...), moved[:1200]...), moved[1600:]...)
	r.Commit("block moved", map[string]string{"moved.txt": join(mv)}, "")

	// Line ends.
	r.Commit("to crlf", map[string]string{"crlf.txt": "one\r\ntwo\r\nthree\r\n"}, "")
	r.Commit("mixed ends", map[string]string{"crlf.txt": "one\r\ntwo\nthree\r\nfour"}, "")
	r.Commit("final newline added", map[string]string{"nonl.txt": "a\nb\nc\n"}, "")
	r.Commit("final line changed, newline dropped", map[string]string{"nonl.txt": "a\nb\nC"}, "")

	// Binary by content: a NUL past git's first 8000 bytes is text.
	r.Commit("binary edits", map[string]string{
		"late-nul.txt": strings.Repeat("x", 8000) + "\x00tail\nmore\n",
		"early.bin":    "\x00" + join(lines(60, 100, "bin")),
	}, "")
	r.Commit("binary becomes text", map[string]string{"early.bin": "now text\n"}, "")

	// Modes git normalises: 100664 is 100644 to git and 100775 is 100755,
	// so going between them is no change; 100644 to 100755 is.
	r.Run("update-index", "--chmod=+x", "perm.txt")
	r.CommitWith("real mode change", nil, gittest.CommitOpts{StagedOnly: true})
	commitRawModes(t, r, "old modes", map[string]string{"perm.sh": "100664", "perm.txt": "100775", "crlf.txt": "100664"})
	r.Commit("after old modes", map[string]string{"nonl.txt": "a\n"}, "")

	// Attributes in the work tree, nested, macros, and info/attributes.
	r.Commit("attribute targets", map[string]string{
		"data.dat":       "text\nin a dat file\nmore\n",
		"keep.txt":       "has a nul \x00 but diff is set\nsecond\n",
		"sub/deep/x.bin": "plain text\nchanged\n",
		"sub/n.txt":      "nested\nchanged\n",
		"macro.m":        "m\nm2\n",
		"info.i":         "i\ni2\n",
		"link.dat":       gittest.Symlink + "keep.txt",
	}, "")
	r.Commit("attributes", map[string]string{
		".gitattributes":     "[attr]nodiff -diff\n*.dat binary\nkeep.txt diff\nsub/**/*.bin -diff\n*.m nodiff\n# a comment\n",
		"sub/.gitattributes": "n.txt -diff\n",
	}, "")
	if err := os.WriteFile(filepath.Join(r.Dir, ".git", "info", "attributes"), []byte("*.i -diff\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := numstat(r, "--no-merges", "HEAD")
	// The attributes must have changed what git says: otherwise this
	// test would not test them.
	binaries := 0
	for _, files := range want {
		for _, f := range files {
			if f.Binary {
				binaries++
			}
		}
	}
	if binaries < 8 {
		t.Fatalf("git counts only %d binary files: the attributes are not in effect", binaries)
	}
	checkAgainstGit(t, r, true)

	// What git uses is the work tree's file: with it gone, the same
	// commits count as text again, for git and for us.
	if err := os.Remove(filepath.Join(r.Dir, ".gitattributes")); err != nil {
		t.Fatal(err)
	}
	checkAgainstGit(t, r, true)
}

// commitRawModes commits HEAD's tree with the given files' modes replaced
// by raw octal modes, which git itself no longer writes but old trees hold;
// the index is left as it was.
func commitRawModes(t *testing.T, r *gittest.Repo, msg string, modes map[string]string) {
	t.Helper()
	var tree bytes.Buffer
	for _, line := range strings.Split(strings.TrimSpace(r.Run("ls-tree", "HEAD")), "\n") {
		meta, name, _ := strings.Cut(line, "\t")
		f := strings.Fields(meta)
		mode, hash := f[0], f[2]
		if m, ok := modes[name]; ok {
			mode = m
		}
		if mode == "040000" {
			mode = "40000"
		}
		raw, err := hex.DecodeString(hash)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&tree, "%s %s\x00%s", mode, name, raw)
	}
	path := filepath.Join(t.TempDir(), "tree")
	if err := os.WriteFile(path, tree.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	th := strings.TrimSpace(r.Run("hash-object", "-t", "tree", "-w", "--literally", path))
	date := []string{"GIT_AUTHOR_DATE=2021-01-01T00:00:00Z", "GIT_COMMITTER_DATE=2021-01-01T00:00:00Z"}
	ch := strings.TrimSpace(r.RunEnv(date, "commit-tree", th, "-p", "HEAD", "-m", msg))
	r.Run("update-ref", "HEAD", ch)
}
