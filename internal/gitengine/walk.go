package gitengine

import (
	"bytes"
	"container/heap"
	"errors"
	"fmt"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object/commitgraph"
)

// Committer dates are nearly monotonic along history while author dates are
// not (rebases keep old author dates). The walk goes in committer-time order
// and stops once it has seen stopRun commits in a row whose committer date
// is more than StopMargin before the period: measured skew in git/git is at
// most 3.1 days.
const (
	StopMargin = 7 * 24 * time.Hour
	stopRun    = 200
)

// WalkCommits visits every commit reachable from tips once, newest committer
// date first, and stops early once history is older than stopBefore. Parents
// of shallow commits are not there and are not followed.
func WalkCommits(idx commitgraph.CommitNodeIndex, tips []Tip, shallow map[plumbing.Hash]bool, stopBefore time.Time, visit func(commitgraph.CommitNode) error) error {
	_, err := WalkTips(idx, tips, shallow, stopBefore, nil, func(n commitgraph.CommitNode, _ int) error { return visit(n) })
	return err
}

// Missing is what a walk could not read: commits named as tips or
// parents that are not in the repository (a broken branch, a fetch cut
// short). The walk goes on without them, as past a shallow boundary.
type Missing struct {
	Commits int
	Tip     int // index of the tip under which the first one was found
}

// WalkTips is WalkCommits that also tells visit which tip reached each
// commit first (an index into tips), for warnings that name a branch, and
// that survives missing commits.
//
// fetched, when not nil, is called with each commit as it is read, before
// any of its children is visited: a commit's parents are read before it.
func WalkTips(idx commitgraph.CommitNodeIndex, tips []Tip, shallow map[plumbing.Hash]bool, stopBefore time.Time, fetched func(commitgraph.CommitNode), visit func(n commitgraph.CommitNode, tip int) error) (Missing, error) {
	var miss Missing
	missing := func(tip int) {
		if miss.Commits == 0 {
			miss.Tip = tip
		}
		miss.Commits++
	}
	q := &tipQueue{}
	seen := map[plumbing.Hash]bool{}
	for i, t := range tips {
		if seen[t.Hash] {
			continue
		}
		seen[t.Hash] = true
		n, err := idx.Get(t.Hash)
		if IsMissing(err) {
			missing(i)
			continue
		}
		if err != nil {
			return miss, fmt.Errorf("reading commit %s: %w", t.Hash, err)
		}
		if fetched != nil {
			fetched(n)
		}
		heap.Push(q, tipNode{n, i})
	}
	pushParents := func(n commitgraph.CommitNode, tip int) error {
		for _, p := range n.ParentHashes() {
			if seen[p] {
				continue
			}
			seen[p] = true
			pn, err := idx.Get(p)
			if IsMissing(err) {
				if len(shallow) == 0 {
					// With a shallow file, a shallow boundary that the
					// file lags behind; else a broken history.
					missing(tip)
				}
				continue
			}
			if err != nil {
				return fmt.Errorf("reading commit %s (parent of %s): %w", p, n.ID(), err)
			}
			if fetched != nil {
				fetched(pn)
			}
			heap.Push(q, tipNode{pn, tip})
		}
		return nil
	}
	old := 0
	for q.Len() > 0 {
		tn := heap.Pop(q).(tipNode)
		n := tn.node
		if n.CommitTime().Before(stopBefore) {
			old++
			if old >= stopRun {
				return miss, nil
			}
		} else {
			old = 0
		}
		// The parents are read before the commit is visited, so that
		// visit may use what fetched learnt of them.
		if !shallow[n.ID()] {
			if err := pushParents(n, tn.tip); err != nil {
				return miss, err
			}
		}
		if err := visit(n, tn.tip); err != nil {
			if err == ErrStopWalk {
				return miss, nil
			}
			return miss, err
		}
	}
	return miss, nil
}

// ErrStopWalk, returned by WalkTips' visit, ends the walk without error.
var ErrStopWalk = errors.New("stop the walk")

// StopRun is how many commits in a row older than its stop date WalkTips
// reads before it stops (clocks skew: an older date is not yet the end).
const StopRun = stopRun

// tipNode is a queued commit with the tip that reached it.
type tipNode struct {
	node commitgraph.CommitNode
	tip  int
}

// tipQueue is nodeQueue's order over tipNodes.
type tipQueue []tipNode

func (q tipQueue) Len() int           { return len(q) }
func (q tipQueue) Less(i, j int) bool { return nodeBefore(q[i].node, q[j].node) }
func (q tipQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *tipQueue) Push(x any)        { *q = append(*q, x.(tipNode)) }
func (q *tipQueue) Pop() any {
	old := *q
	n := old[len(old)-1]
	*q = old[:len(old)-1]
	return n
}

// nodeQueue is a max-heap on committer time; equal times pop in hash order
// so that the walk is deterministic.
type nodeQueue []commitgraph.CommitNode

func (q nodeQueue) Len() int           { return len(q) }
func (q nodeQueue) Less(i, j int) bool { return nodeBefore(q[i], q[j]) }

// nodeBefore is the walk's order: newer committer time first, then hash.
func nodeBefore(x, y commitgraph.CommitNode) bool {
	ti, tj := x.CommitTime(), y.CommitTime()
	if !ti.Equal(tj) {
		return ti.After(tj)
	}
	a, b := x.ID(), y.ID()
	return bytes.Compare(a[:], b[:]) < 0
}
func (q nodeQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *nodeQueue) Push(x any)   { *q = append(*q, x.(commitgraph.CommitNode)) }
func (q *nodeQueue) Pop() any {
	old := *q
	n := old[len(old)-1]
	*q = old[:len(old)-1]
	return n
}
