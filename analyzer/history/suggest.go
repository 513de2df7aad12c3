package history

import (
	"context"
	"sort"
	"strings"
	"time"

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
	mailmap := parseMailmap(mm)
	tips, err := r.eng.Tips()
	if err != nil {
		return nil, err
	}
	counts := map[string]*AuthorCount{}
	seen := 0
	errStop := storer.ErrStop
	err = gitengine.WalkCommits(r.eng.Nodes(), tips, nil, time.Time{}, func(node commitgraph.CommitNode) error {
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

// Knows reports whether any commit of the repository, in its whole
// history, was written by id (after the .mailmap and the extra mailmap
// text) or credits them as a co-author; it stops at the first one. An
// empty repository knows nobody, and says it is empty.
func (r *Repo) Knows(ctx context.Context, id work.Identity, extraMailmap string) (known, empty bool, _ error) {
	m := work.NewMatcher(id)
	mm, err := r.eng.HeadFile(".mailmap")
	if err != nil {
		return false, false, err
	}
	mailmap := parseMailmap(mm)
	mailmap.Add(extraMailmap)
	tips, err := r.eng.Tips()
	if err != nil {
		return false, false, err
	}
	if main, _, err := r.eng.Mainline(); err == nil {
		for _, t := range main {
			tips = appendTip(tips, t)
		}
	}
	found, seen := false, 0
	err = gitengine.WalkCommits(r.eng.Nodes(), tips, nil, time.Time{}, func(node commitgraph.CommitNode) error {
		if seen++; seen%cancelEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		c, err := node.Commit()
		if err != nil {
			return err
		}
		if m.Match(mailmap.Map(work.Person{Name: c.Author.Name, Email: c.Author.Email})) {
			found = true
			return storer.ErrStop
		}
		for _, p := range coauthors(parseTrailers(c.Message)) {
			if m.Match(mailmap.Map(p)) {
				found = true
				return storer.ErrStop
			}
		}
		return nil
	})
	if err != nil && err != storer.ErrStop {
		return false, false, err
	}
	return found, seen == 0, nil
}
