package history

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

// gitRepo is an opened repository with its storage kept open for speed.
type gitRepo struct {
	path    string // the work tree, or the git dir of a bare repository
	repo    *git.Repository
	storage *fastStorage
	dotgit  billy.Filesystem
	nodes   commitgraph.CommitNodeIndex
	graph   bool // the commit-graph file is used
}

// openRepo opens the repository at path or in one of its parents, as git
// does. It keeps pack files open between reads (go-git reopens them for
// every object otherwise) and uses the commit-graph file when present.
func openRepo(path string) (*gitRepo, error) {
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
	r := &gitRepo{repo: repo, storage: fs, dotgit: dot, path: dot.Root()}
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
func commitNodeIndex(dot billy.Filesystem, st storer.EncodedObjectStorer) (commitgraph.CommitNodeIndex, bool) {
	if f, err := dot.Open(filepath.Join("objects", "info", "commit-graph")); err == nil {
		data, err := io.ReadAll(f)
		f.Close()
		if err == nil {
			if idx, err := cgformat.OpenFileIndex(memFile{bytes.NewReader(data)}); err == nil {
				return commitgraph.NewGraphCommitNodeIndex(idx, st), true
			}
		}
	} else if idx, err := cgformat.OpenChainIndex(dot); err == nil {
		return commitgraph.NewGraphCommitNodeIndex(idx, st), true
	}
	return commitgraph.NewObjectCommitNodeIndex(st), false
}

// memFile is a commit-graph held in memory.
type memFile struct{ *bytes.Reader }

func (memFile) Close() error { return nil }

func (r *gitRepo) Close() error {
	err := r.storage.fast.Close()
	if err2 := r.storage.Storage.Close(); err == nil {
		err = err2
	}
	return err
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

// tips returns HEAD and every local branch, each once.
func (r *gitRepo) tips() ([]plumbing.Hash, error) {
	refs, err := r.tipRefs()
	if err != nil {
		return nil, err
	}
	out := make([]plumbing.Hash, len(refs))
	for i, t := range refs {
		out[i] = t.hash
	}
	return out, nil
}

// tipRef is a tip of history with the name warnings give it: a branch
// ("main"), or "HEAD" for a detached HEAD.
type tipRef struct {
	hash plumbing.Hash
	name string
}

// tipRefs is tips with names: HEAD first (named after its branch), then
// the other branches in name order.
func (r *gitRepo) tipRefs() ([]tipRef, error) {
	seen := map[plumbing.Hash]bool{}
	var out []tipRef
	add := func(h plumbing.Hash, name string) {
		if !h.IsZero() && !seen[h] {
			seen[h] = true
			out = append(out, tipRef{h, name})
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
	var branches []tipRef
	err = refs.ForEach(func(ref *plumbing.Reference) error {
		branches = append(branches, tipRef{ref.Hash(), ref.Name().Short()})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listing branches: %w", err)
	}
	sort.Slice(branches, func(i, j int) bool { return branches[i].name < branches[j].name })
	for _, b := range branches {
		add(b.hash, b.name)
	}
	return out, nil
}

// headFile returns the content of a file in HEAD's tree, "" when absent.
func (r *gitRepo) headFile(name string) (string, error) {
	head, err := r.repo.Head()
	if err != nil {
		return "", nil // an empty repository has no files
	}
	c, err := r.repo.CommitObject(head.Hash())
	if err != nil {
		return "", fmt.Errorf("reading commit %s: %w", head.Hash(), err)
	}
	f, err := c.File(name)
	if errors.Is(err, object.ErrFileNotFound) || errors.Is(err, object.ErrDirectoryNotFound) || isMissing(err) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("reading %s at HEAD: %w", name, err)
	}
	text, err := f.Contents()
	if isMissing(err) {
		// A bare partial clone has no blobs, not even HEAD's: read as
		// if the file were not there.
		return "", nil
	}
	return text, err
}

// name is the short name reports use: "owner/name" for a GitHub remote,
// else the folder name. webBase is the https address of the repository on
// GitHub, "" elsewhere.
func (r *gitRepo) name(hosts []string) (name, webBase string) {
	if rs := remoteRepos(r.repo, hosts); len(rs) > 0 {
		return rs[0].full, "https://" + rs[0].host + "/" + rs[0].full
	}
	base := filepath.Base(r.path)
	if base == ".git" {
		base = filepath.Base(filepath.Dir(r.path))
	}
	return strings.TrimSuffix(base, ".git"), ""
}

// LocalConfig returns the text of the repository's own config file (in the
// common git dir for a linked worktree), for callers that layer git config.
func LocalConfig(path string) (string, error) {
	dot, _, err := locate(path)
	if err != nil {
		return "", err
	}
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

// GitHubRemotes returns the "owner/name" of every remote of the repository
// at path that points at github.com or at one of extraHosts (a GitHub
// Enterprise server), origin first.
func GitHubRemotes(path string, extraHosts []string) ([]string, error) {
	dot, wt, err := locate(path)
	if err != nil {
		return nil, err
	}
	st := filesystem.NewStorage(dot, cache.NewObjectLRU(1<<20))
	defer st.Close()
	repo, err := git.Open(st, wt)
	if err != nil {
		return nil, fmt.Errorf("opening %q: %w", path, err)
	}
	var out []string
	for _, r := range remoteRepos(repo, extraHosts) {
		out = append(out, r.full)
	}
	return out, nil
}

// ghRemote is a remote on GitHub or a GitHub Enterprise server.
type ghRemote struct{ host, full string }

// remoteRepos is each GitHub remote, origin first, then the others in name
// order.
func remoteRepos(repo *git.Repository, hosts []string) []ghRemote {
	remotes, err := repo.Remotes()
	if err != nil {
		return nil // an unreadable config has no usable remotes either
	}
	sort.Slice(remotes, func(i, j int) bool {
		a, b := remotes[i].Config().Name, remotes[j].Config().Name
		return a == "origin" || b != "origin" && a < b
	})
	var out []ghRemote
	seen := map[string]bool{}
	for _, rem := range remotes {
		for _, u := range rem.Config().URLs {
			host, full, ok := parseRemote(u, hosts)
			if ok && !seen[strings.ToLower(full)] {
				seen[strings.ToLower(full)] = true
				out = append(out, ghRemote{host, full})
			}
		}
	}
	return out
}

// LocalConfigPath is the path of the repository's own config file.
func LocalConfigPath(path string) (string, error) {
	dot, _, err := locate(path)
	if err != nil {
		return "", err
	}
	return filepath.Join(commonDir(dot.Root()), "config"), nil
}

// codeowners reads the CODEOWNERS file at HEAD, where GitHub looks for it;
// nil when there is none.
func (r *gitRepo) codeowners() (*codeowners, error) {
	for _, p := range codeownersPaths {
		text, err := r.headFile(p)
		if err != nil {
			return nil, err
		}
		if text != "" {
			return parseCodeowners(text), nil
		}
	}
	return nil, nil
}
