package gitengine

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// PathSet is a set of paths, held as a tree of names, for diffs limited
// to them as `git log -- PATHS` limits its own: a path matches a change
// to the file of that name or to anything under a folder of that name
// ("dir/" says it is a folder, and matches the same).
type PathSet struct {
	root  *pathNode
	paths []string // as given, sorted
}

type pathNode struct {
	children map[string]*pathNode
	entries  []string // the paths as given that name this node
}

// NewPathSet makes a set of paths: "dir/file" for a file, "dir/" for a
// folder and all under it.
func NewPathSet(paths []string) *PathSet {
	s := &PathSet{root: &pathNode{}}
	for _, p := range paths {
		parts := strings.Split(strings.Trim(p, "/"), "/")
		if parts[0] == "" {
			continue
		}
		n := s.root
		for _, part := range parts {
			if n.children == nil {
				n.children = map[string]*pathNode{}
			}
			c := n.children[part]
			if c == nil {
				c = &pathNode{}
				n.children[part] = c
			}
			n = c
		}
		if !slices.Contains(n.entries, p) {
			n.entries = append(n.entries, p)
			s.paths = append(s.paths, p)
		}
	}
	sort.Strings(s.paths)
	return s
}

// Len is the number of paths in the set.
func (s *PathSet) Len() int { return len(s.paths) }

// TreeCache keeps trees between the diffs of a run of commits: the walk
// goes from a commit to its parent, whose trees are mostly the next
// commit's, so most trees are read once. It must not be used from several
// goroutines.
type TreeCache struct {
	trees map[plumbing.Hash][]byte
	order []plumbing.Hash // oldest first, for eviction
	bytes int
}

// treeCacheLimit bounds a TreeCache, counting the bytes of the tree
// objects it holds: the root and the folders along the changes of the
// commits around the one read. The trees are in the object cache too
// (by pack offset): this one spares the index lookups, and keeps what
// that cache evicted alive, so it is kept small (48 MiB cost memory and
// no time on git/git).
const treeCacheLimit = 8 << 20

// NewTreeCache returns an empty cache.
func NewTreeCache() *TreeCache { return &TreeCache{trees: map[plumbing.Hash][]byte{}} }

// get returns the tree object h, nil for the zero hash (the empty tree).
// The store it reads from must not recycle buffers.
func (tc *TreeCache) get(s storer.EncodedObjectStorer, h plumbing.Hash) ([]byte, error) {
	if h.IsZero() {
		return nil, nil
	}
	if data, ok := tc.trees[h]; ok {
		return data, nil
	}
	data, err := readObject(s, plumbing.TreeObject, h)
	if err != nil {
		return nil, fmt.Errorf("reading tree %s: %w", h, err)
	}
	for tc.bytes+len(data) > treeCacheLimit && len(tc.order) > 0 {
		tc.bytes -= len(tc.trees[tc.order[0]])
		delete(tc.trees, tc.order[0])
		tc.order = tc.order[1:]
	}
	tc.trees[h] = data
	tc.order = append(tc.order, h)
	tc.bytes += len(data)
	return data, nil
}

// Touched lists the entries of set (as given to NewPathSet) under which
// trees a and b differ, sorted; either tree may be the zero hash (the
// empty tree). It reads only the trees along the set's paths whose hashes
// differ. A tree not in the repository counts as no difference, and
// missing says so.
func (r *Repo) Touched(tc *TreeCache, a, b plumbing.Hash, set *PathSet) (touched []string, missing bool, err error) {
	var walk func(n *pathNode, a, b plumbing.Hash) error
	walk = func(n *pathNode, a, b plumbing.Hash) error {
		if a == b {
			return nil
		}
		ea, err := tc.get(r.storage, a)
		if err == nil {
			var eb []byte
			if eb, err = tc.get(r.storage, b); err == nil {
				err = diffRaw(ea, eb, func(x, y *rawEntry) error {
					name := x
					if name == nil {
						name = y
					}
					c := n.children[string(name.name)]
					if c == nil {
						return nil
					}
					touched = append(touched, c.entries...)
					if c.children == nil {
						return nil
					}
					var ha, hb plumbing.Hash
					if x != nil && x.isDir() {
						ha = x.hash
					}
					if y != nil && y.isDir() {
						hb = y.hash
					}
					return walk(c, ha, hb)
				})
				return diffRawError(err, a, b)
			}
		}
		if IsMissing(err) {
			missing = true
			return nil
		}
		return err
	}
	if err := walk(set.root, a, b); err != nil {
		return nil, false, err
	}
	sort.Strings(touched)
	return slices.Compact(touched), missing, nil
}

// InTree reports whether tree holds path, a file or a folder.
func (r *Repo) InTree(tc *TreeCache, tree plumbing.Hash, path string) (bool, error) {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	h := tree
	for i, part := range parts {
		data, err := tc.get(r.storage, h)
		if err != nil {
			return false, err
		}
		last := i == len(parts)-1
		var e rawEntry
		found, err := findRaw(data, part, true, &e)
		if err == nil && !found && last {
			found, err = findRaw(data, part, false, &e)
		}
		if err != nil {
			return false, fmt.Errorf("parsing tree %s: %w", h, err)
		}
		if !found {
			return false, nil
		}
		if last {
			return true, nil
		}
		h = e.hash
	}
	return false, nil
}
