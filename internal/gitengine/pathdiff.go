package gitengine

import (
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

// TreeCache keeps parsed trees between the diffs of a run of commits:
// the walk goes from a commit to its parent, whose trees are mostly the
// next commit's, so most trees are read and parsed once. It must not be
// used from several goroutines.
type TreeCache struct {
	trees map[plumbing.Hash][]rawEntry
	order []plumbing.Hash // oldest first, for eviction
	bytes int
}

// parsedTreeBytes bounds a TreeCache, counting the names and ids its
// entries hold: the root and the folders along the changes of the
// commits around the one read, a few thousand trees on git/git.
const parsedTreeBytes = 48 << 20

// NewTreeCache returns an empty cache.
func NewTreeCache() *TreeCache { return &TreeCache{trees: map[plumbing.Hash][]rawEntry{}} }

func (tc *TreeCache) get(s storer.EncodedObjectStorer, h plumbing.Hash) ([]rawEntry, error) {
	if h.IsZero() {
		return nil, nil
	}
	if es, ok := tc.trees[h]; ok {
		return es, nil
	}
	es, err := readTree(s, h)
	if err != nil {
		return nil, err
	}
	size := entriesSize(es)
	for tc.bytes+size > parsedTreeBytes && len(tc.order) > 0 {
		tc.bytes -= entriesSize(tc.trees[tc.order[0]])
		delete(tc.trees, tc.order[0])
		tc.order = tc.order[1:]
	}
	tc.trees[h] = es
	tc.order = append(tc.order, h)
	tc.bytes += size
	return es, nil
}

func entriesSize(es []rawEntry) int {
	n := 48 * len(es)
	for _, e := range es {
		n += len(e.name)
	}
	return n
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
			var eb []rawEntry
			if eb, err = tc.get(r.storage, b); err == nil {
				return entriesTouched(n, ea, eb, func(c *pathNode, x, y *rawEntry) error {
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

// entriesTouched calls f for each child of n whose entry differs between
// the trees' entries ea and eb (nil for a side without it). It walks the
// two sorted trees side by side, as a tree diff does, and looks each
// differing name up among n's children: linear in the trees' entries,
// whatever the number of paths asked.
func entriesTouched(n *pathNode, ea, eb []rawEntry, f func(c *pathNode, x, y *rawEntry) error) error {
	i, j := 0, 0
	for i < len(ea) || j < len(eb) {
		var x, y *rawEntry
		switch {
		case i == len(ea):
			y = &eb[j]
			j++
		case j == len(eb):
			x = &ea[i]
			i++
		default:
			switch c := compareEntries(&ea[i], &eb[j]); {
			case c < 0:
				x = &ea[i]
				i++
			case c > 0:
				y = &eb[j]
				j++
			default:
				x, y = &ea[i], &eb[j]
				i++
				j++
				if x.hash == y.hash && x.mode == y.mode {
					continue
				}
			}
		}
		name := x
		if name == nil {
			name = y
		}
		c := n.children[string(name.name)]
		if c == nil {
			continue
		}
		if err := f(c, x, y); err != nil {
			return err
		}
	}
	return nil
}

// findEntry finds the entry called name, a folder or not, in a sorted
// tree; nil when there is none.
func findEntry(es []rawEntry, name string, dir bool) *rawEntry {
	key := rawEntry{name: []byte(name)}
	if dir {
		key.mode = 0o040000
	} else {
		key.mode = 0o100644
	}
	i := sort.Search(len(es), func(i int) bool { return compareEntries(&es[i], &key) >= 0 })
	if i < len(es) && compareEntries(&es[i], &key) == 0 {
		return &es[i]
	}
	return nil
}

// InTree reports whether tree holds path, a file or a folder.
func (r *Repo) InTree(tc *TreeCache, tree plumbing.Hash, path string) (bool, error) {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	h := tree
	for i, part := range parts {
		es, err := tc.get(r.storage, h)
		if err != nil {
			return false, err
		}
		last := i == len(parts)-1
		e := findEntry(es, part, true)
		if e == nil && last {
			e = findEntry(es, part, false)
		}
		if e == nil {
			return false, nil
		}
		if last {
			return true, nil
		}
		h = e.hash
	}
	return false, nil
}
