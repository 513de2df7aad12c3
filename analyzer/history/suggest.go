package history

import (
	"bytes"
	"context"
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
	top := r.top
	if top == nil {
		mm, err := r.eng.HeadFile(".mailmap")
		if err != nil {
			return nil, err
		}
		tips, err := r.eng.Tips()
		if err != nil {
			return nil, err
		}
		top = newAuthorCounter(parseMailmap(mm))
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
	}
	var out []AuthorCount
	for _, c := range top.counts {
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
	local := len(tips)
	if main, _, err := r.eng.Mainline(); err == nil {
		for _, t := range main {
			tips = appendTip(tips, t)
		}
	}
	// When the mainline adds no tip, this walk is TopAuthors' walk: a
	// stranger's run asks for the frequent authors next, and they are
	// counted on the way (after the .mailmap at HEAD alone, as there).
	var top *authorCounter
	if len(tips) == local {
		top = newAuthorCounter(parseMailmap(mm))
	}
	found, seen := false, 0
	err = gitengine.WalkCommits(r.eng.Nodes(), tips, nil, time.Time{}, func(node commitgraph.CommitNode) error {
		if seen++; seen%cancelEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		// The author is in the header; a co-author needs the message,
		// and only one that names a Co-authored-by trailer (in any case:
		// trailer keys are ASCII) can have one.
		hdr, raw, ok := gitengine.NodeHeader(node)
		if top != nil {
			author := hdr
			if !ok {
				var err error
				if author, err = node.Commit(); err != nil {
					return err
				}
			}
			top.add(author.Author) // past suggestScan commits, counts nothing

		}
		if ok {
			if m.Match(mailmap.Map(work.Person{Name: hdr.Author.Name, Email: hdr.Author.Email})) {
				found = true
				return storer.ErrStop
			}
			if !containsFoldASCII(raw, "co-authored-by") {
				return nil
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
	if top != nil && !found {
		r.top = top // the whole walk, or its first suggestScan commits, counted
	}
	return found, seen == 0, nil
}

// containsFoldASCII reports whether s holds lower, a lower-case ASCII
// text, in any mix of ASCII cases.
func containsFoldASCII(s []byte, lower string) bool {
	first := lower[0]
	upper := first - 'a' + 'A'
	for i := 0; i+len(lower) <= len(s); i++ {
		j := bytes.IndexAny(s[i:len(s)-len(lower)+1], string([]byte{first, upper}))
		if j < 0 {
			return false
		}
		i += j
		k := 1
		for ; k < len(lower); k++ {
			c := s[i+k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != lower[k] {
				break
			}
		}
		if k == len(lower) {
			return true
		}
	}
	return false
}
