package gitengine

import (
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// AreaSampler returns the top-level folders commits changed, comparing
// only the root trees of a commit and its first parent: a folder changed
// when its tree hash did. It reads two trees, not the whole diff, which is
// what makes it cheap enough to run on everyone's commits: the parent's
// tree comes from the walk (or the first line of its header), and the two
// sorted trees are compared in one pass, as the tree diff does.
//
// The walk visits a commit's parent next, most of the time: the parent's
// root tree, just decoded, is kept for it, so each root tree is read and
// parsed once rather than twice. Folder names are kept once each, not
// once per commit.
//
// A commit whose trees are not in the repository names no areas.
type AreaSampler struct {
	s storer.EncodedObjectStorer
	// known returns commit h's tree when the walk has it; nil for none.
	known func(plumbing.Hash) (plumbing.Hash, bool)
	// last is the tree compared as a parent's last time, with its entries
	// in lastEntries; spare is the other buffer.
	last               plumbing.Hash
	lastEntries, spare []rawEntry
	names              map[string]string
}

func NewAreaSampler(s storer.EncodedObjectStorer, known func(plumbing.Hash) (plumbing.Hash, bool)) *AreaSampler {
	return &AreaSampler{s: s, known: known, names: map[string]string{}}
}

// areas returns the folders c changed; asRoot compares its tree with the
// empty tree (a shallow boundary).
func (a *AreaSampler) Areas(c *object.Commit, asRoot bool) ([]string, error) {
	var parentTree plumbing.Hash
	if len(c.ParentHashes) > 0 && !asRoot {
		t, ok := plumbing.ZeroHash, false
		if a.known != nil {
			t, ok = a.known(c.ParentHashes[0])
		}
		if !ok {
			var err error
			t, err = commitTree(a.s, c.ParentHashes[0])
			if IsMissing(err) {
				return nil, nil
			}
			if err != nil {
				return nil, fmt.Errorf("reading commit %s, parent of %s: %w", c.ParentHashes[0], c.Hash, err)
			}
		}
		parentTree = t
	}
	return a.between(c, parentTree)
}

// between compares the root tree of c with parentTree.
func (a *AreaSampler) between(c *object.Commit, parentTree plumbing.Hash) ([]string, error) {
	// One buffer holds c's tree, the other its parent's, which is kept
	// for the parent's turn.
	after, free := a.lastEntries, a.spare
	if a.last.IsZero() || c.TreeHash != a.last {
		var err error
		after, err = readTreeInto(a.s, c.TreeHash, a.spare[:0])
		free = a.lastEntries
		if IsMissing(err) {
			a.last = plumbing.ZeroHash
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading tree of commit %s: %w", c.Hash, err)
		}
	}
	before, err := readTreeInto(a.s, parentTree, free[:0])
	a.last = plumbing.ZeroHash
	if IsMissing(err) {
		a.lastEntries, a.spare = free, after
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading the parent tree of commit %s: %w", c.Hash, err)
	}
	a.last, a.lastEntries, a.spare = parentTree, before, after
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
				out = append(out, a.name(before[i].name))
			}
			i++
		case cmp > 0: // only after: a folder added
			if after[j].isDir() {
				out = append(out, a.name(after[j].name))
			}
			j++
		default:
			if after[j].isDir() && before[i].hash != after[j].hash {
				out = append(out, a.name(after[j].name))
			}
			i++
			j++
		}
	}
	return out, nil
}

// name returns b as a string, the same string every time.
func (a *AreaSampler) name(b []byte) string {
	if s, ok := a.names[string(b)]; ok {
		return s
	}
	s := string(b)
	a.names[s] = s
	return s
}
