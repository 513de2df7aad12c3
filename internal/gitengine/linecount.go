package gitengine

import (
	"bytes"
	"hash/maphash"
	"slices"
	"sync"
)

// binarySniffLen is how much of a blob git looks at for a NUL byte when it
// decides whether the blob is binary (xdiff's FIRST_FEW_BYTES).
const binarySniffLen = 8000

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
// It follows the steps of git's xdiff, so that the counts are git's: trim
// the lines shared at both ends, discard lines that cannot or, by git's
// heuristic, should not be matched (see keepLines), then count the
// alignment xdiff's Myers finds for what is left (xdiffCount), which is
// not always a minimal one.
func countLines(a, b []byte) (added, deleted int, binary bool) {
	if isBinary(a) || isBinary(b) {
		return 0, 0, true
	}
	added, deleted = countText(a, b)
	return added, deleted, false
}

// countText is countLines for two sides known to be text.
func countText(a, b []byte) (added, deleted int) {
	if bytes.Equal(a, b) {
		return 0, 0
	}
	p, s := trimCommonLines(a, b)
	ma, mb := a[p:len(a)-s], b[p:len(b)-s]
	switch {
	case len(ma) == 0:
		return countLineEnds(mb), 0
	case len(mb) == 0:
		return 0, countLineEnds(ma)
	}
	sc := lineScratchPool.Get().(*lineScratch)
	defer sc.put()
	ha := hashLines(ma, sc.ha[:0])
	hb := hashLines(mb, sc.hb[:0])
	sc.ha, sc.hb = ha, hb

	// git decides which lines to discard from how often each line occurs
	// in the whole of the other file, shared ends included. Only lines of
	// the middles need counting.
	// A line's count in a is in the low half of its value, in b in the
	// high half: a map of plain numbers, no allocation per line.
	const inA, inB = 1, 1 << 32
	counts := sc.counts
	if counts == nil || len(ha)+len(hb) > lineScratchMapMax {
		counts = make(map[uint64]uint64, len(ha)+len(hb))
	}
	for _, h := range ha {
		counts[h] += inA
	}
	for _, h := range hb {
		counts[h] += inB
	}
	shared := 0 // lines in the common prefix and suffix
	for _, part := range [][]byte{a[:p], a[len(a)-s:]} {
		forEachLine(part, func(line []byte) {
			shared++
			h := maphash.Bytes(lineSeed, line)
			if v, ok := counts[h]; ok {
				counts[h] = v + inA + inB
			}
		})
	}
	keptA := keepLinesInto(sc, &sc.keptA, ha, len(ha)+shared, func(h uint64) int32 { return int32(counts[h] >> 32) })
	keptB := keepLinesInto(sc, &sc.keptB, hb, len(hb)+shared, func(h uint64) int32 { return int32(uint32(counts[h])) })
	if len(ha)+len(hb) <= lineScratchMapMax {
		clear(counts)
		sc.counts = counts
	}
	deleted = len(ha) - len(keptA)
	added = len(hb) - len(keptB)

	del, add := xdiffCountInto(keptA, keptB, false, &sc.diags)
	return added + add, deleted + del
}

// lineScratch is countText's working memory, kept from one file to the
// next: a fresh map and slices per file were most of the line counter's
// allocations.
type lineScratch struct {
	ha, hb, keptA, keptB []uint64
	dis                  []byte
	diags                []int
	counts               map[uint64]uint64
}

// lineScratchMapMax bounds the lines whose counts map is kept: clearing
// a map costs what it once held, so one huge file must not make every
// later one pay for it.
const lineScratchMapMax = 4096

var lineScratchPool = sync.Pool{New: func() any { return &lineScratch{} }}

// put returns the scratch to the pool, unless a huge file grew it.
func (sc *lineScratch) put() {
	if cap(sc.ha)+cap(sc.hb) > 1<<20 || cap(sc.diags) > 1<<21 {
		return
	}
	lineScratchPool.Put(sc)
}

// trimCommonLines returns the lengths in bytes of the whole lines that a
// and b share at the start (p) and at the end (s). Working on bytes avoids
// splitting and hashing the untouched bulk of a large file.
func trimCommonLines(a, b []byte) (p, s int) {
	n := min(len(a), len(b))
	for p < n && a[p] == b[p] {
		p++
	}
	// Back up to the start of the line the first difference is in.
	p = bytes.LastIndexByte(a[:p], '\n') + 1
	a, b = a[p:], b[p:]

	n = min(len(a), len(b))
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
	return p, s
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

// forEachLine calls f with each line of data, terminator included.
func forEachLine(data []byte, f func([]byte)) {
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n') + 1
		if i == 0 {
			i = len(data)
		}
		f(data[:i])
		data = data[i:]
	}
}

// hashLines appends one 64-bit hash per line to dst. Two different lines
// sharing a hash is possible but, at 2^-64 per pair, not worth a byte
// comparison.
func hashLines(data []byte, dst []uint64) []uint64 {
	forEachLine(data, func(line []byte) {
		dst = append(dst, maphash.Bytes(lineSeed, line))
	})
	return dst
}

// Constants of git's xdiff that shape its choice of lines to discard.
const (
	maxEqLimit    = 1024 // cap on the "occurs too often" threshold
	simScanWindow = 100  // how far to look around a frequent line
	keepRunRatio  = 4    // XDL_KPDIS_RUN
)

// bogoSqrt is xdiff's rough square root: the power of two doubling once per
// two bits of n.
func bogoSqrt(n int) int {
	i := 1
	for ; n > 0; n >>= 2 {
		i <<= 1
	}
	return i
}

// keepLines returns the lines of one side (the part between the shared
// ends) that take part in the Myers alignment, as git's
// xdl_cleanup_records chooses them. nrec is the side's total line count
// and other(h) how often line h occurs in the whole other file. A line
// that never occurs there is a change whatever the alignment. A line that
// occurs there often (a brace, a blank line) is also dropped, and so
// counted as changed, when it sits among mostly unmatched lines: that is a
// heuristic of git's that can make its counts exceed the minimum, and it
// is copied so that the counts agree.
func keepLines(h []uint64, nrec int, other func(uint64) int32) []uint64 {
	var kept []uint64
	return keepLinesInto(&lineScratch{}, &kept, h, nrec, other)
}

// keepLinesInto is keepLines with its working memory in sc and the result
// in *kept's space.
func keepLinesInto(sc *lineScratch, kept *[]uint64, h []uint64, nrec int, other func(uint64) int32) []uint64 {
	mlim := int32(min(bogoSqrt(nrec), maxEqLimit))
	dis := slices.Grow(sc.dis[:0], len(h))[:len(h)]
	sc.dis = dis
	for i, x := range h {
		switch nm := other(x); {
		case nm == 0:
			dis[i] = 0
		case nm >= mlim:
			dis[i] = 2
		default:
			dis[i] = 1
		}
	}
	out := slices.Grow((*kept)[:0], len(h))
	for i, x := range h {
		if dis[i] == 1 || (dis[i] == 2 && !discardFrequent(dis, i)) {
			out = append(out, x)
		}
	}
	*kept = out
	return out
}

// discardFrequent reports whether the frequent line i should be dropped:
// when the runs of unmatched or frequent lines on both sides of it hold
// unmatched lines, and frequent lines are fewer than a quarter of them.
func discardFrequent(dis []byte, i int) bool {
	s, e := max(0, i-simScanWindow), min(len(dis)-1, i+simScanWindow)
	none0, freq0 := 0, 1
	for j := i - 1; j >= s; j-- {
		if dis[j] == 0 {
			none0++
		} else if dis[j] == 2 {
			freq0++
		} else {
			break
		}
	}
	if none0 == 0 {
		return false
	}
	none1, freq1 := 0, 1
	for j := i + 1; j <= e; j++ {
		if dis[j] == 0 {
			none1++
		} else if dis[j] == 2 {
			freq1++
		} else {
			break
		}
	}
	if none1 == 0 {
		return false
	}
	none, freq := none0+none1, freq0+freq1
	return freq*keepRunRatio < freq+none
}
