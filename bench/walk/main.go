// Command walk is a benchmark harness for history.Repo.Read, the product's way
// of reading a repository: it reads every local branch and HEAD for one
// author's commits of all time with their numstat, the work
// `git log --branches --author=X --numstat` does with git's defaults
// (rename detection on).
//
// With -numstat it prints git's format ("<hash>", a blank line, then
// "add\tdel\tpath" lines, a rename's path written "old => new" or
// "dir/{old => new}/file" as git writes it, newest committer date first)
// so the output can be compared with
// `git log --branches --author=X --no-merges --format=%H --numstat`.
// With -compare FILE it does the comparison itself, commit by commit, and
// lists every commit whose files, renames or counts differ from the
// file's (read in either of git's ways of writing a rename).
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/git-career/git-career/analyzer/history"
	"github.com/git-career/git-career/analyzer/work"
)

func main() {
	repoDir := flag.String("repo", ".", "repository (work tree or bare)")
	author := flag.String("author", "", "email of the author to read")
	numstat := flag.Bool("numstat", false, "print git's numstat format")
	cpuprof := flag.String("cpuprofile", "", "write a CPU profile to this file")
	memprof := flag.String("memprofile", "", "write an allocation profile to this file")
	since := flag.String("since", "1970-01-01", "first day of the period (YYYY-MM-DD)")
	compare := flag.String("compare", "", "git's numstat output (see above) to check ours against")
	cancelled := flag.String("cancelled", "", "file of commits git lists that we leave out: reverted commits and their reverts")
	flag.Parse()
	// As the command does: a heap held near 200 MiB.
	debug.SetMemoryLimit(200 << 20)

	if *cpuprof != "" {
		f, err := os.Create(*cpuprof)
		if err != nil {
			fail(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fail(err)
		}
		defer pprof.StopCPUProfile()
	}
	if *memprof != "" {
		runtime.MemProfileRate = 64 << 10
		defer func() {
			f, err := os.Create(*memprof)
			if err != nil {
				fail(err)
			}
			pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}()
	}
	if *compare != "" {
		if err := check(*repoDir, *author, *since, *compare, *cancelled); err != nil {
			fail(err)
		}
		return
	}
	if err := run(*repoDir, *author, *since, *numstat); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "walk:", err)
	os.Exit(1)
}

func allSince(sinceDay string) (work.Period, error) {
	since, err := time.Parse("2006-01-02", sinceDay)
	if err != nil {
		return work.Period{}, err
	}
	return work.Range(since, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
}

func read(dir, author, sinceDay string) (*history.Scan, error) {
	period, err := allSince(sinceDay)
	if err != nil {
		return nil, err
	}
	r, err := history.Open(dir)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return r.Read(context.Background(), history.Options{Identity: work.Identity{Emails: []string{author}}, Period: period})
}

// check compares our numstat with git's, commit by commit, and lists the
// commits that differ. Commits git lists and we leave out on purpose (a
// commit and its revert; a copy of a commit listed, or an earlier version
// of work the mainline holds: Scan.LeftOut) are counted apart.
func check(dir, author, sinceDay, gitFile, cancelledFile string) error {
	scan, err := read(dir, author, sinceDay)
	if err != nil {
		return err
	}
	theirs, order, err := parseNumstat(gitFile)
	if err != nil {
		return err
	}
	skip := map[string]bool{}
	if cancelledFile != "" {
		b, err := os.ReadFile(cancelledFile)
		if err != nil {
			return err
		}
		for _, f := range strings.Fields(string(b)) {
			skip[f] = true
		}
	}
	ours := map[string][]string{}
	unknown := 0
	for _, e := range scan.Commits {
		if e.Credited {
			continue
		}
		if e.Commit.CountsUnknown {
			unknown++
		}
		var lines []string
		for _, f := range e.Commit.Files {
			lines = append(lines, canonical(f))
		}
		ours[e.Commit.SHA] = lines
	}
	var differ []string
	lines, renames, left, copies := 0, 0, 0, 0
	for _, sha := range order {
		want := theirs[sha]
		lines += len(want)
		for _, l := range want {
			if strings.Contains(l, "\t<=\t") {
				renames++
			}
		}
		got, ok := ours[sha]
		switch {
		case !ok && (skip[sha] || scan.LeftOut[sha] == "reverted"):
			left++
		case !ok && scan.LeftOut[sha] == "copy":
			// A rebased or cherry-picked copy of a commit listed, or an
			// earlier version of work the mainline holds: listed once.
			copies++
		case !ok:
			differ = append(differ, sha+": listed by git, not by us")
		case strings.Join(got, "\n") != strings.Join(want, "\n"):
			differ = append(differ, fmt.Sprintf("%s:\n  ours %q\n  git  %q", sha, got, want))
		}
		delete(ours, sha)
	}
	for sha := range ours {
		differ = append(differ, sha+": listed by us, not by git")
	}
	sort.Strings(differ)
	fmt.Printf("check vs git: %d commits, %d numstat lines (%d renames); %d commits differ; %d left out as reverted pairs, %d as copies (Scan.LeftOut: a rebased or cherry-picked commit, an earlier version of work on the mainline); %d with counts unknown\n",
		len(order), lines, renames, len(differ), left, copies, unknown)
	for i, d := range differ {
		if i == 50 {
			fmt.Printf("... and %d more\n", len(differ)-50)
			break
		}
		fmt.Println("  differs:", d)
	}
	if len(differ) > 0 {
		return fmt.Errorf("%d commits differ from git's numstat", len(differ))
	}
	return nil
}

// parseNumstat reads `git log --format=%H --numstat` output: each commit's
// numstat lines, in canonical form (see canonical), and the commits in
// order.
func parseNumstat(path string) (map[string][]string, []string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	out := map[string][]string{}
	var order []string
	cur := ""
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case line == "":
		case !strings.Contains(line, "\t") && len(line) == 40:
			cur = line
			order = append(order, cur)
			out[cur] = nil
		default:
			f, err := parseNumstatLine(line)
			if err != nil {
				return nil, nil, fmt.Errorf("commit %s: %w", cur, err)
			}
			out[cur] = append(out[cur], canonical(f))
		}
	}
	return out, order, nil
}

// canonical writes a file change one way whoever read it: counts (or
// "-\t-" for binary), the path, and for a rename "\t<=\t" and the old
// path.
func canonical(f work.FileChange) string {
	counts := fmt.Sprintf("%d\t%d", f.Additions, f.Deletions)
	if f.Binary {
		counts = "-\t-"
	}
	if f.OldPath != "" {
		return counts + "\t" + f.Path + "\t<=\t" + f.OldPath
	}
	return counts + "\t" + f.Path
}

// parseNumstatLine reads one "add\tdel\tpath" line of git's numstat. A
// path git had to quote is unquoted; a rename is "old => new", or, when
// the two share leading folders or trailing parts,
// "prefix/{old-part => new-part}/suffix", either part possibly empty.
func parseNumstatLine(line string) (work.FileChange, error) {
	parts := strings.SplitN(line, "\t", 3)
	if len(parts) != 3 {
		return work.FileChange{}, fmt.Errorf("numstat line %q", line)
	}
	var f work.FileChange
	if parts[0] == "-" && parts[1] == "-" {
		f.Binary = true
	} else {
		var err1, err2 error
		f.Additions, err1 = strconv.Atoi(parts[0])
		f.Deletions, err2 = strconv.Atoi(parts[1])
		if err1 != nil || err2 != nil {
			return f, fmt.Errorf("numstat line %q: bad counts", line)
		}
	}
	name := parts[2]
	sep := strings.Index(name, " => ")
	if sep < 0 {
		f.Path = unquote(name)
		return f, nil
	}
	if strings.HasPrefix(name, "\"") || strings.HasSuffix(name, "\"") {
		// Either name needed quoting: both are written whole.
		f.OldPath, f.Path = unquote(name[:sep]), unquote(name[sep+4:])
		return f, nil
	}
	open := strings.LastIndex(name[:sep], "{")
	end := strings.Index(name[sep:], "}")
	if open < 0 || end < 0 {
		f.OldPath, f.Path = name[:sep], name[sep+4:]
		return f, nil
	}
	end += sep
	prefix, suffix := name[:open], name[end+1:]
	f.OldPath = joinRenamePart(prefix, name[open+1:sep], suffix)
	f.Path = joinRenamePart(prefix, name[sep+4:end], suffix)
	return f, nil
}

// joinRenamePart rebuilds one side of "prefix/{a => b}/suffix": when its
// part is empty, the prefix's trailing slash and the suffix's leading one
// are the same slash.
func joinRenamePart(prefix, part, suffix string) string {
	if part == "" && strings.HasSuffix(prefix, "/") && strings.HasPrefix(suffix, "/") {
		return prefix + suffix[1:]
	}
	if part == "" && prefix == "" {
		return strings.TrimPrefix(suffix, "/")
	}
	return prefix + part + suffix
}

// unquote undoes git's C-style quoting of a path, if it is quoted.
func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		if u, err := strconv.Unquote(s); err == nil {
			return u
		}
	}
	return s
}

// renameName writes a rename's paths as git's numstat does: the folders
// both paths start with and the trailing part both end with (from a
// slash) are written once, around "{old => new}"; paths that need quoting
// are written whole, each quoted.
func renameName(oldPath, newPath string) string {
	if quoted(oldPath) != oldPath || quoted(newPath) != newPath {
		return quoted(oldPath) + " => " + quoted(newPath)
	}
	// Leading folders in common: up to and including the last slash
	// before the paths part.
	pre := 0
	for i := 0; i < len(oldPath) && i < len(newPath) && oldPath[i] == newPath[i]; i++ {
		if oldPath[i] == '/' {
			pre = i + 1
		}
	}
	// Trailing part in common, from a slash, never reaching into the
	// prefix except for sharing its final slash.
	suf := 0
	floor := pre
	if pre > 0 {
		floor = pre - 1
	}
	for i, j := len(oldPath)-1, len(newPath)-1; i >= floor && j >= floor && oldPath[i] == newPath[j]; i, j = i-1, j-1 {
		if oldPath[i] == '/' {
			suf = len(oldPath) - i
		}
	}
	midOld := max(len(oldPath)-pre-suf, 0)
	midNew := max(len(newPath)-pre-suf, 0)
	if pre+suf == 0 {
		return oldPath + " => " + newPath
	}
	return oldPath[:pre] + "{" + oldPath[pre:pre+midOld] + " => " + newPath[pre:pre+midNew] + "}" + oldPath[len(oldPath)-suf:]
}

// quoted is a path as git writes it in numstat: in double quotes with C
// escapes when it holds a control character, a quote, a backslash or a
// byte past ASCII (core.quotePath's default); as it is otherwise.
func quoted(p string) string {
	needs := false
	for i := 0; i < len(p); i++ {
		if c := p[i]; c < 0x20 || c == '"' || c == '\\' || c >= 0x7f {
			needs = true
			break
		}
	}
	if !needs {
		return p
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(p); i++ {
		switch c := p[i]; c {
		case '\a':
			b.WriteString(`\a`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\v':
			b.WriteString(`\v`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		default:
			if c < 0x20 || c >= 0x7f {
				fmt.Fprintf(&b, "\\%03o", c)
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func run(dir, author, sinceDay string, numstat bool) error {
	scan, err := read(dir, author, sinceDay)
	if err != nil {
		return err
	}
	// git log prints newest committer date first, ties in its walk order;
	// the scan is in that order already, but say so by sorting stably.
	cs := scan.Commits
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Commit.CommitterDate.After(cs[j].Commit.CommitterDate) })

	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()
	var nFiles, added, deleted, unknown int
	for _, e := range cs {
		c := e.Commit
		if e.Credited {
			continue // git's --author does not see co-authors
		}
		if c.CountsUnknown {
			unknown++
		}
		nFiles += len(c.Files)
		if numstat {
			// git prints a blank line between the hash and the file
			// lines, and none for a commit without files.
			fmt.Fprintf(out, "%s\n", c.SHA)
			if len(c.Files) > 0 {
				fmt.Fprintln(out)
			}
		}
		for _, f := range c.Files {
			added += f.Additions
			deleted += f.Deletions
			if !numstat {
				continue
			}
			name := quoted(f.Path)
			if f.OldPath != "" {
				name = renameName(f.OldPath, f.Path)
			}
			if f.Binary {
				fmt.Fprintf(out, "-\t-\t%s\n", name)
			} else {
				fmt.Fprintf(out, "%d\t%d\t%s\n", f.Additions, f.Deletions, name)
			}
		}
	}
	if !numstat {
		fmt.Fprintf(out, "commits %d (counts unknown %d) scanned %d files %d added %d deleted %d\n",
			len(cs), unknown, scan.Source.CommitsScanned, nFiles, added, deleted)
	}
	return nil
}
