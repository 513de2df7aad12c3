package gitengine

import (
	"sync/atomic"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Cache budgets when the walk and the diffs run at once. The tree stage
// and the blob stage each keep their own kind of delta base; the walk
// reads commits, which are not cached, and the root trees of area
// sampling. 64 MiB in one cache was best for a scan on one goroutine
// (32 MiB cost a quarter more time on git/git); split by kind, the blobs
// need most of it.
const (
	treeCacheBytes = 24 << 20
	blobCacheBytes = 48 << 20
	walkCacheBytes = 16 << 20
)

// Diffs diffs the user's commits while the walk goes on, in two
// stages on two more goroutines: one diffs the trees of each commit, the
// other reads the changed blobs and counts their lines. The walk, the tree
// diffs and the line counts are independent and comparable in cost, so on
// two cores most of the diffing is done by the time the walk ends. Each
// stage reads through its own fork of the object store (its own cache and
// inflater over the same pack mappings), so a cache holds one kind of
// object and the order of the commits keeps it warm.
type Diffs struct {
	jobs     chan diffJob
	changes  chan treeJob
	results  []Diff // in the order of the jobs; the blob stage's until done
	err      error  // the first failure; the blob stage's until done
	treeErr  error  // the tree stage's first failure, read after done
	done     chan struct{}
	progress chan int // diffs finished so far, now and then
	abort    atomic.Bool
	closed   bool
}

// diffJob is a commit to diff, with its first parent's tree when the walk
// knows it.
type diffJob struct {
	c           *object.Commit
	parentTree  plumbing.Hash
	parentKnown bool
}

// treeJob is a commit with its changed paths, between the two stages.
type treeJob struct {
	c       *object.Commit
	changes []treeChange
	unknown bool
	failed  bool
}

// Diff is commitFiles' answer for one commit.
type Diff struct {
	Files   []FileChange
	Unknown bool // some objects were missing: the counts are not known
}

// startDiffs starts the two stages, reading from trees and blobs, which
// they close when done.
func startDiffs(trees, blobs *objectStore, attrs *gitAttrs) *Diffs {
	w := &Diffs{
		jobs: make(chan diffJob, 1024), changes: make(chan treeJob, 256),
		done: make(chan struct{}), progress: make(chan int, 1),
	}
	go func() {
		defer close(w.changes)
		defer trees.Close()
		for d := range w.jobs {
			j := treeJob{c: d.c, failed: true}
			if w.treeErr == nil && !w.abort.Load() {
				var err error
				j.changes, j.unknown, err = commitChanges(trees, d.c, d.parentTree, d.parentKnown)
				trees.release() // the changes hold no tree's bytes
				if err != nil {
					w.treeErr = err
				} else {
					j.failed = false
				}
			}
			w.changes <- j
		}
	}()
	go func() {
		defer close(w.done)
		defer blobs.Close()
		for j := range w.changes {
			var res Diff
			if !j.failed && w.err == nil && !w.abort.Load() {
				var unknown bool
				var err error
				res.Files, unknown, err = countChanges(blobs, j.c, j.changes, attrs)
				blobs.release() // the counts hold no blob's bytes
				res.Unknown = unknown || j.unknown
				if err != nil {
					w.err = err
				}
			}
			w.results = append(w.results, res)
			if n := len(w.results); n%progressEvery == 0 {
				select {
				case w.progress <- n:
				default: // the reader is busy: the next one will do
				}
			}
		}
	}()
	return w
}

// add queues a commit; its result is the next in the list wait returns.
// parentKnown says parentTree is the tree of c's first parent (the walk's
// decoded parent); otherwise the parent commit is read.
func (w *Diffs) Add(c *object.Commit, parentTree plumbing.Hash, parentKnown bool) {
	w.jobs <- diffJob{c, parentTree, parentKnown}
}

// wait returns the results once every queued commit is diffed, calling
// onProgress with the count done so far now and then.
func (w *Diffs) Wait(onProgress func(int)) ([]Diff, error) {
	w.closed = true
	close(w.jobs)
	for {
		select {
		case <-w.done:
			if w.treeErr != nil {
				return nil, w.treeErr
			}
			return w.results, w.err
		case n := <-w.progress:
			onProgress(n)
		}
	}
}

// stop ends the worker without the results, if wait has not been called:
// for the way out on an error. The store must stay open until it returns.
func (w *Diffs) Stop() {
	if w.closed {
		return
	}
	w.abort.Store(true)
	w.Wait(func(int) {})
}

// progressEvery is how many diffs pass between progress reports.
const progressEvery = 5000
