// Command walk is a benchmark harness for history.Repo.Read, the product's way
// of reading a repository: it reads every local branch and HEAD for one
// author's commits of all time with their numstat, the work
// `git log --branches --author=X --numstat --no-renames` does.
//
// With -numstat it prints git's format ("<hash>", a blank line, then
// "add\tdel\tpath" lines, newest committer date first) so the output can
// be compared with
// `git log --branches --author=X --no-merges --format=%H --numstat --no-renames`.
// With -compare FILE it does the comparison itself, commit by commit, and
// lists every commit whose files or counts differ from the file's.
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
// commit and its revert) are counted apart.
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
			if f.Binary {
				lines = append(lines, fmt.Sprintf("-\t-\t%s", f.Path))
			} else {
				lines = append(lines, fmt.Sprintf("%d\t%d\t%s", f.Additions, f.Deletions, f.Path))
			}
		}
		ours[e.Commit.SHA] = lines
	}
	var differ []string
	lines, left := 0, 0
	for _, sha := range order {
		want := theirs[sha]
		lines += len(want)
		got, ok := ours[sha]
		switch {
		case !ok && skip[sha]:
			left++
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
	fmt.Printf("check vs git: %d commits, %d numstat lines; %d commits differ; %d left out as reverted pairs; %d with counts unknown\n",
		len(order), lines, len(differ), left, unknown)
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
// numstat lines, and the commits in order.
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
			out[cur] = append(out[cur], line)
		}
	}
	return out, order, nil
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
			if f.Binary {
				fmt.Fprintf(out, "-\t-\t%s\n", f.Path)
			} else {
				fmt.Fprintf(out, "%d\t%d\t%s\n", f.Additions, f.Deletions, f.Path)
			}
		}
	}
	if !numstat {
		fmt.Fprintf(out, "commits %d (counts unknown %d) scanned %d files %d added %d deleted %d\n",
			len(cs), unknown, scan.Source.CommitsScanned, nFiles, added, deleted)
	}
	return nil
}
