package gitengine

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// treeSide is one side of a changed path. A zero Hash means the path does
// not exist on that side (an add or a delete).
type treeSide struct {
	Hash plumbing.Hash
	Mode filemode.FileMode
}

func (s treeSide) exists() bool { return !s.Hash.IsZero() }

// treeChange is one non-tree path (blob, symlink or gitlink) that differs
// between two trees.
type treeChange struct {
	Path     string
	From, To treeSide
	// OldPath is the path From was at, set by findRenames for a rename;
	// "" when it is Path.
	OldPath string
}

// rawEntry is one entry of a tree object. name points into the buffer the
// tree was read into, so parsing a tree costs one allocation for the slice
// rather than one per name.
type rawEntry struct {
	name []byte
	mode filemode.FileMode
	hash plumbing.Hash
}

func (e *rawEntry) isDir() bool { return e.mode == filemode.Dir }

// diffTrees lists the non-tree paths that differ between the trees from and
// to, in the order git prints them. Either hash may be plumbing.ZeroHash,
// standing for the empty tree (a root commit). Renames are not detected
// here: a rename is a delete and an add until findRenames pairs them.
//
// A tree that is not in the repository (a partial clone, a broken branch)
// is left out with what is under it, and missing says so: the changes
// listed are then those under the trees that are there.
func diffTrees(s storer.EncodedObjectStorer, from, to plumbing.Hash) (changes []treeChange, missing bool, err error) {
	return diffTreesCached(s, nil, from, to)
}

// diffTreesCached is diffTrees reading trees through tc when it is not
// nil.
func diffTreesCached(s storer.EncodedObjectStorer, tc *TreeCache, from, to plumbing.Hash) (changes []treeChange, missing bool, err error) {
	d := differPool.Get().(*treeDiffer)
	d.s, d.out, d.missing, d.cache = s, nil, false, tc
	err = d.diff(nil, from, to)
	changes, missing = d.out, d.missing
	d.s, d.out, d.cache = nil, nil, nil
	differPool.Put(d)
	if err != nil {
		return nil, false, err
	}
	return changes, missing, nil
}

type treeDiffer struct {
	s       storer.EncodedObjectStorer
	out     []treeChange
	missing bool       // a tree was not in the repository
	cache   *TreeCache // when set, trees are read through it
}

// differPool keeps treeDiffers for the next diff.
var differPool = sync.Pool{New: func() any { return &treeDiffer{} }}

// diff compares the trees a and b found at prefix (which is "" or ends in
// "/"). Subtrees whose hashes are equal are skipped without being read:
// that is where the speed over go-git's merkletrie diff comes from; and
// of two trees read, only the entries between their common head and
// tail are parsed (diffRaw).
func (d *treeDiffer) diff(prefix []byte, a, b plumbing.Hash) error {
	if a == b {
		return nil
	}
	ra, err := d.read(a)
	if err == nil {
		var rb []byte
		if rb, err = d.read(b); err == nil {
			err = diffRaw(ra, rb, func(x, y *rawEntry) error { return d.entry(prefix, x, y) })
			return diffRawError(err, a, b)
		}
	}
	if IsMissing(err) {
		d.missing = true
		return nil
	}
	return err
}

// read returns the tree object h (nil for the zero hash, the empty
// tree). Its bytes stay valid while the diff lasts: a recycling store
// reuses them only after release.
func (d *treeDiffer) read(h plumbing.Hash) ([]byte, error) {
	if d.cache != nil {
		return d.cache.get(d.s, h)
	}
	if h.IsZero() {
		return nil, nil
	}
	data, err := readObject(d.s, plumbing.TreeObject, h)
	if err != nil {
		return nil, fmt.Errorf("reading tree %s: %w", h, err)
	}
	return data, nil
}

// entry takes one difference diffRaw found between two trees at prefix:
// x only (deleted), y only (added), or both (changed).
func (d *treeDiffer) entry(prefix []byte, x, y *rawEntry) error {
	switch {
	case y == nil:
		return d.one(prefix, x, true)
	case x == nil:
		return d.one(prefix, y, false)
	case x.isDir():
		// Same key means both are trees.
		return d.diff(d.join(prefix, x.name, true), x.hash, y.hash)
	}
	d.out = append(d.out, treeChange{
		Path: string(d.join(prefix, x.name, false)),
		From: treeSide{x.hash, x.mode},
		To:   treeSide{y.hash, y.mode},
	})
	return nil
}

// one records an entry present on one side only: every path under it is
// deleted (old is true) or added.
func (d *treeDiffer) one(prefix []byte, e *rawEntry, old bool) error {
	if e.isDir() {
		p := d.join(prefix, e.name, true)
		if old {
			return d.diff(p, e.hash, plumbing.ZeroHash)
		}
		return d.diff(p, plumbing.ZeroHash, e.hash)
	}
	c := treeChange{Path: string(d.join(prefix, e.name, false))}
	if old {
		c.From = treeSide{e.hash, e.mode}
	} else {
		c.To = treeSide{e.hash, e.mode}
	}
	d.out = append(d.out, c)
	return nil
}

// join returns prefix+name(+"/"). The result is a fresh slice because the
// caller keeps it as the prefix of a recursive call while siblings are
// joined.
func (d *treeDiffer) join(prefix, name []byte, dir bool) []byte {
	n := len(prefix) + len(name)
	if dir {
		n++
	}
	p := make([]byte, 0, n)
	p = append(p, prefix...)
	p = append(p, name...)
	if dir {
		p = append(p, '/')
	}
	return p
}

// compareEntries orders entries the way git orders tree entries: by name,
// with a tree's name compared as if it ended in "/". A file "a" and a
// directory "a" are therefore different keys, and the file comes first,
// which is how git lists a file replaced by a directory.
func compareEntries(a, b *rawEntry) int {
	n := min(len(a.name), len(b.name))
	if c := bytes.Compare(a.name[:n], b.name[:n]); c != 0 {
		return c
	}
	ca, cb := entryByteAt(a, n), entryByteAt(b, n)
	switch {
	case ca < cb:
		return -1
	case ca > cb:
		return 1
	}
	return 0
}

// entryByteAt is the byte at i in e's name, "/" just past the end of a
// tree's name, and 0 past the end of anything else.
func entryByteAt(e *rawEntry, i int) int {
	if i < len(e.name) {
		return int(e.name[i])
	}
	if i == len(e.name) && e.isDir() {
		return '/'
	}
	return 0
}

// readTree reads and parses a tree object. The zero hash is the empty tree.
func readTree(s storer.EncodedObjectStorer, h plumbing.Hash) ([]rawEntry, error) {
	return readTreeInto(s, h, nil)
}

// readTreeInto is readTree appending to dst.
func readTreeInto(s storer.EncodedObjectStorer, h plumbing.Hash, dst []rawEntry) ([]rawEntry, error) {
	if h.IsZero() {
		return dst, nil
	}
	data, err := readObject(s, plumbing.TreeObject, h)
	if err != nil {
		return nil, fmt.Errorf("reading tree %s: %w", h, err)
	}
	entries, err := parseTreeInto(data, dst)
	if err != nil {
		return nil, fmt.Errorf("parsing tree %s: %w", h, err)
	}
	return entries, nil
}

var errBadTree = errors.New("malformed tree entry")

// parseTree decodes the binary tree format: entries of
// "<octal mode> <name>\x00<20-byte hash>".
func parseTree(data []byte) ([]rawEntry, error) {
	return parseTreeInto(data, nil)
}

// parseTreeInto is parseTree appending to entries.
func parseTreeInto(data []byte, entries []rawEntry) ([]rawEntry, error) {
	if entries == nil {
		// Entries are at least 28 bytes; guessing from that
		// over-allocates a little but avoids regrowing the slice.
		entries = make([]rawEntry, 0, len(data)/32+1)
	}
	for len(data) > 0 {
		sp := bytes.IndexByte(data, ' ')
		if sp <= 0 {
			return nil, errBadTree
		}
		var mode uint32
		for _, c := range data[:sp] {
			if c < '0' || c > '7' {
				return nil, errBadTree
			}
			mode = mode<<3 | uint32(c-'0')
		}
		data = data[sp+1:]
		nul := bytes.IndexByte(data, 0)
		if nul < 0 || len(data) < nul+1+20 {
			return nil, errBadTree
		}
		e := rawEntry{name: data[:nul:nul], mode: canonMode(mode)}
		copy(e.hash[:], data[nul+1:nul+21])
		entries = append(entries, e)
		data = data[nul+21:]
	}
	return entries, nil
}

// canonMode is the mode git compares and prints for a tree entry's mode:
// old trees hold modes such as 100664 or 100775, which git reads as 100644
// and 100755 (only the owner's execute bit counts), so a change between
// them is no change. Anything that is not a file, symlink or folder is a
// gitlink to git.
func canonMode(m uint32) filemode.FileMode {
	switch m & 0o170000 {
	case 0o100000:
		if m&0o100 != 0 {
			return filemode.Executable
		}
		return filemode.Regular
	case 0o120000:
		return filemode.Symlink
	case 0o040000:
		return filemode.Dir
	}
	return filemode.Submodule
}

// IsMissing reports whether err says an object is not in the repository,
// which a history scan survives (see diffTrees and commitFiles).
func IsMissing(err error) bool { return errors.Is(err, plumbing.ErrObjectNotFound) }

// readObject returns the full content of an object, which the caller must
// not modify (it may be shared with a cache).
func readObject(s storer.EncodedObjectStorer, t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	switch fast := s.(type) {
	case *objectStore:
		return fast.read(t, h)
	case *fastStorage:
		return fast.fast.read(t, h)
	}
	return readObjectSlow(s, t, h)
}

// readObjectSlow reads an object through go-git's storer interface.
func readObjectSlow(s storer.EncodedObjectStorer, t plumbing.ObjectType, h plumbing.Hash) ([]byte, error) {
	o, err := s.EncodedObject(t, h)
	if err != nil {
		return nil, err
	}
	return readEncoded(o)
}

func readEncoded(o plumbing.EncodedObject) ([]byte, error) {
	r, err := o.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	buf := make([]byte, o.Size())
	if _, err := io.ReadFull(r, buf); err != nil {
		return nil, err
	}
	return buf, nil
}
