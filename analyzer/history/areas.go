package history

import (
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// areaSampleCap bounds how many commits are read to learn who works where:
// enough to tell a team's area from a shared one, and a bounded cost (two
// root trees per commit) on the busiest repositories.
const areaSampleCap = 20000

// rootAreas returns the top-level folders a commit changed, comparing only
// the root trees of the commit and its first parent: a folder changed when
// its tree hash did. It reads two trees, not the whole diff, which is what
// makes it cheap enough to run on everyone's commits.
//
// A commit whose trees are not in the repository names no areas.
func rootAreas(s storer.EncodedObjectStorer, c *object.Commit, asRoot bool) ([]string, error) {
	var parentTree plumbing.Hash
	if len(c.ParentHashes) > 0 && !asRoot {
		p, err := object.GetCommit(s, c.ParentHashes[0])
		if isMissing(err) {
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading commit %s, parent of %s: %w", c.ParentHashes[0], c.Hash, err)
		}
		parentTree = p.TreeHash
	}
	before, err := readTree(s, parentTree)
	if isMissing(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading tree of commit %s: %w", c.ParentHashes[0], err)
	}
	after, err := readTree(s, c.TreeHash)
	if isMissing(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading tree of commit %s: %w", c.Hash, err)
	}
	old := make(map[string]rawEntry, len(before))
	for _, e := range before {
		old[string(e.name)] = e
	}
	var out []string
	for _, e := range after {
		o, ok := old[string(e.name)]
		delete(old, string(e.name))
		if (e.isDir() || ok && o.isDir()) && (!ok || o.hash != e.hash) {
			out = append(out, string(e.name))
		}
	}
	for name, e := range old {
		if e.isDir() {
			out = append(out, name) // a folder removed whole
		}
	}
	return out, nil
}
