package analyzer

import (
	"bytes"
	"hash/maphash"
)

// binarySniffLen is how much of a blob git looks at for a NUL byte when it
// decides whether the blob is binary (xdiff's FIRST_FEW_BYTES).
const binarySniffLen = 8000

// myersCostCap bounds the edit distance one Myers pass searches for. Past
// it the counter settles for a non-minimal script (see myersCost), so a
// rewritten generated file costs O(cap*(N+M)) rather than O(N*M).
const myersCostCap = 2048

// isBinary reports whether git would treat data as binary.
func isBinary(data []byte) bool {
	if len(data) > binarySniffLen {
		data = data[:binarySniffLen]
	}
	return bytes.IndexByte(data, 0) >= 0
}

// countLines counts the lines added and deleted between two versions of a
// file the way `git diff --numstat` does: lines are compared with their
// terminators, so "a" and "a\n" differ, and "\r" is an ordinary byte. If
// either side is binary, it returns binary=true and no counts.
//
// The counts come from a minimal line diff, which is what git produces for
// all but unusual inputs; git's xdiff gives up minimality on large edit
// distances and on lines repeated many times, so counts may differ by a few
// lines there. Beyond myersCostCap edits the counts here are also not
// minimal and may exceed git's.
func countLines(a, b []byte) (added, deleted int, binary bool) {
	if isBinary(a) || isBinary(b) {
		return 0, 0, true
	}
	if bytes.Equal(a, b) {
		return 0, 0, false
	}
	a, b = trimCommonLines(a, b)
	switch {
	case len(a) == 0:
		return countLineEnds(b), 0, false
	case len(b) == 0:
		return 0, countLineEnds(a), false
	}
	added, deleted = diffLines(a, b)
	return added, deleted, false
}

// trimCommonLines drops the whole lines that a and b share at the start
// and at the end. Working on bytes first avoids splitting and hashing the
// untouched bulk of a large file.
func trimCommonLines(a, b []byte) ([]byte, []byte) {
	n := min(len(a), len(b))
	p := 0
	for p < n && a[p] == b[p] {
		p++
	}
	// Back up to the start of the line the first difference is in.
	p = bytes.LastIndexByte(a[:p], '\n') + 1
	a, b = a[p:], b[p:]

	n = min(len(a), len(b))
	s := 0
	for s < n && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	// The shared suffix must start a line on both sides; if it starts
	// mid-line on either, skip forward past its first newline. The suffix
	// bytes are identical, so one offset serves both.
	for s > 0 {
		ia, ib := len(a)-s, len(b)-s
		if (ia == 0 || a[ia-1] == '\n') && (ib == 0 || b[ib-1] == '\n') {
			break
		}
		nl := bytes.IndexByte(a[ia:], '\n')
		if nl < 0 {
			s = 0
			break
		}
		s -= nl + 1
	}
	return a[:len(a)-s], b[:len(b)-s]
}

// countLineEnds counts lines, a last line without "\n" included.
func countLineEnds(data []byte) int {
	n := bytes.Count(data, []byte{'\n'})
	if len(data) > 0 && data[len(data)-1] != '\n' {
		n++
	}
	return n
}

var lineSeed = maphash.MakeSeed()

// hashLines returns one 64-bit hash per line. Two different lines sharing
// a hash is possible but, at 2^-64 per pair, not worth a byte comparison.
func hashLines(data []byte, dst []uint64) []uint64 {
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n') + 1
		if i == 0 {
			i = len(data)
		}
		dst = append(dst, maphash.Bytes(lineSeed, data[:i]))
		data = data[i:]
	}
	return dst
}

// diffLines counts added and deleted lines between two texts that differ
// in their first and last lines.
func diffLines(a, b []byte) (added, deleted int) {
	ha := hashLines(a, nil)
	hb := hashLines(b, nil)
	return diffHashes(ha, hb)
}

// diffHashes counts the lines of hb not matched in ha (added) and of ha not
// matched in hb (deleted) in a minimal (up to the cost cap) alignment.
func diffHashes(ha, hb []uint64) (added, deleted int) {
	// A line that occurs nowhere on the other side can never be matched,
	// so it is a change whatever the alignment; dropping such lines before
	// Myers keeps the result minimal and shrinks the problem, often to
	// nothing for rewritten files.
	seen := make(map[uint64]uint8, len(ha)+len(hb))
	for _, h := range ha {
		seen[h] |= 1
	}
	for _, h := range hb {
		seen[h] |= 2
	}
	fa := ha[:0:0]
	for _, h := range ha {
		if seen[h] == 3 {
			fa = append(fa, h)
		}
	}
	fb := hb[:0:0]
	for _, h := range hb {
		if seen[h] == 3 {
			fb = append(fb, h)
		}
	}
	deleted = len(ha) - len(fa)
	added = len(hb) - len(fb)

	d := myersCost(fa, fb)
	// An edit script of d steps between N and M lines deletes
	// (d+N-M)/2 lines and adds (d+M-N)/2.
	deleted += (d + len(fa) - len(fb)) / 2
	added += (d + len(fb) - len(fa)) / 2
	return added, deleted
}

// myersCost returns the number of insertions plus deletions needed to turn
// a into b: the exact minimum while it is at most myersCostCap, otherwise
// an upper bound. It is Myers' greedy forward search, keeping only the
// furthest x reached on each diagonal, so it needs O(cap) memory. When the
// cap is reached, it commits to the furthest-reaching point found and
// searches again from there; that bounds the time at the price of a few
// surplus edits on files rewritten beyond the cap.
func myersCost(a, b []uint64) int {
	total := 0
	v := make([]int, 2*myersCostCap+3)
	for {
		// Shared lines at the ends cost nothing and shrink the search.
		for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
			a, b = a[1:], b[1:]
		}
		for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
			a, b = a[:len(a)-1], b[:len(b)-1]
		}
		if len(a) == 0 || len(b) == 0 {
			return total + len(a) + len(b)
		}
		d, x, y := myersPass(a, b, v)
		if x == len(a) && y == len(b) {
			return total + d
		}
		total += d
		a, b = a[x:], b[y:]
	}
}

// myersPass searches for the end of the edit graph of a and b with at most
// myersCostCap edits. It returns the cost and (len(a), len(b)) if it gets
// there, or the cap and the in-bounds point with the largest x+y it reached.
//
// The graph is treated as unbounded past its right and bottom edges (no
// line matches there): a point beyond an edge always costs more than the
// corner itself, so the first point found at or past both edges is the
// corner.
func myersPass(a, b []uint64, v []int) (d, x, y int) {
	n, m := len(a), len(b)
	off := myersCostCap + 1
	v[off+1] = 0
	for d = 0; d <= myersCostCap; d++ {
		for k := -d; k <= d; k += 2 {
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1] // down: insert b[y-1]
			} else {
				x = v[off+k-1] + 1 // right: delete a[x-1]
			}
			y = x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				return d, n, m
			}
		}
	}
	d = myersCostCap
	bx, by := 0, 0
	for k := -d; k <= d; k += 2 {
		x := v[off+k]
		y := x - k
		if x <= n && y <= m && x+y > bx+by {
			bx, by = x, y
		}
	}
	return d, bx, by
}
