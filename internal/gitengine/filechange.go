package gitengine

// FileChange is one file a commit changed, with its line counts as
// `git log --numstat` prints them.
type FileChange struct {
	Path      string
	Additions int
	Deletions int
	Binary    bool // git's rules: NUL bytes, or the diff attribute unset
}
