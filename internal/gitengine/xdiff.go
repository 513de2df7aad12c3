package gitengine

import "slices"

// The alignment git's xdiff computes (xdiffi.c: xdl_recs_cmp, xdl_split),
// rewritten to count rather than mark. git's Myers is not minimal: past a
// cost it settles for a good-enough split, and its numstat counts are the
// counts of that alignment. Counting a minimal alignment, or a differently
// capped one, gives other numbers on big rewrites, so the search here takes
// the same steps with the same constants.

// Constants of xdiff's search (xdiffi.c).
const (
	xdlMaxCostMin  = 256 // floor of the cost past which a split is approximated
	xdlHeurMinCost = 256 // cost past which a long snake may end the search
	xdlSnakeCnt    = 20  // a run of matches this long is a "good snake"
	xdlKHeur       = 4   // how far past the cost a snake must reach
	xdlLineMax     = int(^uint(0) >> 1)
)

// xdiffer aligns two sequences of line hashes. kf and kb are the forward
// and backward furthest-reaching points on each diagonal, indexed by
// diagonal+off, shared by every step of the recursion as in xdiff.
type xdiffer struct {
	a, b    []uint64
	kf, kb  []int
	off     int
	mxcost  int
	deleted int // lines of a left unmatched
	added   int // lines of b left unmatched
}

// xdiffCount returns how many lines of a and b the alignment git would
// choose leaves unmatched: deleted from a and added in b. With needMin the
// alignment is a minimal one (git's --minimal).
func xdiffCount(a, b []uint64, needMin bool) (deleted, added int) {
	var buf []int
	return xdiffCountInto(a, b, needMin, &buf)
}

// xdiffCountInto is xdiffCount with its diagonals in *buf's space.
func xdiffCountInto(a, b []uint64, needMin bool, bufp *[]int) (deleted, added int) {
	ndiags := len(a) + len(b) + 3
	x := xdiffer{a: a, b: b, off: len(b) + 1, mxcost: max(bogoSqrt(ndiags), xdlMaxCostMin)}
	buf := slices.Grow((*bufp)[:0], 2*ndiags+2)[:2*ndiags+2]
	*bufp = buf
	x.kf, x.kb = buf[:ndiags], buf[ndiags:]
	x.recsCmp(0, len(a), 0, len(b), needMin)
	return x.deleted, x.added
}

// recsCmp aligns a[off1:lim1] with b[off2:lim2]: it walks the shared
// ends, and splits what is left in two at a point of the alignment.
func (x *xdiffer) recsCmp(off1, lim1, off2, lim2 int, needMin bool) {
	a, b := x.a, x.b
	for off1 < lim1 && off2 < lim2 && a[off1] == b[off2] {
		off1++
		off2++
	}
	for off1 < lim1 && off2 < lim2 && a[lim1-1] == b[lim2-1] {
		lim1--
		lim2--
	}
	switch {
	case off1 == lim1:
		x.added += lim2 - off2
	case off2 == lim2:
		x.deleted += lim1 - off1
	default:
		i1, i2, minLo, minHi := x.split(off1, lim1, off2, lim2, needMin)
		x.recsCmp(off1, i1, off2, i2, minLo)
		x.recsCmp(i1, lim1, i2, lim2, minHi)
	}
}

// split runs Myers' search from both corners of the box at once until the
// two paths meet, and returns the meeting point, and whether each half
// must be aligned minimally. Unless needMin, it stops early: at a long
// snake well past the cost heuristic, or at the furthest point reached
// once the cost passes mxcost.
func (x *xdiffer) split(off1, lim1, off2, lim2 int, needMin bool) (int, int, bool, bool) {
	a, b := x.a, x.b
	kf, kb, o := x.kf, x.kb, x.off
	dmin, dmax := off1-lim2, lim1-off2
	fmid, bmid := off1-off2, lim1-lim2
	odd := (fmid-bmid)&1 != 0
	fmin, fmax := fmid, fmid
	bmin, bmax := bmid, bmid
	kf[o+fmid] = off1
	kb[o+bmid] = lim1
	for ec := 1; ; ec++ {
		gotSnake := false
		// Widen the diagonals searched by one on each side, or narrow
		// them where the box ends; the values just outside are set so
		// that the inner loop needs no bounds checks.
		if fmin > dmin {
			fmin--
			kf[o+fmin-1] = -1
		} else {
			fmin++
		}
		if fmax < dmax {
			fmax++
			kf[o+fmax+1] = -1
		} else {
			fmax--
		}
		for d := fmax; d >= fmin; d -= 2 {
			var i1 int
			if kf[o+d-1] >= kf[o+d+1] {
				i1 = kf[o+d-1] + 1
			} else {
				i1 = kf[o+d+1]
			}
			prev := i1
			i2 := i1 - d
			for i1 < lim1 && i2 < lim2 && a[i1] == b[i2] {
				i1++
				i2++
			}
			if i1-prev > xdlSnakeCnt {
				gotSnake = true
			}
			kf[o+d] = i1
			if odd && bmin <= d && d <= bmax && kb[o+d] <= i1 {
				return i1, i2, true, true
			}
		}

		if bmin > dmin {
			bmin--
			kb[o+bmin-1] = xdlLineMax
		} else {
			bmin++
		}
		if bmax < dmax {
			bmax++
			kb[o+bmax+1] = xdlLineMax
		} else {
			bmax--
		}
		for d := bmax; d >= bmin; d -= 2 {
			var i1 int
			if kb[o+d-1] < kb[o+d+1] {
				i1 = kb[o+d-1]
			} else {
				i1 = kb[o+d+1] - 1
			}
			prev := i1
			i2 := i1 - d
			for i1 > off1 && i2 > off2 && a[i1-1] == b[i2-1] {
				i1--
				i2--
			}
			if prev-i1 > xdlSnakeCnt {
				gotSnake = true
			}
			kb[o+d] = i1
			if !odd && fmin <= d && d <= fmax && i1 <= kf[o+d] {
				return i1, i2, true, true
			}
		}

		if needMin {
			continue
		}

		// Past the heuristic's cost, a diagonal that got far from its
		// corner (less its distance from the middle diagonal) and ends in
		// a snake of xdlSnakeCnt matches is taken as the split.
		if gotSnake && ec > xdlHeurMinCost {
			best, s1, s2 := 0, 0, 0
			for d := fmax; d >= fmin; d -= 2 {
				dd := d - fmid
				if dd < 0 {
					dd = -dd
				}
				i1 := kf[o+d]
				i2 := i1 - d
				v := (i1 - off1) + (i2 - off2) - dd
				if v > xdlKHeur*ec && v > best &&
					off1+xdlSnakeCnt <= i1 && i1 < lim1 &&
					off2+xdlSnakeCnt <= i2 && i2 < lim2 {
					for k := 1; a[i1-k] == b[i2-k]; k++ {
						if k == xdlSnakeCnt {
							best, s1, s2 = v, i1, i2
							break
						}
					}
				}
			}
			if best > 0 {
				return s1, s2, true, false
			}
			for d := bmax; d >= bmin; d -= 2 {
				dd := d - bmid
				if dd < 0 {
					dd = -dd
				}
				i1 := kb[o+d]
				i2 := i1 - d
				v := (lim1 - i1) + (lim2 - i2) - dd
				if v > xdlKHeur*ec && v > best &&
					off1 < i1 && i1 <= lim1-xdlSnakeCnt &&
					off2 < i2 && i2 <= lim2-xdlSnakeCnt {
					for k := 0; a[i1+k] == b[i2+k]; k++ {
						if k == xdlSnakeCnt-1 {
							best, s1, s2 = v, i1, i2
							break
						}
					}
				}
			}
			if best > 0 {
				return s1, s2, false, true
			}
		}

		// Too costly: split at the point, forward or backward, that got
		// furthest along its direction.
		if ec >= x.mxcost {
			fbest, fbest1 := -1, -1
			for d := fmax; d >= fmin; d -= 2 {
				i1 := min(kf[o+d], lim1)
				i2 := i1 - d
				if lim2 < i2 {
					i1, i2 = lim2+d, lim2
				}
				if fbest < i1+i2 {
					fbest, fbest1 = i1+i2, i1
				}
			}
			bbest, bbest1 := xdlLineMax, xdlLineMax
			for d := bmax; d >= bmin; d -= 2 {
				i1 := max(off1, kb[o+d])
				i2 := i1 - d
				if i2 < off2 {
					i1, i2 = off2+d, off2
				}
				if i1+i2 < bbest {
					bbest, bbest1 = i1+i2, i1
				}
			}
			if (lim1+lim2)-bbest < fbest-(off1+off2) {
				return fbest1, fbest - fbest1, true, false
			}
			return bbest1, bbest - bbest1, false, true
		}
	}
}
