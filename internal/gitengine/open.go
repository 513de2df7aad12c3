package gitengine

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-billy/v5"
	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	cgformat "github.com/go-git/go-git/v5/plumbing/format/commitgraph/v2"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/object/commitgraph"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// ErrNotRepository is returned for a path that holds no git repository.
var ErrNotRepository = errors.New("not a git repository")

// Repo is an opened repository with its storage kept open for speed.
type Repo struct {
	path    string // the work tree, or the git dir of a bare repository
	repo    *git.Repository
	storage *fastStorage
	dotgit  billy.Filesystem
	nodes   commitgraph.CommitNodeIndex
	graph   bool // the commit-graph file is used
	bare    bool
	forked  bool // a Fork: Close drops its cache only
}

// Open opens the repository at path or in one of its parents, as git
// does. It keeps pack files open between reads (go-git reopens them for
// every object otherwise) and uses the commit-graph file when present.
func Open(path string) (*Repo, error) {
	dot, wt, err := locate(path)
	if err != nil {
		return nil, err
	}
	// go-git's storage keeps refs, config and the shallow list; objects come
	// from the pack reader (objects.go), the measured bottleneck otherwise.
	st := filesystem.NewStorageWithOptions(dot, cache.NewObjectLRU(goGitCacheBytes), filesystem.Options{KeepDescriptors: true})
	fast, err := openObjectStore(commonDir(dot.Root()), st)
	if err != nil {
		st.Close()
		return nil, fmt.Errorf("opening %q: %w", path, err)
	}
	fs := &fastStorage{Storage: st, fast: fast, attrs: repoAttrs(dot, wt)}
	repo, err := git.Open(fs, wt)
	if err != nil {
		fast.Close()
		st.Close()
		return nil, fmt.Errorf("opening %q: %w", path, err)
	}
	r := &Repo{repo: repo, storage: fs, dotgit: dot, path: dot.Root(), bare: wt == nil}
	if wt != nil {
		r.path = wt.Root()
	}
	r.nodes, r.graph = commitNodeIndex(dot, fs)
	return r, nil
}

// locate finds the git dir of the repository at path or in one of its
// parents, as git does, and its work tree (nil for a bare repository).
// go-git's PlainOpen does the finding (.git folders, .git files, the
// commondir of linked worktrees); a folder that is itself a git dir (a bare
// repository) is used as it is, as in git, before looking in parents.
func locate(path string) (dot, wt billy.Filesystem, err error) {
	// A path that is not there at all is a typo, not a folder that lacks a
	// repository: say which, as git -C does.
	if fi, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fmt.Errorf("%q: no such directory", path)
	} else if err == nil && !fi.IsDir() {
		return nil, nil, fmt.Errorf("%q: not a directory", path)
	}
	probe, err := git.PlainOpenWithOptions(path, &git.PlainOpenOptions{DetectDotGit: !isGitDir(path), EnableDotGitCommonDir: true})
	if errors.Is(err, git.ErrRepositoryNotExists) {
		return nil, nil, fmt.Errorf("%q: %w", path, ErrNotRepository)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("opening %q: %w", path, err)
	}
	fsStorage, ok := probe.Storer.(*filesystem.Storage)
	if !ok {
		return nil, nil, fmt.Errorf("opening %q: unexpected storage %T", path, probe.Storer)
	}
	if w, err := probe.Worktree(); err == nil {
		wt = w.Filesystem
	}
	return fsStorage.Filesystem(), wt, nil
}

// repoAttrs reads the attributes git's diff uses in this repository: the
// work tree's .gitattributes files (read when needed) and info/attributes.
func repoAttrs(dot, wt billy.Filesystem) *gitAttrs {
	// A missing or unreadable file has no rules, as in git.
	info, _ := os.ReadFile(filepath.Join(commonDir(dot.Root()), "info", "attributes"))
	var read func(string) ([]byte, bool)
	if wt != nil {
		read = func(name string) ([]byte, bool) {
			// git ignores a .gitattributes that is a symlink.
			if fi, err := wt.Lstat(name); err != nil || !fi.Mode().IsRegular() {
				return nil, false
			}
			f, err := wt.Open(name)
			if err != nil {
				return nil, false
			}
			defer f.Close()
			b, err := io.ReadAll(f)
			return b, err == nil
		}
	}
	return newGitAttrs(string(info), read)
}

// commitNodeIndex reads the commit-graph into memory when there is one (a
// read per field from the file was 2.5x slower), else falls back to objects.
// Either way commits are decoded by decodeCommit.
func commitNodeIndex(dot billy.Filesystem, st storer.EncodedObjectStorer) (commitgraph.CommitNodeIndex, bool) {
	if f, err := dot.Open(filepath.Join("objects", "info", "commit-graph")); err == nil {
		data, err := io.ReadAll(f)
		f.Close()
		if err == nil {
			if idx, err := cgformat.OpenFileIndex(memFile{bytes.NewReader(data)}); err == nil {
				return &graphNodes{idx, &objectNodes{st}}, true
			}
		}
	} else if idx, err := cgformat.OpenChainIndex(dot); err == nil {
		return &graphNodes{idx, &objectNodes{st}}, true
	}
	return &objectNodes{st}, false
}

// memFile is a commit-graph held in memory.
type memFile struct{ *bytes.Reader }

func (memFile) Close() error { return nil }

func (r *Repo) Close() error {
	if r.forked {
		return r.storage.fast.Close()
	}
	err := r.storage.fast.Close()
	if err2 := r.storage.Storage.Close(); err == nil {
		err = err2
	}
	return err
}

// Fork returns a Repo that reads objects through its own cache of
// cacheBytes and its own inflater over the same pack mappings, for
// reading on another goroutine while r is read (r and each fork on one
// goroutine each). Only object reads (Blob, TreeChanges, Touched,
// InTree, ParentTree) are for use on a fork. Close the fork when done,
// before r.
func (r *Repo) Fork(cacheBytes int) *Repo {
	f := *r
	f.storage = &fastStorage{Storage: r.storage.Storage, fast: r.storage.fast.fork(cacheBytes), attrs: r.storage.attrs}
	f.forked = true
	return &f
}

// isGitDir reports whether dir looks like a git directory: HEAD, objects
// and refs, as git's own discovery checks.
func isGitDir(dir string) bool {
	for _, name := range []string{"HEAD", "objects", "refs"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			return false
		}
	}
	return true
}

// commonDir is where a git dir keeps its objects: the git dir itself, or
// for a linked worktree the main repository's, named in its commondir file.
func commonDir(gitDir string) string {
	b, err := os.ReadFile(filepath.Join(gitDir, "commondir"))
	if err != nil {
		return gitDir
	}
	c := strings.TrimSpace(string(b))
	if !filepath.IsAbs(c) {
		c = filepath.Join(gitDir, c)
	}
	return c
}

// Path is the work tree of the repository, or its git dir when it is
// bare.
func (r *Repo) Path() string { return r.path }

// GitDir is where the repository keeps its objects (the main repository's
// git dir for a linked worktree): two paths with the same GitDir are one
// repository.
func (r *Repo) GitDir() string { return commonDir(r.dotgit.Root()) }

// Git is go-git's view of the repository: refs, config, remotes.
func (r *Repo) Git() *git.Repository { return r.repo }

// Objects reads objects through the fast pack reader. Like the Repo, it
// must not be used from several goroutines at once.
func (r *Repo) Objects() storer.EncodedObjectStorer { return r.storage }

// Nodes is the commit graph: the commit-graph file when there is one
// (Graph reports which), else the commit objects.
func (r *Repo) Nodes() commitgraph.CommitNodeIndex { return r.nodes }

// Graph reports whether the commit-graph file is used: without it, a
// node holds its decoded commit; with it, Commit() decodes again.
func (r *Repo) Graph() bool { return r.graph }

// Shallow is the set of commits whose parents a shallow clone lacks.
func (r *Repo) Shallow() (map[plumbing.Hash]bool, error) {
	list, err := r.storage.Shallow()
	if err != nil {
		return nil, fmt.Errorf("reading shallow file of %q: %w", r.path, err)
	}
	out := map[plumbing.Hash]bool{}
	for _, h := range list {
		out[h] = true
	}
	return out, nil
}

// StartDiffs starts diffing commits beside the walk (see Diffs), with the
// object caches split between the walk and the two diff stages.
func (r *Repo) StartDiffs() *Diffs {
	r.storage.fast.setCacheLimit(walkCacheBytes)
	return startDiffs(r.storage.fast.fork(treeCacheBytes).recycling(), r.storage.fast.fork(blobCacheBytes).recycling(), r.storage.attrs)
}

// Tip is a tip of history with the name warnings give it: a branch
// ("main"), or "HEAD" for a detached HEAD.
type Tip struct {
	Hash plumbing.Hash
	Name string
}

// Tips is tips with names: HEAD first (named after its branch), then
// the other branches in name order.
func (r *Repo) Tips() ([]Tip, error) {
	seen := map[plumbing.Hash]bool{}
	var out []Tip
	add := func(h plumbing.Hash, name string) {
		if !h.IsZero() && !seen[h] {
			seen[h] = true
			out = append(out, Tip{h, name})
		}
	}
	if head, err := r.repo.Head(); err == nil {
		name := "HEAD"
		if head.Name().IsBranch() {
			name = head.Name().Short()
		}
		add(head.Hash(), name)
	} else if !errors.Is(err, plumbing.ErrReferenceNotFound) {
		return nil, fmt.Errorf("reading HEAD: %w", err)
	}
	refs, err := r.repo.Branches()
	if err != nil {
		return nil, fmt.Errorf("listing branches: %w", err)
	}
	var branches []Tip
	err = refs.ForEach(func(ref *plumbing.Reference) error {
		branches = append(branches, Tip{ref.Hash(), ref.Name().Short()})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listing branches: %w", err)
	}
	sort.Slice(branches, func(i, j int) bool { return branches[i].Name < branches[j].Name })
	for _, b := range branches {
		add(b.Hash, b.Name)
	}
	return out, nil
}

// headFile returns the content of a file in HEAD's tree, "" when absent.
func (r *Repo) HeadFile(name string) (string, error) {
	head, err := r.repo.Head()
	if err != nil {
		return "", nil // an empty repository has no files
	}
	c, err := r.repo.CommitObject(head.Hash())
	if err != nil {
		return "", fmt.Errorf("reading commit %s: %w", head.Hash(), err)
	}
	f, err := c.File(name)
	if errors.Is(err, object.ErrFileNotFound) || errors.Is(err, object.ErrDirectoryNotFound) || IsMissing(err) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("reading %s at HEAD: %w", name, err)
	}
	text, err := f.Contents()
	if IsMissing(err) {
		// A bare partial clone has no blobs, not even HEAD's: read as
		// if the file were not there.
		return "", nil
	}
	return text, err
}

// LocalConfig returns the text of the repository's own config file (in the
// common git dir for a linked worktree), for callers that layer git config.
func (r *Repo) LocalConfig() (string, error) {
	dot := r.dotgit
	f, err := dot.Open("config")
	if err != nil {
		return "", nil // a repository may have no config file
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		return "", fmt.Errorf("reading config of %q: %w", dot.Root(), err)
	}
	return string(b), nil
}

// LocalConfigPath is the path of the repository's own config file.
func (r *Repo) LocalConfigPath() string {
	return filepath.Join(r.GitDir(), "config")
}

// Promisor reports whether the repository is a partial clone, with the
// remote that promises the missing objects and the filter it was cloned
// with.
func (r *Repo) Promisor() (remote, filter string, ok bool) {
	cfg, err := r.repo.Config()
	if err != nil {
		return "", "", false
	}
	var names []string
	for _, sub := range cfg.Raw.Section("remote").Subsections {
		if strings.EqualFold(sub.Option("promisor"), "true") || sub.Option("partialclonefilter") != "" {
			names = append(names, sub.Name)
		}
	}
	if len(names) == 0 {
		if ext := cfg.Raw.Section("extensions").Option("partialclone"); ext != "" {
			names = append(names, ext)
		}
	}
	if len(names) == 0 {
		return "", "", false
	}
	sort.Strings(names)
	remote = names[0]
	for _, n := range names {
		if n == "origin" {
			remote = n
		}
	}
	filter = cfg.Raw.Section("remote").Subsection(remote).Option("partialclonefilter")
	if filter == "" {
		filter = "..."
	}
	return remote, filter, true
}

// AnnotatedTag is an annotated tag: its name, who made it and when.
type AnnotatedTag struct {
	Name        string
	TaggerName  string
	TaggerEmail string
	When        time.Time
}

// AnnotatedTags lists the repository's annotated tags (lightweight tags,
// which record no tagger, are left out), in name order.
func (r *Repo) AnnotatedTags() ([]AnnotatedTag, error) {
	refs, err := r.repo.Tags()
	if err != nil {
		return nil, fmt.Errorf("listing tags: %w", err)
	}
	var out []AnnotatedTag
	err = refs.ForEach(func(ref *plumbing.Reference) error {
		// Through the engine's own object store: go-git's reads each
		// object through its packfile parser, ten times slower.
		o, err := r.storage.EncodedObject(plumbing.TagObject, ref.Hash())
		if err != nil {
			return nil // lightweight, or its object is missing
		}
		t, err := object.DecodeTag(r.storage, o)
		if err != nil {
			return nil
		}
		out = append(out, AnnotatedTag{Name: ref.Name().Short(), TaggerName: t.Tagger.Name, TaggerEmail: t.Tagger.Email, When: t.Tagger.When})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listing tags: %w", err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}
