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
// makes it cheap enough to run on everyone's commits: the parent's tree
// comes from the first line of its header, and the two sorted trees are
// compared in one pass, as the tree diff does.
//
// A commit whose trees are not in the repository names no areas.
func rootAreas(s storer.EncodedObjectStorer, c *object.Commit, asRoot bool) ([]string, error) {
	return rootAreasKnown(s, c, asRoot, nil)
}

// rootAreasKnown is rootAreas with the trees of commits already read:
// known(h) returns commit h's tree when it is known.
func rootAreasKnown(s storer.EncodedObjectStorer, c *object.Commit, asRoot bool, known func(plumbing.Hash) (plumbing.Hash, bool)) ([]string, error) {
	var parentTree plumbing.Hash
	if len(c.ParentHashes) > 0 && !asRoot {
		if known != nil {
			if t, ok := known(c.ParentHashes[0]); ok {
				return areasBetween(s, c, t)
			}
		}
		t, err := commitTree(s, c.ParentHashes[0])
		if isMissing(err) {
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading commit %s, parent of %s: %w", c.ParentHashes[0], c.Hash, err)
		}
		parentTree = t
	}
	return areasBetween(s, c, parentTree)
}

// areasBetween compares the root tree of c with parentTree.
func areasBetween(s storer.EncodedObjectStorer, c *object.Commit, parentTree plumbing.Hash) ([]string, error) {
	before, err := readTree(s, parentTree)
	if isMissing(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading the parent tree of commit %s: %w", c.Hash, err)
	}
	after, err := readTree(s, c.TreeHash)
	if isMissing(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading tree of commit %s: %w", c.Hash, err)
	}
	var out []string
	i, j := 0, 0
	for i < len(before) || j < len(after) {
		var cmp int
		switch {
		case i == len(before):
			cmp = 1
		case j == len(after):
			cmp = -1
		default:
			cmp = compareEntries(&before[i], &after[j])
		}
		switch {
		case cmp < 0: // only before: a folder removed whole
			if before[i].isDir() {
				out = append(out, string(before[i].name))
			}
			i++
		case cmp > 0: // only after: a folder added
			if after[j].isDir() {
				out = append(out, string(after[j].name))
			}
			j++
		default:
			if after[j].isDir() && before[i].hash != after[j].hash {
				out = append(out, string(after[j].name))
			}
			i++
			j++
		}
	}
	return out, nil
}
