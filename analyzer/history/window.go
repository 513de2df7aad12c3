package history

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/git-career/git-career/analyzer/work"
	"github.com/git-career/git-career/internal/gitengine"
)

// TimeRange is a stretch of time, both ends included.
type TimeRange struct {
	Since, Until time.Time
}

// Contains reports whether t falls in the range.
func (r TimeRange) Contains(t time.Time) bool { return !t.Before(r.Since) && !t.After(r.Until) }

// Window is the mainline's history around a period, kept by Read for
// measuring what came after a piece of work (see Options.Window): every
// non-merge commit the mainline reaches whose committer date falls in the
// range, with its message, but no diff. Its methods diff on demand: the
// paths a commit changed, which commits changed given paths, which added
// a given text.
//
// A Window reads through its Repo: like it, it must not be used from
// several goroutines at once, nor after the Repo is closed.
type Window struct {
	Range   TimeRange
	Commits []WindowCommit // newest committer time first
	// Newest is the newest committer time of the history read (its
	// tips): what came after it is not in this copy of the repository,
	// whatever the date (a clone not fetched for months).
	Newest  time.Time
	eng     *gitengine.Repo
	trees   *gitengine.TreeCache
	changes map[int][]gitengine.Change
}

// WindowCommit is one commit of a Window. Its message is read through
// Window.Message (a window over a long history holds tens of thousands
// of commits: past keptMessages, it is read again).
type WindowCommit struct {
	SHA                       string
	Author                    work.Person // after .mailmap
	AuthorDate, CommitterDate time.Time
	// Reverts is the commit this one reverts, by the line git revert
	// writes ("This reverts commit <sha>."); "" for none.
	Reverts string
	// Fixes are the values of its "Fixes:" trailers.
	Fixes []string

	tree, parentTree plumbing.Hash
	parentKnown      bool   // parentTree is the first parent's tree (or the commit is a root)
	message          string // for the first keptMessages commits; else read again
}

// keptMessages is how many commits of a window keep their message: a
// quarter's window (a few thousand commits on git/git) keeps them all,
// and one over a long history (85,000 commits) keeps memory for the
// rest, whose messages Window.Message reads again.
const keptMessages = 16384

// Change is one path a commit changed: Added when the path did not exist
// before, Deleted when it does not after.
type Change struct {
	Path           string
	Added, Deleted bool
	// Moved is true for an added path whose content a path the commit
	// deleted had, byte for byte (a rename without edits), and for that
	// deleted path.
	Moved bool
}

// keep records a commit of the mainline in the window.
func (w *Window) keep(c *object.Commit, author work.Person, parentTree plumbing.Hash, parentKnown bool) {
	wc := WindowCommit{
		SHA: c.Hash.String(), Author: author,
		AuthorDate: c.Author.When, CommitterDate: c.Committer.When,
		tree: c.TreeHash, parentTree: parentTree, parentKnown: parentKnown,
	}
	for _, t := range parseTrailers(c.Message) {
		if strings.EqualFold(t.Key, "Fixes") {
			wc.Fixes = append(wc.Fixes, t.Value)
		}
	}
	if sm := revertRe.FindStringSubmatch(c.Message); sm != nil {
		wc.Reverts = sm[1]
	}
	if len(w.Commits) < keptMessages {
		wc.message = c.Message
	}
	w.Commits = append(w.Commits, wc)
}

// Message reads commit i's message again: its subject, its body (the
// trailers included) and its trailers. Not for use on a view (see
// Touched).
func (w *Window) Message(i int) (subject, body string, trailers []work.Trailer, err error) {
	wc := &w.Commits[i]
	msg := wc.message
	if msg == "" {
		n, err := w.eng.Nodes().Get(plumbing.NewHash(wc.SHA))
		if err != nil {
			return "", "", nil, fmt.Errorf("reading commit %s: %w", wc.SHA, err)
		}
		c, err := n.Commit()
		if err != nil {
			return "", "", nil, fmt.Errorf("reading commit %s: %w", wc.SHA, err)
		}
		msg = gitengine.Reencode(c).Message
	}
	subject, body, _ = strings.Cut(strings.TrimRight(msg, "\n"), "\n")
	return strings.TrimSpace(subject), strings.TrimSpace(body), parseTrailers(msg), nil
}

// parent returns the first parent's tree of commit i, reading the parent
// when the walk did not keep it.
func (w *Window) parent(i int) (plumbing.Hash, bool, error) {
	wc := &w.Commits[i]
	if wc.parentKnown {
		return wc.parentTree, true, nil
	}
	t, err := w.eng.ParentTree(plumbing.NewHash(wc.SHA))
	if gitengine.IsMissing(err) {
		return plumbing.ZeroHash, false, nil
	}
	if err != nil {
		return plumbing.ZeroHash, false, err
	}
	wc.parentTree, wc.parentKnown = t, true
	return t, true, nil
}

// Changes lists the paths commit i changed against its first parent, in
// git's order (a tree diff: no line counts). A commit whose parent is not
// in the repository changed nothing that can be known: nil.
func (w *Window) Changes(i int) ([]Change, error) {
	cs, err := w.rawChanges(i)
	if err != nil {
		return nil, err
	}
	out := make([]Change, len(cs))
	gone := map[plumbing.Hash]int{} // deleted content → how many paths had it
	for _, c := range cs {
		if c.To.IsZero() && !c.From.IsZero() {
			gone[c.From]++
		}
	}
	came := map[plumbing.Hash]bool{}
	for j, c := range cs {
		out[j] = Change{Path: c.Path, Added: c.From.IsZero(), Deleted: c.To.IsZero()}
		if out[j].Added && gone[c.To] > 0 {
			out[j].Moved, came[c.To] = true, true
		}
	}
	for j, c := range cs {
		if out[j].Deleted && came[c.From] {
			out[j].Moved = true
		}
	}
	return out, nil
}

func (w *Window) rawChanges(i int) ([]gitengine.Change, error) {
	if cs, ok := w.changes[i]; ok {
		return cs, nil
	}
	pt, ok, err := w.parent(i)
	if err != nil || !ok {
		return nil, err
	}
	wc := &w.Commits[i]
	if w.trees == nil {
		w.trees = gitengine.NewTreeCache()
	}
	cs, _, err := w.eng.TreeChanges(w.trees, pt, wc.tree)
	if err != nil {
		return nil, fmt.Errorf("diffing commit %s: %w", wc.SHA, err)
	}
	if w.changes == nil {
		w.changes = map[int][]gitengine.Change{}
	}
	w.changes[i] = cs
	return cs, nil
}

// Touched returns, for each commit of the window (by index), the paths
// given that it changed: "dir/file" for a file, "dir/" for anything under
// a folder. It diffs only the trees along those paths, as
// `git log -- PATHS` does, so its cost grows with the commits and the
// folders named, not with the size of each commit. each, when not nil,
// is called with every commit in turn, right after its diff, while the
// trees it read are at hand, with the Window to read more of that commit
// through (Changes, Adds): the commits are read on several goroutines at
// once (windowWorkers), each with a view of w that reads through its own
// cache, so each may be called from several goroutines, one per view. It
// stops with ctx's error when ctx is done.
func (w *Window) Touched(ctx context.Context, paths []string, each func(v *Window, i int, touched []string) error) (map[int][]string, error) {
	set := gitengine.NewPathSet(paths)
	if w.trees == nil {
		w.trees = gitengine.NewTreeCache()
	}
	touched := make([][]string, len(w.Commits))
	one := func(v *Window, i int) error {
		pt, ok, err := v.parent(i)
		if err != nil || !ok {
			return err
		}
		var ts []string
		if set.Len() > 0 {
			if ts, _, err = v.eng.Touched(v.trees, pt, v.Commits[i].tree, set); err != nil {
				return fmt.Errorf("diffing commit %s: %w", v.Commits[i].SHA, err)
			}
		}
		touched[i] = ts
		if each != nil {
			return each(v, i, ts)
		}
		return nil
	}
	if err := w.parallel(ctx, one); err != nil {
		return nil, err
	}
	out := map[int][]string{}
	for i, ts := range touched {
		if len(ts) > 0 {
			out[i] = ts
		}
	}
	return out, nil
}

// windowWorkers bounds the goroutines that read a window's commits at
// once (one per core up to this): each has its own object cache
// (windowForkCache) and tree cache.
const (
	windowWorkers   = 4
	windowForkCache = 16 << 20
	// windowChunk is how many commits in a row a goroutine takes at a
	// time: a commit's parent is most often the next commit, whose trees
	// the first read leaves in the cache.
	windowChunk = 64
)

// parallel calls one for every commit of the window, on up to
// windowWorkers goroutines, each reading through its own view of w (w
// itself for the first): views read through forks of the repository.
// What the views diffed is kept in w afterwards. It stops at the first
// error, or when ctx is done.
func (w *Window) parallel(ctx context.Context, one func(v *Window, i int) error) error {
	n := len(w.Commits)
	workers := min(runtime.GOMAXPROCS(0), windowWorkers, (n+windowChunk-1)/windowChunk)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			if i%cancelEvery == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			if err := one(w, i); err != nil {
				return err
			}
		}
		return nil
	}
	views := make([]*Window, workers)
	views[0] = w
	for k := 1; k < workers; k++ {
		views[k] = &Window{Range: w.Range, Commits: w.Commits, eng: w.eng.Fork(windowForkCache), trees: gitengine.NewTreeCache()}
	}
	var next atomic.Int64
	var failed atomic.Bool
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for k, v := range views {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !failed.Load() {
				from := int(next.Add(windowChunk)) - windowChunk
				if from >= n {
					return
				}
				if err := ctx.Err(); err != nil {
					errs[k] = err
					failed.Store(true)
					return
				}
				for i := from; i < min(from+windowChunk, n); i++ {
					if err := one(v, i); err != nil {
						errs[k] = err
						failed.Store(true)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	for _, v := range views[1:] {
		for i, cs := range v.changes {
			if w.changes == nil {
				w.changes = map[int][]gitengine.Change{}
			}
			w.changes[i] = cs
		}
		v.eng.Close()
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Existed reports whether path (a file, or a folder with a trailing
// "/") was in the tree commit i was made on: its first parent's.
func (w *Window) Existed(i int, path string) (bool, error) {
	pt, ok, err := w.parent(i)
	if err != nil || !ok || pt.IsZero() {
		return false, err
	}
	if w.trees == nil {
		w.trees = gitengine.NewTreeCache()
	}
	found, err := w.eng.InTree(w.trees, pt, path)
	if gitengine.IsMissing(err) {
		return false, nil
	}
	return found, err
}

// Adds returns which of texts commit i added to a file for which file is
// true: a file it changed whose content holds the text after it and did
// not before, each file read once (the old content only when the new one
// holds a text, unless there are many texts: see textSet.added). Binary
// files and submodules are not read.
func (w *Window) Adds(i int, texts *Texts, file func(path string) bool) ([]int, error) {
	cs, err := w.rawChanges(i)
	if err != nil {
		return nil, err
	}
	var out []int
	for _, c := range cs {
		if c.To.IsZero() || !c.Text || !file(c.Path) {
			continue
		}
		after, err := w.eng.Blob(c.To)
		if gitengine.IsMissing(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if bytes.IndexByte(after, 0) >= 0 {
			continue
		}
		skip := func(t int) bool { return slices.Contains(out, t) }
		if texts.set.ac != nil {
			// Many texts: the old content is read anyway, and only what
			// changed is searched (textSet.added).
			before, err := w.eng.Blob(c.From)
			if err != nil && !gitengine.IsMissing(err) {
				return nil, err
			}
			out = append(out, texts.set.added(before, after, texts.longest, skip)...)
			continue
		}
		var before []byte
		readBefore := false
		for _, t := range texts.set.in(after, skip) {
			if !readBefore {
				readBefore = true
				if before, err = w.eng.Blob(c.From); err != nil && !gitengine.IsMissing(err) {
					return nil, err
				}
			}
			if !bytes.Contains(before, texts.set.texts[t]) {
				out = append(out, t)
			}
		}
	}
	return out, nil
}

// Texts are texts to look for in contents (Window.Adds), prepared once:
// the same Texts may be used from several goroutines.
type Texts struct {
	set     *textSet
	longest int
}

// NewTexts prepares texts for Window.Adds.
func NewTexts(texts []string) *Texts {
	t := &Texts{set: newTextSet(texts)}
	for _, s := range texts {
		t.longest = max(t.longest, len(s))
	}
	return t
}
