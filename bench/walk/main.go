// Command walk is a benchmark harness for history.Read, the product's way
// of reading a repository: it reads every local branch and HEAD for one
// author's commits of all time with their numstat, the work
// `git log --branches --author=X --numstat --no-renames` does.
//
// With -numstat it prints git's format ("<hash>", a blank line, then
// "add\tdel\tpath" lines, newest committer date first) so the output can
// be compared with
// `git log --branches --author=X --no-merges --format=%H --numstat --no-renames`.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"sort"
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

func run(dir, author, sinceDay string, numstat bool) error {
	period, err := allSince(sinceDay)
	if err != nil {
		return err
	}
	scan, err := history.Read(history.Options{Path: dir, Identity: work.Identity{Emails: []string{author}}, Period: period})
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
