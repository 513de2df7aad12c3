package history

import (
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/object/commitgraph"
	"github.com/go-git/go-git/v5/plumbing/storer"

	"github.com/git-career/git-career/analyzer/work"
	"github.com/git-career/git-career/internal/gitengine"
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
// of the repository (after its .mailmap), most frequent first.
func (r *Repo) TopAuthors(n int) ([]AuthorCount, error) {
	mm, err := r.eng.HeadFile(".mailmap")
	if err != nil {
		return nil, err
	}
	tips, err := r.eng.Tips()
	if err != nil {
		return nil, err
	}
	top := newAuthorCounter(parseMailmap(mm))
	err = gitengine.WalkCommits(r.eng.Nodes(), tips, nil, time.Time{}, func(node commitgraph.CommitNode) error {
		c, _, ok := gitengine.NodeHeader(node) // the author is in the header
		if !ok {
			var err error
			if c, err = node.Commit(); err != nil {
				return err
			}
		}
		if !top.add(c.Author) {
			return storer.ErrStop
		}
		return nil
	})
	if err != nil && err != storer.ErrStop {
		return nil, err
	}
	return mostCommits(top.counts, n), nil
}

// mostCommits are the n people of counts with the most commits, most
// first (by email on a tie).
func mostCommits(counts map[string]*AuthorCount, n int) []AuthorCount {
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
	return out
}

// authorCounter counts the authors of the first suggestScan commits of a
// walk from the local branches and HEAD, newest first, for TopAuthors.
type authorCounter struct {
	mailmap *mailmapTable
	counts  map[string]*AuthorCount
	seen    int
}

func newAuthorCounter(mm *mailmapTable) *authorCounter {
	return &authorCounter{mailmap: mm, counts: map[string]*AuthorCount{}}
}

// add counts the next commit's author; false once suggestScan commits
// are counted (this one is not).
func (a *authorCounter) add(author object.Signature) bool {
	if a.seen++; a.seen > suggestScan {
		return false
	}
	p := a.mailmap.Map(work.Person{Name: author.Name, Email: author.Email})
	if work.IsBot(p) {
		return true
	}
	key := strings.ToLower(p.Email)
	if a.counts[key] == nil {
		a.counts[key] = &AuthorCount{Person: p}
	}
	a.counts[key].Commits++
	return true
}

// EmailsOf returns the emails the newest commits of the repository were
// written with under name (case-insensitively), after its .mailmap.
func (r *Repo) EmailsOf(name string) ([]string, error) {
	top, err := r.TopAuthors(1 << 30)
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

// NameOf returns the name the newest commits written with email carry
// (after the .mailmap), "" when none is.
func (r *Repo) NameOf(email string) (string, error) {
	top, err := r.TopAuthors(1 << 30)
	if err != nil {
		return "", err
	}
	for _, a := range top {
		if strings.EqualFold(strings.TrimSpace(a.Person.Email), strings.TrimSpace(email)) {
			return a.Person.Name, nil
		}
	}
	return "", nil
}

// Empty reports whether the repository has no commit on any branch or
// at HEAD.
func (r *Repo) Empty() (bool, error) {
	tips, err := r.eng.Tips()
	return len(tips) == 0, err
}
