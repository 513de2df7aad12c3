// Command genrepo writes a git fast-import stream for a synthetic but
// realistic history: several authors with uneven activity, a tree of a few
// thousand source, test, doc and binary files, mostly small edits with the
// occasional large one, file adds, deletes and renames, and dates spread
// over years. The output is deterministic for a given seed, so benchmark
// numbers are comparable between runs and machines.
//
// Usage:
//
//	genrepo -commits 50000 | git -C repo.git fast-import --quiet
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"time"
)

type author struct {
	name, email string
	weight      int
}

// Authors with skewed activity, as in real projects: a couple of heavy
// committers and a long tail.
var authors = []author{
	{"Alice Chen", "alice@example.com", 30},
	{"Bob Okafor", "bob@example.com", 22},
	{"Carol Diaz", "carol@example.com", 15},
	{"Dmitri Ivanov", "dmitri@example.com", 12},
	{"Eve Martin", "eve@example.com", 8},
	{"Farah Khan", "farah@example.com", 6},
	{"Gus Larsen", "gus@example.com", 4},
	{"dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", 3},
}

type file struct {
	lines  []string
	binary []byte // non-nil for binary files
}

type gen struct {
	rng   *rand.Rand
	files map[string]*file
	paths []string // sorted keys of files, rebuilt lazily
	dirty bool
	w     *bufio.Writer
	next  int // counter for fresh identifiers
}

func main() {
	commits := flag.Int("commits", 50000, "number of commits")
	nfiles := flag.Int("files", 3000, "number of files in the first commit")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()

	g := &gen{
		rng:   rand.New(rand.NewPCG(*seed, 0x9e3779b97f4a7c15)),
		files: map[string]*file{},
		w:     bufio.NewWriterSize(os.Stdout, 1<<20),
	}
	if err := g.run(*commits, *nfiles); err != nil {
		fmt.Fprintln(os.Stderr, "genrepo:", err)
		os.Exit(1)
	}
}

func (g *gen) run(commits, nfiles int) error {
	start := time.Date(2015, 3, 1, 9, 0, 0, 0, time.UTC).Unix()
	end := time.Date(2025, 11, 1, 18, 0, 0, 0, time.UTC).Unix()
	step := (end - start) / int64(commits)

	// The first commit lays down the initial tree.
	var ops []string
	for i := 0; i < nfiles; i++ {
		p := g.newPath()
		g.files[p] = g.newFile(p)
		ops = append(ops, p)
	}
	g.dirty = true
	t := start
	if err := g.commit(authors[0], t, "Initial import", ops, nil); err != nil {
		return err
	}
	for c := 1; c < commits; c++ {
		// Jitter keeps dates increasing on average without a fixed rhythm.
		t += step/2 + g.rng.Int64N(step+1)
		a := g.pickAuthor()
		changed, deleted, msg := g.edit(a)
		if err := g.commit(a, t, msg, changed, deleted); err != nil {
			return err
		}
	}
	return g.w.Flush()
}

func (g *gen) pickAuthor() author {
	total := 0
	for _, a := range authors {
		total += a.weight
	}
	n := g.rng.IntN(total)
	for _, a := range authors {
		if n < a.weight {
			return a
		}
		n -= a.weight
	}
	return authors[0]
}

var (
	modules = []string{"api", "auth", "billing", "cli", "core", "db", "events", "http", "internal", "jobs", "metrics", "search", "storage", "ui", "util"}
	subdirs = []string{"", "handlers/", "model/", "service/", "v2/", "internal/codec/"}
	words   = []string{"user", "order", "cache", "token", "client", "server", "queue", "item", "config", "index", "report", "session"}
)

// newPath invents a path that does not exist yet, with a realistic mix:
// mostly Go sources and their tests, some docs, some assets.
func (g *gen) newPath() string {
	for {
		g.next++
		w := words[g.rng.IntN(len(words))]
		var p string
		switch r := g.rng.IntN(100); {
		case r < 55:
			p = fmt.Sprintf("%s/%s%s_%d.go", modules[g.rng.IntN(len(modules))], subdirs[g.rng.IntN(len(subdirs))], w, g.next)
		case r < 80:
			p = fmt.Sprintf("%s/%s%s_%d_test.go", modules[g.rng.IntN(len(modules))], subdirs[g.rng.IntN(len(subdirs))], w, g.next)
		case r < 90:
			p = fmt.Sprintf("docs/%s/%s_%d.md", modules[g.rng.IntN(len(modules))], w, g.next)
		case r < 94:
			p = fmt.Sprintf("assets/img/%s_%d.png", w, g.next)
		default:
			p = fmt.Sprintf("scripts/%s_%d.sh", w, g.next)
		}
		if _, ok := g.files[p]; !ok {
			return p
		}
	}
}

func (g *gen) newFile(p string) *file {
	if strings.HasSuffix(p, ".png") {
		b := make([]byte, 200+g.rng.IntN(3000))
		for i := range b {
			b[i] = byte(g.rng.UintN(256))
		}
		b[8] = 0 // make sure git sees it as binary
		return &file{binary: b}
	}
	n := 10 + g.rng.IntN(40)
	if g.rng.IntN(10) == 0 {
		n += g.rng.IntN(400)
	}
	f := &file{lines: make([]string, n)}
	for i := range f.lines {
		f.lines[i] = g.line()
	}
	return f
}

var templates = []string{
	"\tif err := %s.Validate(%d); err != nil {",
	"\t\treturn fmt.Errorf(\"%s %d: %%w\", err)",
	"\t}",
	"",
	"func (s *%sService) Handle%d(ctx context.Context) error {",
	"}",
	"\t%s := make([]int, %d)",
	"// %s explains step %d of the algorithm.",
	"\tlog.Printf(\"%s=%%d\", %d)",
	"\treturn nil",
}

// line returns a plausible source line; braces and blank lines repeat, as
// in real code, which matters for diff algorithms.
func (g *gen) line() string {
	t := templates[g.rng.IntN(len(templates))]
	if !strings.Contains(t, "%") {
		return t
	}
	return fmt.Sprintf(t, words[g.rng.IntN(len(words))], g.rng.IntN(10000))
}

func (g *gen) sortedPaths() []string {
	if g.dirty {
		g.paths = g.paths[:0]
		for p := range g.files {
			g.paths = append(g.paths, p)
		}
		sort.Strings(g.paths)
		g.dirty = false
	}
	return g.paths
}

// edit changes the tree as one commit would and returns what changed.
func (g *gen) edit(a author) (changed, deleted []string, msg string) {
	paths := g.sortedPaths()
	pick := func() string { return paths[g.rng.IntN(len(paths))] }
	r := g.rng.IntN(1000)
	switch {
	case a.name == "dependabot[bot]":
		p := "go.sum"
		if _, ok := g.files[p]; !ok {
			g.files[p] = &file{}
			g.dirty = true
		}
		f := g.files[p]
		f.lines = append(f.lines, fmt.Sprintf("example.com/mod%d v1.%d.0 h1:%x=", g.rng.IntN(50), g.rng.IntN(30), g.rng.Uint64()))
		return []string{p}, nil, "Bump a dependency"
	case r < 30: // add files
		n := 1 + g.rng.IntN(4)
		for i := 0; i < n; i++ {
			p := g.newPath()
			g.files[p] = g.newFile(p)
			changed = append(changed, p)
		}
		g.dirty = true
		return changed, nil, "Add " + changed[0]
	case r < 45: // delete a file
		p := pick()
		delete(g.files, p)
		g.dirty = true
		return nil, []string{p}, "Remove " + p
	case r < 55: // rename a file, maybe with an edit
		p := pick()
		q := g.newPath()
		if strings.HasSuffix(p, ".png") != strings.HasSuffix(q, ".png") {
			q = strings.TrimSuffix(p, ".png") + fmt.Sprintf("_moved%d", g.next) + p[strings.LastIndexByte(p, '.'):]
		}
		g.files[q] = g.files[p]
		delete(g.files, p)
		g.dirty = true
		if g.rng.IntN(2) == 0 {
			g.mutate(g.files[q], 1+g.rng.IntN(3))
		}
		return []string{q}, []string{p}, "Move " + p
	case r < 65: // a large refactor across many files
		n := 10 + g.rng.IntN(40)
		seen := map[string]bool{}
		for i := 0; i < n; i++ {
			p := pick()
			if seen[p] {
				continue
			}
			seen[p] = true
			g.mutate(g.files[p], 1+g.rng.IntN(20))
			changed = append(changed, p)
		}
		return changed, nil, "Refactor " + changed[0]
	default: // the common case: a few files, a few hunks
		n := 1 + g.rng.IntN(3)
		if g.rng.IntN(4) == 0 {
			n += g.rng.IntN(6)
		}
		seen := map[string]bool{}
		for i := 0; i < n; i++ {
			p := pick()
			if seen[p] {
				continue
			}
			seen[p] = true
			hunks := 1 + g.rng.IntN(3)
			if g.rng.IntN(20) == 0 {
				hunks += 30
			}
			g.mutate(g.files[p], hunks)
			changed = append(changed, p)
		}
		return changed, nil, "Fix " + changed[0]
	}
}

// mutate applies hunks of inserts, deletes and replacements.
func (g *gen) mutate(f *file, hunks int) {
	if f.binary != nil {
		f.binary[g.rng.IntN(len(f.binary))] ^= 0x5a
		return
	}
	for h := 0; h < hunks; h++ {
		pos := 0
		if len(f.lines) > 0 {
			pos = g.rng.IntN(len(f.lines))
		}
		size := 1 + g.rng.IntN(5)
		if g.rng.IntN(10) == 0 {
			size += g.rng.IntN(60)
		}
		switch g.rng.IntN(3) {
		case 0: // insert
			ins := make([]string, size)
			for i := range ins {
				ins[i] = g.line()
			}
			f.lines = append(f.lines[:pos], append(ins, f.lines[pos:]...)...)
		case 1: // delete
			end := min(len(f.lines), pos+size)
			f.lines = append(f.lines[:pos], f.lines[end:]...)
		default: // replace
			for i := pos; i < min(len(f.lines), pos+size); i++ {
				f.lines[i] = g.line()
			}
		}
	}
}

func (g *gen) commit(a author, t int64, msg string, changed, deleted []string) error {
	w := g.w
	fmt.Fprintf(w, "commit refs/heads/main\n")
	fmt.Fprintf(w, "author %s <%s> %d +0000\n", a.name, a.email, t)
	// Committers lag authors a little, as with rebases and merges.
	fmt.Fprintf(w, "committer %s <%s> %d +0000\n", a.name, a.email, t+g.rng.Int64N(3600))
	fmt.Fprintf(w, "data %d\n%s\n", len(msg)+1, msg)
	for _, p := range deleted {
		fmt.Fprintf(w, "D %s\n", p)
	}
	for _, p := range changed {
		f := g.files[p]
		var data []byte
		if f.binary != nil {
			data = f.binary
		} else if len(f.lines) > 0 {
			data = []byte(strings.Join(f.lines, "\n") + "\n")
		}
		mode := "100644"
		if strings.HasSuffix(p, ".sh") {
			mode = "100755"
		}
		fmt.Fprintf(w, "M %s inline %s\ndata %d\n", mode, p, len(data))
		w.Write(data)
		w.WriteByte('\n')
	}
	return nil
}
