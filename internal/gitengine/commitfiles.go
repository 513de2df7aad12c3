package gitengine

import (
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// commitFilesStrict lists what c changed against its first parent (against the
// empty tree for a root commit) with the line counts `git log --numstat`
// prints with git's defaults (renames detected), in git's order. Given the
// Storer of a repository from openFast, it heeds the repository's
// attributes (see gitAttrs) as git does. When objects it needs are not in
// the repository, it returns what it could read and an error wrapping
// errCountsUnknown.
func commitFilesStrict(s storer.EncodedObjectStorer, c *object.Commit) ([]FileChange, error) {
	var attrs *gitAttrs
	if fs, ok := s.(*fastStorage); ok {
		attrs = fs.attrs
	}
	files, unknown, err := commitFiles(s, c, attrs)
	if err == nil && unknown {
		err = fmt.Errorf("commit %s: %w", c.Hash, errCountsUnknown)
	}
	return files, err
}

// errCountsUnknown is commitFilesStrict's error for a commit whose trees or blobs
// are not all in the repository.
var errCountsUnknown = errors.New("objects missing: line counts unknown")

// commitFiles is commitFilesStrict that survives missing objects: unknown is
// true when a tree or blob the diff needs is not in the repository (a
// partial clone, a broken branch). The files are then those under the
// trees that are there, and a file whose blob is missing counts no lines.
// A missing parent commit leaves nothing to compare with: no files.
func commitFiles(s storer.EncodedObjectStorer, c *object.Commit, attrs *gitAttrs) (files []FileChange, unknown bool, err error) {
	changes, unknown, err := commitChanges(s, c, plumbing.ZeroHash, false)
	if err != nil {
		return nil, false, err
	}
	files, blobsMissing, err := countChanges(s, c, changes, attrs)
	return files, unknown || blobsMissing, err
}

// commitChanges is the first half of commitFiles: the paths c changed.
// unknown is true when a tree or the parent commit is missing. When
// parentKnown, parentTree is the first parent's tree, which the walk has
// already decoded: reading the parent commit again here was a tenth of the
// tree diffs' time.
func commitChanges(s storer.EncodedObjectStorer, c *object.Commit, parentTree plumbing.Hash, parentKnown bool) (changes []treeChange, unknown bool, err error) {
	if len(c.ParentHashes) > 0 && !parentKnown {
		parentTree, err = commitTree(s, c.ParentHashes[0])
		if IsMissing(err) {
			return nil, true, nil
		}
		if err != nil {
			return nil, false, fmt.Errorf("reading commit %s, parent of %s: %w", c.ParentHashes[0], c.Hash, err)
		}
	}
	changes, unknown, err = diffTrees(s, parentTree, c.TreeHash)
	if err != nil {
		return nil, false, fmt.Errorf("diffing commit %s: %w", c.Hash, err)
	}
	return changes, unknown, nil
}

// countChanges is the second half of commitFiles: renames found (see
// findRenames), then the line counts of the changed paths. unknown is
// true when a blob is missing.
func countChanges(s storer.EncodedObjectStorer, c *object.Commit, changes []treeChange, attrs *gitAttrs) (files []FileChange, unknown bool, err error) {
	changes, blobs, err := findRenames(s, changes, attrs)
	if err != nil {
		return nil, false, fmt.Errorf("finding renames in commit %s: %w", c.Hash, err)
	}
	files = make([]FileChange, 0, len(changes))
	for _, ch := range changes {
		fc, err := countChange(s, ch, attrs, blobs)
		if IsMissing(err) {
			unknown = true
			fc = FileChange{Path: ch.Path, OldPath: ch.OldPath, From: ch.From.Hash, To: ch.To.Hash}
		} else if err != nil {
			return nil, false, fmt.Errorf("diffing commit %s: %w", c.Hash, err)
		}
		files = append(files, fc)
	}
	return files, unknown, nil
}

// countChange computes the numstat line of one changed path (of a rename,
// from its old path). blobs holds contents already read, by blob id; it
// may be nil.
func countChange(s storer.EncodedObjectStorer, ch treeChange, attrs *gitAttrs, blobs map[plumbing.Hash][]byte) (FileChange, error) {
	fc := FileChange{Path: ch.Path, OldPath: ch.OldPath, From: ch.From.Hash, To: ch.To.Hash}
	oldPath := ch.Path
	if ch.OldPath != "" {
		oldPath = ch.OldPath
	}
	a, err := sideContent(s, ch.From, blobs)
	if err != nil {
		return fc, err
	}
	// Each side is binary or not by the attributes of its own path.
	attrA := sideAttr(attrs, ch.From, oldPath)
	attrB := attrA
	if oldPath != ch.Path || isRegularMode(ch.From.Mode) != isRegularMode(ch.To.Mode) {
		attrB = sideAttr(attrs, ch.To, ch.Path)
	}
	if ch.From.Hash == ch.To.Hash {
		// The same contents (a mode change, a pure rename): git counts
		// no lines, but still reports a binary file as binary.
		fc.Binary = sideBinary(ch.From, a, attrA) || sideBinary(ch.To, a, attrB)
		return fc, nil
	}
	b, err := sideContent(s, ch.To, blobs)
	if err != nil {
		return fc, err
	}
	if sideBinary(ch.From, a, attrA) || sideBinary(ch.To, b, attrB) {
		fc.Binary = true
		return fc, nil
	}
	fc.Additions, fc.Deletions = countText(a, b)
	return fc, nil
}

// sideAttr is the "diff" attribute that applies to one side of a change
// found at path: the attribute drives regular files only.
func sideAttr(attrs *gitAttrs, side treeSide, path string) diffAttr {
	if !side.exists() || !isRegularMode(side.Mode) {
		return diffSniff
	}
	return attrs.diff(path)
}

// bigFileThreshold is git's core.bigFileThreshold default: a bigger blob
// is binary without being looked at.
const bigFileThreshold = 512 << 20

// sideBinary is git's diff_filespec_is_binary for one side: the "diff"
// attribute decides for a regular file where it is set or unset (the
// attribute drives no symlink or submodule), else a NUL in the first
// bytes does. An absent side is not binary.
func sideBinary(side treeSide, data []byte, attr diffAttr) bool {
	if !side.exists() {
		return false
	}
	if isRegularMode(side.Mode) {
		switch attr {
		case diffText:
			return false
		case diffBinary:
			return true
		}
	}
	return len(data) > bigFileThreshold || isBinary(data)
}

// sideContent is the text git diffs for one side of a change: the blob's
// bytes (from blobs when there) (a symlink's target is its blob), nothing for an absent side, and
// for a submodule the line "Subproject commit <hash>", which is why git
// counts a submodule update as one line added and one deleted.
func sideContent(s storer.EncodedObjectStorer, side treeSide, blobs map[plumbing.Hash][]byte) ([]byte, error) {
	if !side.exists() {
		return nil, nil
	}
	if side.Mode == filemode.Submodule {
		return []byte("Subproject commit " + side.Hash.String() + "\n"), nil
	}
	if data, ok := blobs[side.Hash]; ok {
		return data, nil
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

// isRegularMode reports whether a tree entry is a regular file, executable
// or not.
func isRegularMode(m filemode.FileMode) bool { return m&0o170000 == 0o100000 }
