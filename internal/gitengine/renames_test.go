package gitengine

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/git-career/git-career/internal/gittest"
)

// The tests here build commits that rename files in the ways git's rename
// detection tells apart, and check every commit's numstat, renames
// included, against `git log --numstat` with git's defaults
// (checkAgainstGit). Each also checks that git did find the renames the
// case is about, so that a case that stopped renaming would not pass
// unseen.

// textLines is n distinct lines tagged tag, each ending in a newline.
func textLines(tag string, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%s line %d: some words to make the line longer\n", tag, i)
	}
	return b.String()
}

// editLines replaces every k-th line of text (from the first) with a new
// one.
func editLines(text string, k int, tag string) string {
	ls := strings.SplitAfter(text, "\n")
	for i := 0; i < len(ls); i += k {
		if ls[i] != "" {
			ls[i] = fmt.Sprintf("%s edited %d\n", tag, i)
		}
	}
	return strings.Join(ls, "")
}

// renamesIn is what git reports for commit: its renames as "old => new"
// and its file count.
func renamesIn(t *testing.T, r *gittest.Repo, commit string) (renames []string, files int) {
	t.Helper()
	fs := r.Numstat("-1", commit)[commit]
	for _, f := range fs {
		if f.OldPath != "" {
			renames = append(renames, f.OldPath+" => "+f.Path)
		}
	}
	return renames, len(fs)
}

// wantRenames fails unless git saw exactly want in commit (in git's
// order), among files files in all.
func wantRenames(t *testing.T, r *gittest.Repo, commit string, files int, want ...string) {
	t.Helper()
	got, n := renamesIn(t, r, commit)
	if !reflect.DeepEqual(got, want) || n != files {
		t.Errorf("git's renames in %s: %q in %d files, want %q in %d", commit[:8], got, n, want, files)
	}
}

func TestRenamePure(t *testing.T) {
	r := gittest.New(t)
	r.Commit("root", map[string]string{
		"a.txt":      textLines("a", 30),
		"empty":      "",
		"link":       gittest.Symlink + "a.txt",
		"dir/nonl":   "no final newline",
		"keep/x.txt": "x\n",
	}, "")
	h := r.Commit("pure renames", map[string]string{
		"a.txt": gittest.Delete, "b.txt": textLines("a", 30),
		"empty": gittest.Delete, "empty2": "",
		"link":     gittest.Symlink + "a.txt", // unchanged target, moved below
		"dir/nonl": gittest.Delete, "other/nonl": "no final newline",
	}, "")
	r.Commit("move the symlink", map[string]string{"link": gittest.Delete, "link2": gittest.Symlink + "a.txt"}, "")
	// In the order of the new paths.
	wantRenames(t, r, h, 3, "a.txt => b.txt", "empty => empty2", "dir/nonl => other/nonl")
	checkAgainstGit(t, r, true)

	// A pure rename is one file: 0/0, with the old path and the source's
	// blob as From.
	repo := r.Open()
	got, _, err := commitFiles(repo.Storer, r.CommitObject(repo, h), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Path != "b.txt" || got[0].OldPath != "a.txt" || got[0].Additions != 0 || got[0].Deletions != 0 {
		t.Fatalf("got %+v, want b.txt renamed from a.txt, 0/0", got)
	}
	if want := strings.TrimSpace(r.Run("rev-parse", h+"^:a.txt")); got[0].From.String() != want || got[0].To.String() != want {
		t.Errorf("blob ids %s -> %s, want %s both", got[0].From, got[0].To, want)
	}
}

func TestRenameWithEdit(t *testing.T) {
	r := gittest.New(t)
	base := textLines("m", 40)
	r.Commit("root", map[string]string{"src/main.go": base, "src/util.go": textLines("u", 10)}, "")
	h := r.Commit("rename and edit", map[string]string{
		"src/main.go": gittest.Delete,
		"cmd/main.go": editLines(base, 10, "e") + "appended\n",
		"src/util.go": gittest.Delete,
		"lib/helpers.go": strings.Replace(textLines("u", 10),
			"u line 3", "u LINE 3", 1),
	}, "")
	// In a folder of the same name and with a new name, both to CRLF.
	crlf := strings.ReplaceAll(editLines(base, 10, "e")+"appended\n", "\n", "\r\n")
	h2 := r.Commit("to crlf and moved", map[string]string{"cmd/main.go": gittest.Delete, "cmd/app.go": crlf}, "")
	wantRenames(t, r, h, 2, "src/main.go => cmd/main.go", "src/util.go => lib/helpers.go")
	wantRenames(t, r, h2, 1, "cmd/main.go => cmd/app.go")
	checkAgainstGit(t, r, true)
}

func TestRenameFolder(t *testing.T) {
	// "rename docs -> website": 83 files moved, a few edited on the way,
	// several with the same contents, and one folder file replaced by a
	// file of the folder's name.
	r := gittest.New(t)
	files := map[string]string{}
	for i := 0; i < 83; i++ {
		p := fmt.Sprintf("docs/%s/page%02d.md", []string{"guide", "api", "blog"}[i%3], i)
		switch {
		case i%10 == 0:
			files[p] = "# Index\n\nSee the other pages.\n" // the same in many places
		default:
			files[p] = textLines(fmt.Sprintf("page %d", i), 5+i%20)
		}
	}
	files["docs/guide/index.md"] = "# Index\n\nSee the other pages.\n"
	files["README.md"] = "readme\n"
	r.Commit("root", files, "")
	move := map[string]string{}
	for p, c := range files {
		if !strings.HasPrefix(p, "docs/") {
			continue
		}
		move[p] = gittest.Delete
		np := "website/" + strings.TrimPrefix(p, "docs/")
		if strings.HasSuffix(p, "7.md") {
			c = editLines(c, 4, "edited")
		}
		move[np] = c
	}
	move["docs"] = "docs is now a file\n"
	h := r.Commit("rename docs -> website", move, "")
	renames, n := renamesIn(t, r, h)
	if len(renames) != 84 || n != 85 {
		t.Errorf("git: %d renames in %d files, want 84 in 85", len(renames), n)
	}
	checkAgainstGit(t, r, true)
}

func TestRenameBelowThreshold(t *testing.T) {
	// keep keeps k lines of every 5 of a 40-line file and rewrites the
	// others: about k/5 of the bytes stay.
	keep := func(tag string, k int) string {
		ls := strings.SplitAfter(textLines(tag, 40), "\n")
		for i := range ls {
			if ls[i] != "" && i%5 >= k {
				ls[i] = fmt.Sprintf("%s rewritten as something else entirely %d\n", tag, i)
			}
		}
		return strings.Join(ls, "")
	}
	r := gittest.New(t)
	r.Commit("root", map[string]string{
		"two.txt":    textLines("two", 40),
		"three.txt":  textLines("three", 40),
		"a/same.txt": textLines("s", 40),
		"b/name.txt": textLines("n", 40),
		"tiny.txt":   textLines("t", 40),
	}, "")
	h := r.Commit("rewrites", map[string]string{
		// 40% alike: a delete and an add.
		"two.txt": gittest.Delete, "two-new.txt": keep("two", 2),
		// 60% alike: a rename.
		"three.txt": gittest.Delete, "three-new.txt": keep("three", 3),
		// Same file name, 60% alike: below the 75% the file-name round
		// asks, above 50%: found by the matrix.
		"a/same.txt": gittest.Delete, "c/same.txt": keep("s", 3),
		// Same file name, 40% alike: no rename either way.
		"b/name.txt": gittest.Delete, "d/name.txt": keep("n", 2),
		// A quarter of the size, all of it shared: ruled out by the
		// sizes alone.
		"tiny.txt": gittest.Delete, "tiny2.txt": textLines("t", 10),
	}, "")
	wantRenames(t, r, h, 8, "a/same.txt => c/same.txt", "three.txt => three-new.txt")
	checkAgainstGit(t, r, true)
}

func TestRenameEqualContents(t *testing.T) {
	r := gittest.New(t)
	same := "the same contents\n"
	files := map[string]string{}
	for i := 0; i < 150; i++ {
		files[fmt.Sprintf("old/f%03d.txt", i)] = same
	}
	for i := 0; i < 6; i++ {
		files[fmt.Sprintf("dup/%d/name.txt", i)] = textLines("dup", 30)
	}
	r.Commit("root", files, "")
	change := map[string]string{}
	for p := range files {
		change[p] = gittest.Delete
	}
	// More targets than sources of one contents; a file name shared past
	// the hundredth candidate, which git does not look that far for.
	for _, n := range []int{140, 3, 77, 149, 0} {
		change[fmt.Sprintf("new/f%03d.txt", n)] = same
	}
	change["new/other.txt"] = same
	// Equal contents under one file name, and equally alike copies.
	for i := 0; i < 4; i++ {
		change[fmt.Sprintf("moved/%d/name.txt", i)] = textLines("dup", 30)
	}
	for i := 0; i < 3; i++ {
		change[fmt.Sprintf("edited/%d.txt", i)] = textLines("dup", 30) + "one more line\n"
	}
	h := r.Commit("many candidates", change, "")
	// new/f140 gets old/f001: old/f140 is past the hundred git looks at.
	// Six targets share in the six dup sources, one is left an add.
	wantRenames(t, r, h, 157,
		"dup/4/name.txt => edited/0.txt", "dup/5/name.txt => edited/1.txt",
		"dup/0/name.txt => moved/0/name.txt", "dup/1/name.txt => moved/1/name.txt",
		"dup/2/name.txt => moved/2/name.txt", "dup/3/name.txt => moved/3/name.txt",
		"old/f000.txt => new/f000.txt", "old/f003.txt => new/f003.txt", "old/f077.txt => new/f077.txt",
		"old/f001.txt => new/f140.txt", "old/f002.txt => new/f149.txt", "old/f004.txt => new/other.txt")
	checkAgainstGit(t, r, true)
}

// keepOf keeps k lines of every 10 of a 40-line file tagged tag and
// rewrites the others: about k/10 of the bytes stay.
func keepOf(tag string, k int) string {
	ls := strings.SplitAfter(textLines(tag, 40), "\n")
	for i := range ls {
		if ls[i] != "" && i%10 >= k {
			ls[i] = fmt.Sprintf("%s rewritten as something else entirely %d\n", tag, i)
		}
	}
	return strings.Join(ls, "")
}

func TestRenameNameRound(t *testing.T) {
	// A file name borne by one deleted and one added path pairs them
	// before the matrix when they are 75% alike, even if another source
	// is more alike; below 75%, or when more than one path bears the
	// name, the matrix decides.
	r := gittest.New(t)
	r.Commit("root", map[string]string{
		"a/name.txt":  textLines("n", 40),
		"c/other.txt": keepOf("n", 9),
		"e/file.txt":  textLines("f", 40),
		"g/other.txt": keepOf("f", 9),
		"i/dup.txt":   keepOf("d", 8),
		"j/dup.txt":   keepOf("d", 9),
	}, "")
	h := r.Commit("names", map[string]string{
		"a/name.txt": gittest.Delete, "c/other.txt": gittest.Delete,
		"b/name.txt": keepOf("n", 8), // 80% like a/name.txt, 90% like c/other.txt
		"e/file.txt": gittest.Delete, "g/other.txt": gittest.Delete,
		"h/file.txt": keepOf("f", 6), // 60% like e/file.txt, 70% like g/other.txt
		// A name two sources bear is no hint: the matrix takes the more
		// alike.
		"i/dup.txt": gittest.Delete, "j/dup.txt": gittest.Delete,
		"k/dup.txt": textLines("d", 40),
	}, "")
	wantRenames(t, r, h, 6, "a/name.txt => b/name.txt", "g/other.txt => h/file.txt", "j/dup.txt => k/dup.txt")
	checkAgainstGit(t, r, true)
}

func TestRenameMatrixOrder(t *testing.T) {
	// Six sources with one contents and six targets with another, alike
	// to it: every pair scores the same. Each target keeps its first four
	// sources; pairs are taken target by target, and a same name wins a
	// tie. The last targets find their four taken and stay adds.
	r := gittest.New(t)
	src := textLines("tie", 40)
	files := map[string]string{}
	for i := 0; i < 6; i++ {
		files[fmt.Sprintf("src/s%d.txt", i)] = src
	}
	files["src/x/t5.txt"] = src
	r.Commit("root", files, "")
	change := map[string]string{}
	for p := range files {
		change[p] = gittest.Delete
	}
	for i := 0; i < 6; i++ {
		change[fmt.Sprintf("dst/t%d.txt", i)] = keepOf("tie", 8)
	}
	change["dst/y/t5.txt"] = keepOf("tie", 8)
	h := r.Commit("ties", change, "")
	wantRenames(t, r, h, 9,
		"src/s0.txt => dst/t0.txt", "src/s1.txt => dst/t1.txt", "src/s2.txt => dst/t2.txt",
		"src/s3.txt => dst/t3.txt", "src/x/t5.txt => dst/t5.txt")
	checkAgainstGit(t, r, true)
}

func TestRenameBinary(t *testing.T) {
	r := gittest.New(t)
	bin := func(tag string, n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "%s\x00chunk %d\x01\x02\n", tag, i)
		}
		return b.String()
	}
	r.Commit("root", map[string]string{
		"logo.png":  bin("png", 50),
		"data.bin":  bin("data", 80),
		"notes.txt": textLines("n", 20),
		"crlf.dat":  strings.ReplaceAll(textLines("c", 20), "\n", "\r\n"),
	}, "")
	r.Commit("attributes", map[string]string{".gitattributes": "*.dat binary\n"}, "")
	h := r.Commit("binary renames", map[string]string{
		"logo.png": gittest.Delete, "img/logo.png": bin("png", 50), // pure
		"data.bin": gittest.Delete, "data2.bin": bin("data", 80) + "tail\x00\n", // edited
		"notes.txt": gittest.Delete, "notes.dat": textLines("n", 20) + "more\n", // binary by the new name
		"crlf.dat": gittest.Delete, "crlf.txt": textLines("c", 20), // binary by the old name; CRs count
	}, "")
	renames, _ := renamesIn(t, r, h)
	if len(renames) < 3 {
		t.Errorf("git renames only %q", renames)
	}
	checkAgainstGit(t, r, true)
}

func TestRenameModeChange(t *testing.T) {
	r := gittest.New(t)
	r.Commit("root", map[string]string{
		"run.sh":   textLines("r", 10),
		"tool.sh":  textLines("t", 10),
		"target":   textLines("x", 3),
		"script":   gittest.Exec + textLines("s", 10),
		"link":     gittest.Symlink + "target",
		"linkfile": "other",
	}, "")
	h := r.Commit("renamed and made executable", map[string]string{
		"run.sh": gittest.Delete, "bin/run.sh": gittest.Exec + textLines("r", 10),
		"tool.sh": gittest.Delete, "bin/tool": gittest.Exec + textLines("t", 10) + "exit 0\n",
		"script": gittest.Delete, "script.sh": textLines("s", 10),
		// A symlink and a file with the same blob are not the same file.
		"link": gittest.Delete, "link.txt": "target",
		"linkfile": gittest.Delete, "newlink": gittest.Symlink + "other",
	}, "")
	wantRenames(t, r, h, 7, "run.sh => bin/run.sh", "tool.sh => bin/tool", "script => script.sh")
	checkAgainstGit(t, r, true)
}

func TestRenameSubmodule(t *testing.T) {
	r := gittest.New(t)
	r.Commit("root", map[string]string{"a": "a\n"}, "")
	sub := r.Head()
	r.Gitlink("vendor/lib", sub)
	r.CommitWith("add submodule", nil, gittest.CommitOpts{StagedOnly: true})
	r.Run("rm", "-q", "--cached", "vendor/lib")
	r.Gitlink("third_party/lib", sub)
	h := r.CommitWith("move submodule", nil, gittest.CommitOpts{StagedOnly: true})
	wantRenames(t, r, h, 1, "vendor/lib => third_party/lib")
	checkAgainstGit(t, r, true)
}

func TestRenameLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: commits 2,000 files")
	}
	// 1,002 deleted and 1,002 added files left after the first two rounds
	// are more pairs than git's rename limit (1,000²) allows the matrix;
	// the same blobs and the same names still pair.
	r := gittest.New(t)
	files := map[string]string{}
	for i := 0; i < 1006; i++ {
		files[fmt.Sprintf("old/%04d.txt", i)] = textLines(fmt.Sprintf("f%d", i), 4)
	}
	r.Commit("root", files, "")
	change := map[string]string{}
	for p := range files {
		change[p] = gittest.Delete
	}
	for i := 0; i < 1006; i++ {
		c := textLines(fmt.Sprintf("f%d", i), 4)
		switch {
		case i < 2: // the same blob
			change[fmt.Sprintf("new/moved%04d.txt", i)] = c
		case i < 4: // the same name, a little edited
			change[fmt.Sprintf("new/%04d.txt", i)] = c + "edited\n"
		default: // alike, but only the matrix would see it
			change[fmt.Sprintf("new/other%04d.txt", i)] = c + "edited\n"
		}
	}
	h := r.Commit("too many to compare", change, "")
	renames, _ := renamesIn(t, r, h)
	if len(renames) != 4 {
		t.Errorf("git renames %d files, want 4", len(renames))
	}
	checkAgainstGit(t, r, true)
}

// TestRenamesRandom makes random commits of moves, copies, edits of every
// size, deletions and additions over files that share many lines, and
// checks them all against git: the pairs the rounds pick, the ties, the
// 50% and 75% thresholds and the estimate's chunking.
func TestRenamesRandom(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: makes 60 commits with git")
	}
	r := gittest.New(t)
	rng := rand.New(rand.NewPCG(17, 18))
	common := []string{"{", "}", "", "\treturn nil", "// comment"}
	line := func() string {
		switch rng.IntN(5) {
		case 0:
			return common[rng.IntN(len(common))]
		case 1:
			// Longer than the estimate's 64-byte chunks.
			return strings.Repeat(fmt.Sprintf("long %d ", rng.IntN(1000)), 12)
		}
		return fmt.Sprintf("line %d", rng.IntN(3000))
	}
	newFile := func() []string {
		ls := make([]string, 5+rng.IntN(60))
		for i := range ls {
			ls[i] = line()
		}
		return ls
	}
	text := func(ls []string) string {
		s := strings.Join(ls, "\n")
		if rng.IntN(6) != 0 {
			s += "\n"
		}
		if rng.IntN(15) == 0 {
			s = strings.ReplaceAll(s, "\n", "\r\n")
		}
		return s
	}
	edit := func(ls []string) []string {
		// From nothing to nearly everything changed.
		frac := rng.Float64()
		out := make([]string, 0, len(ls))
		for _, l := range ls {
			if rng.Float64() < frac {
				if rng.IntN(2) == 0 {
					out = append(out, line())
				}
				continue
			}
			out = append(out, l)
		}
		if rng.IntN(2) == 0 {
			out = append(out, line())
		}
		return out
	}
	dirs := []string{"a", "b", "a/x", "c/y", "docs"}
	names := []string{"main.go", "util.go", "README", "x.txt", "y.txt", "z.md"}
	path := func() string {
		return fmt.Sprintf("%s/%s", dirs[rng.IntN(len(dirs))], fmt.Sprintf("%d-%s", rng.IntN(4), names[rng.IntN(len(names))]))
	}
	cur := map[string][]string{}
	root := map[string]string{}
	for i := 0; i < 40; i++ {
		p := path()
		cur[p] = newFile()
		root[p] = text(cur[p])
	}
	r.Commit("root", root, "")
	for c := 0; c < 60; c++ {
		change := map[string]string{}
		var paths []string
		for p := range cur {
			paths = append(paths, p)
		}
		// Map order is random: sort for a repeatable test.
		slices.Sort(paths)
		for _, p := range paths {
			if _, touched := change[p]; touched {
				continue
			}
			np := path()
			if _, taken := cur[np]; taken {
				continue
			}
			if _, taken := change[np]; taken {
				continue
			}
			switch rng.IntN(10) {
			case 0, 1: // move, edited or not
				ls := cur[p]
				if rng.IntN(3) != 0 {
					ls = edit(ls)
				}
				delete(cur, p)
				change[p] = gittest.Delete
				cur[np] = ls
				change[np] = text(ls)
			case 2: // copy
				ls := edit(cur[p])
				cur[np] = ls
				change[np] = text(ls)
			case 3: // edit in place
				cur[p] = edit(cur[p])
				change[p] = text(cur[p])
			case 4:
				if len(cur) > 10 {
					delete(cur, p)
					change[p] = gittest.Delete
				}
			case 5:
				cur[np] = newFile()
				change[np] = text(cur[np])
			}
		}
		r.CommitWith(fmt.Sprintf("random %d", c), change, gittest.CommitOpts{AllowEmpty: true})
	}
	renames := 0
	for _, fs := range r.Numstat("HEAD") {
		for _, f := range fs {
			if f.OldPath != "" {
				renames++
			}
		}
	}
	if renames < 50 {
		t.Errorf("git found only %d renames", renames)
	}
	t.Logf("git found %d renames", renames)
	checkAgainstGit(t, r, true)
}

// TestChunkProfile checks the estimate's chunks: ends at newlines or 64
// bytes, an unfinished last chunk left out, CR before LF skipped in text
// only.
func TestChunkProfile(t *testing.T) {
	scratch := new(chunkTable)
	profile := func(data string, text bool) map[uint32]uint32 {
		m := map[uint32]uint32{}
		for _, c := range chunkProfile([]byte(data), text, scratch) {
			if _, dup := m[c.hash]; dup || c.bytes == 0 {
				t.Errorf("chunkProfile(%q): value %d twice or empty", data, c.hash)
			}
			m[c.hash] = c.bytes
		}
		if *scratch != (chunkTable{}) {
			t.Fatalf("chunkProfile(%q) left its scratch dirty", data)
		}
		return m
	}
	total := func(p map[uint32]uint32) int {
		n := 0
		for _, b := range p {
			n += int(b)
		}
		return n
	}
	for _, tc := range []struct {
		data  string
		text  bool
		bytes int
	}{
		{"a\nb\n", true, 4},
		{"a\nb", true, 2},
		{"a\r\nb\r\n", true, 4},
		{"a\r\nb\r\n", false, 6},
		{strings.Repeat("x", 130), true, 128},
		{"a\na\na\n", true, 6},
		{"", true, 0},
	} {
		if got := total(profile(tc.data, tc.text)); got != tc.bytes {
			t.Errorf("chunkProfile(%q, text=%v) counts %d bytes, want %d", tc.data, tc.text, got, tc.bytes)
		}
	}
	// A text file and its CRLF copy have one profile.
	a := textLines("p", 20)
	if pa, pb := profile(a, true), profile(strings.ReplaceAll(a, "\n", "\r\n"), true); !reflect.DeepEqual(pa, pb) {
		t.Errorf("a file and its CRLF copy differ: %v, %v", pa, pb)
	}
}
