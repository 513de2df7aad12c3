package history

import (
	"path/filepath"
	"sort"
	"strings"
	"time"

	git "github.com/go-git/go-git/v5"

	"github.com/git-career/git-career/internal/gitengine"
)

// ErrNotRepository is returned for a path that holds no git repository.
var ErrNotRepository = gitengine.ErrNotRepository

// Repo is one repository, opened once for a whole run: its config, its
// remotes, its people and its history are all read through it.
//
// A Repo must not be used from several goroutines at once.
type Repo struct {
	eng *gitengine.Repo
}

// Open opens the repository at path or in one of its parents, as git
// does (a work tree, a folder in one, a git dir, a linked worktree).
func Open(path string) (*Repo, error) {
	eng, err := gitengine.Open(path)
	if err != nil {
		return nil, err
	}
	return &Repo{eng: eng}, nil
}

// Close releases the pack mappings and file descriptors.
func (r *Repo) Close() error { return r.eng.Close() }

// Path is the work tree, or the git dir of a bare repository.
func (r *Repo) Path() string { return r.eng.Path() }

// ID is the same for every path that names one repository: a work tree,
// a folder in it, its git dir and its linked worktrees.
func (r *Repo) ID() string { return r.eng.GitDir() }

// LocalConfig is the text of the repository's own config file, "" when it
// has none.
func (r *Repo) LocalConfig() (string, error) { return r.eng.LocalConfig() }

// LocalConfigPath is the path of the repository's own config file.
func (r *Repo) LocalConfigPath() string { return r.eng.LocalConfigPath() }

// Config is git's configuration for this repository, layered as git
// layers it (see LoadConfig).
func (r *Repo) Config(getenv func(string) string) (*Config, error) {
	local, err := r.LocalConfig()
	if err != nil {
		return nil, err
	}
	return LoadConfig(getenv, local)
}

// GitHubRemotes returns the "owner/name" of every remote that points at
// github.com or at one of extraHosts (a GitHub Enterprise server), origin
// first.
func (r *Repo) GitHubRemotes(extraHosts []string) []string {
	var out []string
	for _, rm := range remoteRepos(r.eng.Git(), extraHosts) {
		out = append(out, rm.full)
	}
	return out
}

// Name is the short name reports use: "owner/name" for a GitHub remote,
// else the folder name. webBase is the https address of the repository on
// GitHub, "" elsewhere.
func (r *Repo) Name(hosts []string) (name, webBase string) {
	if rs := remoteRepos(r.eng.Git(), hosts); len(rs) > 0 {
		return rs[0].full, "https://" + rs[0].host + "/" + rs[0].full
	}
	base := filepath.Base(r.Path())
	if base == ".git" {
		base = filepath.Base(filepath.Dir(r.Path()))
	}
	return strings.TrimSuffix(base, ".git"), ""
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

// codeowners reads the CODEOWNERS file at HEAD, where GitHub looks for it;
// nil when there is none.
func (r *Repo) codeowners() (*codeowners, error) {
	for _, p := range codeownersPaths {
		text, err := r.eng.HeadFile(p)
		if err != nil {
			return nil, err
		}
		if text != "" {
			return parseCodeowners(text), nil
		}
	}
	return nil, nil
}

// GoModule is the module path the go.mod at HEAD declares, "" when there
// is none: how other packages import one of the module's.
func (r *Repo) GoModule() (string, error) {
	text, err := r.eng.HeadFile("go.mod")
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(text, "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "module"); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			return strings.Trim(strings.TrimSpace(rest), `"`), nil
		}
	}
	return "", nil
}

// Newest is the latest committer date among the tips of history (zero in
// an empty repository).
func (r *Repo) Newest() (time.Time, error) {
	tips, err := r.eng.Tips()
	if err != nil {
		return time.Time{}, err
	}
	var newest time.Time
	for _, t := range tips {
		n, err := r.eng.Nodes().Get(t.Hash)
		if err != nil {
			continue
		}
		if ct := n.CommitTime(); ct.After(newest) {
			newest = ct
		}
	}
	return newest, nil
}
