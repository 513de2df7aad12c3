package gitengine

import (
	"encoding/hex"
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
)

// Change is one path a commit changed, without line counts: From and To
// are the blob ids before and after, zero for a side that does not exist
// (a file added or deleted).
type Change struct {
	Path     string
	From, To plumbing.Hash
	// Text is true when both sides that exist are regular files or
	// symlinks, whose blobs can be read as text (not a submodule).
	Text bool
}

// Blob returns the content of a blob, which the caller must not modify;
// nil for the zero hash. A blob not in the repository gives an error for
// which IsMissing is true.
func (r *Repo) Blob(h plumbing.Hash) ([]byte, error) {
	if h.IsZero() {
		return nil, nil
	}
	data, err := readObject(r.storage, plumbing.BlobObject, h)
	if err != nil {
		return nil, fmt.Errorf("reading blob %s: %w", h, err)
	}
	return data, nil
}

// TreeChanges lists the paths that differ between trees a and b (either
// may be the zero hash, the empty tree), in git's order, without reading
// a blob, reading trees through tc (nil for none). unknown is true when a
// tree is not in the repository.
func (r *Repo) TreeChanges(tc *TreeCache, a, b plumbing.Hash) (changes []Change, unknown bool, err error) {
	tcs, unknown, err := diffTreesCached(r.storage, tc, a, b)
	if err != nil {
		return nil, false, err
	}
	out := make([]Change, len(tcs))
	for i, tc := range tcs {
		out[i] = Change{Path: tc.Path, From: tc.From.Hash, To: tc.To.Hash,
			Text: tc.From.Mode != filemode.Submodule && tc.To.Mode != filemode.Submodule}
	}
	return out, unknown, nil
}

// ParentTree is the tree of commit h's first parent, the zero hash for a
// root commit. Only the commits' headers are parsed.
func (r *Repo) ParentTree(h plumbing.Hash) (plumbing.Hash, error) {
	data, err := readObject(r.storage, plumbing.CommitObject, h)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	// "tree <40>\n" then "parent <40>\n" lines, if any.
	const treeLine = len("tree ") + 40 + 1
	const prefix = "parent "
	if len(data) < treeLine+len(prefix)+40 || string(data[treeLine:treeLine+len(prefix)]) != prefix {
		return plumbing.ZeroHash, nil
	}
	var p plumbing.Hash
	if _, err := hex.Decode(p[:], data[treeLine+len(prefix):treeLine+len(prefix)+40]); err != nil {
		return plumbing.ZeroHash, fmt.Errorf("commit %s has a malformed parent: %w", h, err)
	}
	return commitTree(r.storage, p)
}

// FullCache gives the object cache back the budget the walk had before
// StartDiffs split it among the stages, halved: reads after the walk,
// such as a window's, go through it and through forks of their own, and
// the heap they all share is held near 200 MiB (a window over a long
// history thrashed the collector with 64 MiB here and 24 MiB per fork).
func (r *Repo) FullCache() { r.storage.fast.setCacheLimit(deltaCacheBytes / 2) }
