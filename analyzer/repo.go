package analyzer

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// fastStorage is go-git's filesystem storage with object reads routed
// through an ObjectStore, so that go-git's own walks (Log, commit
// decoding) get the faster pack reader too. Everything else (refs,
// config, shallow info) is go-git's.
type fastStorage struct {
	*filesystem.Storage
	fast *ObjectStore
}

func (s *fastStorage) EncodedObject(t plumbing.ObjectType, h plumbing.Hash) (plumbing.EncodedObject, error) {
	return s.fast.EncodedObject(t, h)
}

// goGitCacheBytes is the object cache of the underlying go-git storage. It
// only serves loose objects and the rare thin-pack base once packs are
// read by the ObjectStore, so it is kept small.
const goGitCacheBytes = 8 << 20

// OpenRepository opens a repository for reading history fast. dir is a
// work tree with a .git directory, or a git directory (a bare repository).
// Pass the repository's Storer to CommitFiles. Call close when done: it
// releases the pack mappings and file descriptors.
//
// The repository must not be used from several goroutines at once: the
// pack reader's cache is not locked. Linked work trees (a .git file) are
// not handled; pass their common git directory.
func OpenRepository(dir string) (repo *git.Repository, close func() error, err error) {
	gitDir := dir
	if fi, err := os.Stat(filepath.Join(dir, ".git")); err == nil && fi.IsDir() {
		gitDir = filepath.Join(dir, ".git")
	}
	st := filesystem.NewStorageWithOptions(osfs.New(gitDir), cache.NewObjectLRU(goGitCacheBytes),
		filesystem.Options{KeepDescriptors: true})
	fast, err := OpenObjectStore(gitDir, st)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	fs := &fastStorage{Storage: st, fast: fast}
	repo, err = git.Open(fs, nil)
	if err != nil {
		fast.Close()
		st.Close()
		return nil, nil, fmt.Errorf("opening repository %s: %w", gitDir, err)
	}
	close = func() error {
		err1 := fast.Close()
		err2 := st.Close()
		if err1 != nil {
			return err1
		}
		return err2
	}
	return repo, close, nil
}
