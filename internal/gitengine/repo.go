package gitengine

import (
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// fastStorage is go-git's filesystem storage with object reads routed
// through an objectStore, so that go-git's own walks (Log, commit
// decoding) get the faster pack reader too. Everything else (refs,
// config, shallow info) is go-git's.
type fastStorage struct {
	*filesystem.Storage
	fast  *objectStore
	attrs *gitAttrs // the attributes git's diff would use
}

func (s *fastStorage) EncodedObject(t plumbing.ObjectType, h plumbing.Hash) (plumbing.EncodedObject, error) {
	return s.fast.EncodedObject(t, h)
}

// goGitCacheBytes is the object cache of the underlying go-git storage. It
// only serves loose objects and the rare thin-pack base once packs are
// read by the objectStore, so it is kept small.
const goGitCacheBytes = 8 << 20

// openFast opens a repository for reading history fast: path is a
// work tree, a folder inside one, or a git directory. Pass the repository's
// Storer to commitFilesStrict. Call close when done: it releases the pack
// mappings and file descriptors.
//
// The repository must not be used from several goroutines at once: the
// pack reader's cache is not locked.
func openFast(path string) (repo *git.Repository, close func() error, err error) {
	r, err := Open(path)
	if err != nil {
		return nil, nil, err
	}
	return r.repo, r.Close, nil
}
