package gitengine

import "github.com/go-git/go-git/v5/plumbing"

// FileChange is one file a commit changed, with its line counts as
// `git log --numstat` prints them with git's default rename detection.
type FileChange struct {
	Path string // the path after the commit
	// OldPath is where a renamed file came from; "" when not a rename.
	OldPath   string
	Additions int
	Deletions int
	Binary    bool // git's rules: NUL bytes, or the diff attribute unset
	// From and To are the blob ids before and after (zero for a side
	// that does not exist; From is the old path's for a rename): two commits that leave the same files with
	// the same contents made the same change, whatever their ids.
	From, To plumbing.Hash
}
