package history

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
// is more than stopMargin before the period: measured skew in git/git is at
// most 3.1 days.
const (
	stopMargin = 7 * 24 * time.Hour
	stopRun    = 200
)

// walkCommits visits every commit reachable from tips once, newest committer
// date first, and stops early once history is older than stopBefore. Parents
// of shallow commits are not there and are not followed.
func walkCommits(idx commitgraph.CommitNodeIndex, tips []plumbing.Hash, shallow map[plumbing.Hash]bool, stopBefore time.Time, visit func(commitgraph.CommitNode) error) error {
	q := &nodeQueue{}
	seen := map[plumbing.Hash]bool{}
	for _, h := range tips {
		if seen[h] {
			continue
		}
		seen[h] = true
		n, err := idx.Get(h)
		if err != nil {
			return fmt.Errorf("reading commit %s: %w", h, err)
		}
		heap.Push(q, n)
	}
	old := 0
	for q.Len() > 0 {
		n := heap.Pop(q).(commitgraph.CommitNode)
		if n.CommitTime().Before(stopBefore) {
			old++
			if old >= stopRun {
				return nil
			}
		} else {
			old = 0
		}
		if err := visit(n); err != nil {
			return err
		}
		if shallow[n.ID()] {
			continue
		}
		for _, p := range n.ParentHashes() {
			if seen[p] {
				continue
			}
			seen[p] = true
			pn, err := idx.Get(p)
			if errors.Is(err, plumbing.ErrObjectNotFound) && len(shallow) > 0 {
				continue // cut off by a shallow clone whose shallow file lags
			}
			if err != nil {
				return fmt.Errorf("reading commit %s (parent of %s): %w", p, n.ID(), err)
			}
			heap.Push(q, pn)
		}
	}
	return nil
}

// nodeQueue is a max-heap on committer time; equal times pop in hash order
// so that the walk is deterministic.
type nodeQueue []commitgraph.CommitNode

func (q nodeQueue) Len() int { return len(q) }
func (q nodeQueue) Less(i, j int) bool {
	ti, tj := q[i].CommitTime(), q[j].CommitTime()
	if !ti.Equal(tj) {
		return ti.After(tj)
	}
	a, b := q[i].ID(), q[j].ID()
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
