package gitengine

import (
	"container/heap"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object/commitgraph"
)

// maxPaint bounds the walk that finds a merged branch's commits: a pull
// request has tens of commits, and a merge whose branch never meets the
// mainline within this many commits is not worth grouping.
const maxPaint = 5000

// BranchCommits returns the commits a merge brought in: those reachable
// from its second parent and not from its first. Like git's merge-base
// search, it walks both sides newest first, painting each commit with the
// side it was reached from, and stops when no commit is left that only the
// branch reaches. ok is false when the walk gave up at maxPaint.
func BranchCommits(idx commitgraph.CommitNodeIndex, mainline, branch plumbing.Hash, shallow map[plumbing.Hash]bool) (map[plumbing.Hash]bool, bool) {
	const fromMain, fromBranch = 1, 2
	paint := map[plumbing.Hash]int{}
	queued := map[plumbing.Hash]bool{}
	q := &nodeQueue{}
	branchOnly := 0 // queued commits painted by the branch alone
	push := func(h plumbing.Hash, side int) bool {
		old, seen := paint[h]
		paint[h] = old | side
		switch {
		case !seen:
			n, err := idx.Get(h)
			if err != nil {
				return false
			}
			heap.Push(q, n)
			queued[h] = true
			if side == fromBranch {
				branchOnly++
			}
		case queued[h] && old == fromBranch && side == fromMain:
			branchOnly-- // still queued, now known to be on the mainline too
		}
		return true
	}
	if !push(mainline, fromMain) || !push(branch, fromBranch) {
		return nil, false
	}
	members := map[plumbing.Hash]bool{}
	for popped := 0; q.Len() > 0 && branchOnly > 0; popped++ {
		if popped == maxPaint {
			return nil, false
		}
		n := heap.Pop(q).(commitgraph.CommitNode)
		delete(queued, n.ID())
		side := paint[n.ID()]
		if side == fromBranch {
			branchOnly--
			members[n.ID()] = true
		}
		if shallow[n.ID()] {
			continue
		}
		for _, p := range n.ParentHashes() {
			if !push(p, side) {
				return nil, false
			}
		}
	}
	return members, true
}
