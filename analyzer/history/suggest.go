package history

import (
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing/object/commitgraph"
	"github.com/go-git/go-git/v5/plumbing/storer"

	"github.com/git-career/git-career/analyzer/work"
)

// suggestScan bounds how much history TopAuthors reads: recent authors are
// the likely answer, and a usage error must come back quickly.
const suggestScan = 10000

// AuthorCount is a person and how many commits they wrote.
type AuthorCount struct {
	Person  work.Person
	Commits int
}

// TopAuthors returns the n most frequent authors among the newest commits
// of the repository at path (after its .mailmap), most frequent first.
func TopAuthors(path string, n int) ([]AuthorCount, error) {
	r, err := openRepo(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	mm, err := r.headFile(".mailmap")
	if err != nil {
		return nil, err
	}
	mailmap := parseMailmap(mm)
	tips, err := r.tips()
	if err != nil {
		return nil, err
	}
	counts := map[string]*AuthorCount{}
	seen := 0
	errStop := storer.ErrStop
	err = walkCommits(r.nodes, tips, nil, time.Time{}, func(node commitgraph.CommitNode) error {
		if seen++; seen > suggestScan {
			return errStop
		}
		c, err := node.Commit()
		if err != nil {
			return err
		}
		p := mailmap.Map(work.Person{Name: c.Author.Name, Email: c.Author.Email})
		if work.IsBot(p) {
			return nil
		}
		key := strings.ToLower(p.Email)
		if counts[key] == nil {
			counts[key] = &AuthorCount{Person: p}
		}
		counts[key].Commits++
		return nil
	})
	if err != nil && err != errStop {
		return nil, err
	}
	var out []AuthorCount
	for _, c := range counts {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Commits != out[j].Commits {
			return out[i].Commits > out[j].Commits
		}
		return strings.ToLower(out[i].Person.Email) < strings.ToLower(out[j].Person.Email)
	})
	if len(out) > n {
		out = out[:n]
	}
	return out, nil
}

// EmailsOf returns the emails the newest commits of the repository at path
// were written with under name (case-insensitively), after its .mailmap.
func EmailsOf(path, name string) ([]string, error) {
	top, err := TopAuthors(path, 1<<30)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, a := range top {
		if strings.EqualFold(strings.TrimSpace(a.Person.Name), strings.TrimSpace(name)) {
			out = append(out, a.Person.Email)
		}
	}
	return out, nil
}
