// Command walk is a benchmark harness for history.CommitFiles: it walks
// every commit reachable from HEAD with go-git, keeps the non-merge commits
// whose author matches, and computes their numstat, the work
// `git log --author=X --numstat --no-renames` does.
//
// With -numstat it prints git's format ("<hash>" then "add\tdel\tpath"
// lines) so the output can be compared with
// `git log --author=X --no-merges --format=%H --numstat --no-renames`.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"github.com/git-career/git-career/analyzer/history"
	"io"
	"os"
	"runtime/pprof"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"
)

func main() {
	repoDir := flag.String("repo", ".", "repository (work tree or bare)")
	author := flag.String("author", "", "substring of \"Name <email>\" to keep (all authors if empty)")
	numstat := flag.Bool("numstat", false, "print git's numstat format")
	cpuprof := flag.String("cpuprofile", "", "write a CPU profile to this file")
	flag.Parse()

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
	if err := run(*repoDir, *author, *numstat); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "walk:", err)
	os.Exit(1)
}

func run(dir, author string, numstat bool) error {
	repo, closeRepo, err := history.OpenRepository(dir)
	if err != nil {
		return err
	}
	defer closeRepo()
	head, err := repo.Head()
	if err != nil {
		return fmt.Errorf("reading HEAD: %w", err)
	}
	iter, err := repo.Log(&git.LogOptions{From: head.Hash()})
	if err != nil {
		return err
	}
	defer iter.Close()

	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()
	var nCommits, nFiles, added, deleted int
	for {
		c, err := iter.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if c.NumParents() > 1 || !matches(c, author) {
			continue
		}
		files, err := history.CommitFiles(repo.Storer, c)
		if err != nil {
			return err
		}
		nCommits++
		nFiles += len(files)
		if numstat {
			// git prints a blank line between the hash and the file
			// lines, and none for a commit without files.
			fmt.Fprintf(out, "%s\n", c.Hash)
			if len(files) > 0 {
				fmt.Fprintln(out)
			}
		}
		for _, f := range files {
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
		fmt.Fprintf(out, "commits %d files %d added %d deleted %d\n", nCommits, nFiles, added, deleted)
	}
	return nil
}

// matches approximates git's --author for a plain string: a
// case-sensitive search in "Name <email>".
func matches(c *object.Commit, author string) bool {
	if author == "" {
		return true
	}
	return strings.Contains(c.Author.Name+" <"+c.Author.Email+">", author)
}
