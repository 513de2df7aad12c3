package gitengine

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
)

// Two versions of a tree are mostly the same bytes: a commit changes a
// few entries of a folder of hundreds (git/git's root holds 600, its t/
// 1,100). diffRaw compares two trees as they are stored and parses only
// the stretch between their common head and their common tail, so that
// comparing two big folders costs a memory comparison and the entries
// that changed, not a parse of every entry of both.

// parseEntryAt parses the tree entry that starts at pos of data into e
// and returns where the next one starts.
func parseEntryAt(data []byte, pos int, e *rawEntry) (int, error) {
	rest := data[pos:]
	sp := bytes.IndexByte(rest, ' ')
	if sp <= 0 {
		return 0, errBadTree
	}
	var mode uint32
	for _, c := range rest[:sp] {
		if c < '0' || c > '7' {
			return 0, errBadTree
		}
		mode = mode<<3 | uint32(c-'0')
	}
	rest = rest[sp+1:]
	nul := bytes.IndexByte(rest, 0)
	if nul < 0 || len(rest) < nul+1+20 {
		return 0, errBadTree
	}
	e.name = rest[:nul:nul]
	e.mode = canonMode(mode)
	copy(e.hash[:], rest[nul+1:nul+21])
	return pos + sp + 1 + nul + 21, nil
}

// sharedHead is where the first entry that is not byte for byte the same
// in a and b starts (len(a) when a is a prefix of b made of whole
// entries, and so on).
func sharedHead(a, b []byte) int {
	n := CommonPrefix(a, b)
	pos := 0
	for pos < n {
		// A name holds no NUL: the first one ends the entry's name.
		nul := bytes.IndexByte(a[pos:n], 0)
		if nul < 0 || pos+nul+21 > n {
			break
		}
		pos += nul + 21
	}
	return pos
}

// CommonPrefix is the length of the longest common prefix of a and b,
// compared 64 bytes at a time where it can.
func CommonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	const chunk = 64
	for i+chunk <= n && bytes.Equal(a[i:i+chunk], b[i:i+chunk]) {
		i += chunk
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// CommonSuffix is the length of the longest common suffix of a and b.
func CommonSuffix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	const chunk = 64
	for i+chunk <= n && bytes.Equal(a[len(a)-i-chunk:len(a)-i], b[len(b)-i-chunk:len(b)-i]) {
		i += chunk
	}
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}

// diffRaw calls f, in git's tree order, for each entry that differs
// between the tree objects a and b (either may be nil: the empty tree):
// x from a and y from b when both have the key (a folder's name counts as
// ending in "/", so both are folders or neither), else one of them nil.
// Entries with the same key, id and mode (as git compares modes) are
// skipped. x and y are valid during the call only; their names point
// into a and b.
func diffRaw(a, b []byte, f func(x, y *rawEntry) error) error {
	head := sharedHead(a, b)
	tail := CommonSuffix(a[head:], b[head:])
	pa, pb := head, head
	var ea, eb rawEntry
	// na and nb are where the entries after ea and eb start; -1 when the
	// entry at pa (pb) is not parsed yet.
	na, nb := -1, -1
	var err error
	for {
		if na < 0 && nb < 0 && len(a)-pa == len(b)-pb && len(a)-pa <= tail {
			// Both at an entry's start, and the rest is the same bytes:
			// the same entries.
			return nil
		}
		if na < 0 && pa < len(a) {
			if na, err = parseEntryAt(a, pa, &ea); err != nil {
				return badTree{0}
			}
		}
		if nb < 0 && pb < len(b) {
			if nb, err = parseEntryAt(b, pb, &eb); err != nil {
				return badTree{1}
			}
		}
		var c int
		switch {
		case na < 0 && nb < 0:
			return nil
		case na < 0:
			c = 1
		case nb < 0:
			c = -1
		default:
			c = compareEntries(&ea, &eb)
		}
		switch {
		case c < 0:
			if err := f(&ea, nil); err != nil {
				return err
			}
			pa, na = na, -1
		case c > 0:
			if err := f(nil, &eb); err != nil {
				return err
			}
			pb, nb = nb, -1
		default:
			if ea.hash != eb.hash || ea.mode != eb.mode {
				if err := f(&ea, &eb); err != nil {
					return err
				}
			}
			pa, na = na, -1
			pb, nb = nb, -1
		}
	}
}

// findRaw finds the entry called name, a folder (dir) or not, in the
// tree object data.
func findRaw(data []byte, name string, dir bool, e *rawEntry) (bool, error) {
	key := rawEntry{name: []byte(name), mode: 0o100644}
	if dir {
		key.mode = 0o040000
	}
	for pos := 0; pos < len(data); {
		next, err := parseEntryAt(data, pos, e)
		if err != nil {
			return false, err
		}
		switch c := compareEntries(e, &key); {
		case c == 0:
			return true, nil
		case c > 0:
			return false, nil
		}
		pos = next
	}
	return false, nil
}

// badTree is diffRaw's error for a malformed entry in its first (side 0)
// or second tree.
type badTree struct{ side int }

func (badTree) Error() string { return errBadTree.Error() }

// diffRawError names the malformed tree of a badTree error from diffRaw
// on trees a and b; other errors pass as they are.
func diffRawError(err error, a, b plumbing.Hash) error {
	var bt badTree
	if !errors.As(err, &bt) {
		return err
	}
	h := a
	if bt.side == 1 {
		h = b
	}
	return fmt.Errorf("parsing tree %s: %w", h, errBadTree)
}
