package history

import (
	"encoding/hex"
	"errors"
	"fmt"
	"github.com/git-career/git-career/analyzer/work"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// CommitFiles lists what c changed against its first parent (against the
// empty tree for a root commit) with the line counts
// `git log --numstat --no-renames` prints, in git's order.
func CommitFiles(s storer.EncodedObjectStorer, c *object.Commit) ([]work.FileChange, error) {
	return commitFiles(s, c)
}

func commitFiles(s storer.EncodedObjectStorer, c *object.Commit) ([]work.FileChange, error) {
	var parentTree plumbing.Hash
	if len(c.ParentHashes) > 0 {
		var err error
		parentTree, err = commitTree(s, c.ParentHashes[0])
		if err != nil {
			return nil, fmt.Errorf("reading commit %s, parent of %s: %w", c.ParentHashes[0], c.Hash, err)
		}
	}
	changes, err := diffTrees(s, parentTree, c.TreeHash)
	if err != nil {
		return nil, fmt.Errorf("diffing commit %s: %w", c.Hash, err)
	}
	files := make([]work.FileChange, 0, len(changes))
	for _, ch := range changes {
		fc, err := countChange(s, ch)
		if err != nil {
			return nil, fmt.Errorf("diffing commit %s: %w", c.Hash, err)
		}
		files = append(files, fc)
	}
	return files, nil
}

// countChange computes the numstat line of one changed path.
func countChange(s storer.EncodedObjectStorer, ch treeChange) (work.FileChange, error) {
	fc := work.FileChange{Path: ch.Path}
	a, err := sideContent(s, ch.From)
	if err != nil {
		return fc, err
	}
	if ch.From.Hash == ch.To.Hash {
		// A mode change alone: git counts no lines, but still reports a
		// binary file as binary.
		fc.Binary = isBinary(a)
		return fc, nil
	}
	b, err := sideContent(s, ch.To)
	if err != nil {
		return fc, err
	}
	fc.Additions, fc.Deletions, fc.Binary = countLines(a, b)
	return fc, nil
}

// sideContent is the text git diffs for one side of a change: the blob's
// bytes (a symlink's target is its blob), nothing for an absent side, and
// for a submodule the line "Subproject commit <hash>", which is why git
// counts a submodule update as one line added and one deleted.
func sideContent(s storer.EncodedObjectStorer, side treeSide) ([]byte, error) {
	if !side.exists() {
		return nil, nil
	}
	if side.Mode == filemode.Submodule {
		return []byte("Subproject commit " + side.Hash.String() + "\n"), nil
	}
	data, err := readObject(s, plumbing.BlobObject, side.Hash)
	if err != nil {
		return nil, fmt.Errorf("reading blob %s: %w", side.Hash, err)
	}
	return data, nil
}

// commitTree returns the tree of commit h. Only the first header line is
// parsed: decoding the whole commit (message, signatures) is wasted here.
func commitTree(s storer.EncodedObjectStorer, h plumbing.Hash) (plumbing.Hash, error) {
	data, err := readObject(s, plumbing.CommitObject, h)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	const prefix = "tree "
	if len(data) < len(prefix)+40 || string(data[:len(prefix)]) != prefix {
		return plumbing.ZeroHash, errors.New("commit does not start with a tree line")
	}
	var t plumbing.Hash
	if _, err := hex.Decode(t[:], data[len(prefix):len(prefix)+40]); err != nil {
		return plumbing.ZeroHash, fmt.Errorf("commit has a malformed tree hash: %w", err)
	}
	return t, nil
}
