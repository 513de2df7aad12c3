// Package gittest builds scratch git repositories for tests, driven by the
// git CLI in an environment cut off from the user's configuration, so tests
// give the same hashes and output on every machine. Tests may shell out to
// git; the product never does, and never imports this package.
package gittest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/git-career/git-career/analyzer/work"
)

// Special contents for Repo.commit's files map.
const (
	// Delete removes the path (a file, symlink or whole directory).
	Delete = "\x00delete"
	// Symlink makes the path a symlink to what follows the prefix.
	Symlink = "\x00symlink:"
	// Exec writes what follows with mode 755.
	Exec = "\x00exec:"
)

// Default identity of commits made by a Repo.
const (
	authorName  = "Ada Lovelace"
	AuthorEmail = "ada@example.com"
)

// Repo is a scratch repository; Dir is its work tree (the git
// directory is Dir/.git).
type Repo struct {
	t   testing.TB
	Dir string
	env []string
	n   int // commits made, for default dates
}

// New creates an empty repository with branch "main" in a temp
// directory. The environment pins HOME, ignores system and global config,
// and fixes identity, time zone and locale.
func New(t testing.TB) *Repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	home := t.TempDir()
	dir := t.TempDir()
	var env []string
	for _, kv := range os.Environ() {
		// Any GIT_ variable of the caller (GIT_DIR in a hook, say) would
		// point git elsewhere.
		if !strings.HasPrefix(kv, "GIT_") {
			env = append(env, kv)
		}
	}
	env = append(env,
		"HOME="+home,
		"XDG_CONFIG_HOME="+home,
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_CONFIG_GLOBAL=/dev/null",
		"GIT_AUTHOR_NAME="+authorName,
		"GIT_AUTHOR_EMAIL="+AuthorEmail,
		"GIT_COMMITTER_NAME="+authorName,
		"GIT_COMMITTER_EMAIL="+AuthorEmail,
		"TZ=UTC",
		"LC_ALL=C",
	)
	r := &Repo{t: t, Dir: dir, env: env}
	r.Run("init", "-q", "-b", "main")
	// Keep the tests independent of how this git was built.
	r.Run("config", "core.autocrlf", "false")
	r.Run("config", "core.symlinks", "true")
	r.Run("config", "commit.gpgsign", "false")
	return r
}

// Run runs git in the repository and returns its standard output; it fails
// the test if git fails.
func (r *Repo) Run(args ...string) string {
	r.t.Helper()
	return r.RunEnv(nil, args...)
}

// RunEnv is Run with extra environment variables.
func (r *Repo) RunEnv(extra []string, args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = r.Dir
	cmd.Env = append(append([]string(nil), r.env...), extra...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}

// Write applies a files map to the work tree: see Delete,
// Symlink and Exec; other contents are written as regular
// files, creating directories as needed (and replacing a file that stood
// where a directory is needed, or the reverse).
func (r *Repo) Write(files map[string]string) {
	r.t.Helper()
	// Deletions first, so that {"a": Delete, "a/b": "x"} swaps a file
	// for a directory whatever the map order.
	for p, c := range files {
		if c == Delete {
			if err := os.RemoveAll(filepath.Join(r.Dir, p)); err != nil {
				r.t.Fatal(err)
			}
		}
	}
	for p, c := range files {
		if c == Delete {
			continue
		}
		full := filepath.Join(r.Dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.RemoveAll(full); err != nil {
			r.t.Fatal(err)
		}
		var err error
		switch {
		case strings.HasPrefix(c, Symlink):
			err = os.Symlink(strings.TrimPrefix(c, Symlink), full)
		case strings.HasPrefix(c, Exec):
			err = os.WriteFile(full, []byte(strings.TrimPrefix(c, Exec)), 0o755)
		default:
			err = os.WriteFile(full, []byte(c), 0o644)
		}
		if err != nil {
			r.t.Fatal(err)
		}
	}
}

// CommitOpts are the optional parts of a commit.
type CommitOpts struct {
	Author    string // "Name <email>"; default the test author
	Committer string // "Name <email>"; default the test author
	Date      string // author date, and committer date unless CommitterDate is set; default one hour after the previous commit
	// CommitterDate, when set, differs from the author date, as after a
	// rebase or cherry-pick.
	CommitterDate string
	Body          string   // text after the subject line
	Coauthors     []string // "Name <email>", added as Co-authored-by trailers
	AllowEmpty    bool
	// StagedOnly commits the index as it is instead of staging the whole
	// work tree (which would drop entries like gitlinks that have no
	// checkout).
	StagedOnly bool
}

// Commit applies files (see write), stages everything and commits it with
// the given date (any form git accepts; "" for the default). It returns the
// new commit's hash.
func (r *Repo) Commit(msg string, files map[string]string, date string) string {
	r.t.Helper()
	return r.CommitWith(msg, files, CommitOpts{Date: date})
}

// CommitWith is Commit with authors, body and trailers.
func (r *Repo) CommitWith(msg string, files map[string]string, o CommitOpts) string {
	r.t.Helper()
	r.Write(files)
	if !o.StagedOnly {
		r.Run("add", "-A")
	}
	full := msg
	if o.Body != "" {
		full += "\n\n" + o.Body
	}
	if len(o.Coauthors) > 0 {
		full += "\n"
		if o.Body == "" {
			full += "\n"
		}
		for _, c := range o.Coauthors {
			full += "\nCo-authored-by: " + c
		}
	}
	args := []string{"commit", "-q", "--no-verify", "-m", full}
	if o.AllowEmpty {
		args = append(args, "--allow-empty")
	}
	r.RunEnv(r.identityEnv(o), args...)
	return r.Head()
}

// identityEnv turns o into the GIT_* variables git reads identity and
// dates from.
func (r *Repo) identityEnv(o CommitOpts) []string {
	r.n++
	date := o.Date
	if date == "" {
		base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
		date = base.Add(time.Duration(r.n) * time.Hour).Format(time.RFC3339)
	}
	cdate := date
	if o.CommitterDate != "" {
		cdate = o.CommitterDate
	}
	env := []string{"GIT_AUTHOR_DATE=" + date, "GIT_COMMITTER_DATE=" + cdate}
	if o.Author != "" {
		name, email := splitIdent(r.t, o.Author)
		env = append(env, "GIT_AUTHOR_NAME="+name, "GIT_AUTHOR_EMAIL="+email)
	}
	if o.Committer != "" {
		name, email := splitIdent(r.t, o.Committer)
		env = append(env, "GIT_COMMITTER_NAME="+name, "GIT_COMMITTER_EMAIL="+email)
	}
	return env
}

func splitIdent(t testing.TB, s string) (name, email string) {
	t.Helper()
	i := strings.LastIndex(s, "<")
	if i < 0 || !strings.HasSuffix(s, ">") {
		t.Fatalf("identity %q is not \"Name <email>\"", s)
	}
	return strings.TrimSpace(s[:i]), s[i+1 : len(s)-1]
}

// At is a Repo for another repository (a clone made with Run, say) in
// dir, with the same environment.
func (r *Repo) At(dir string) *Repo {
	return &Repo{t: r.t, Dir: dir, env: r.env}
}

// Head returns the hash HEAD points to.
func (r *Repo) Head() string {
	r.t.Helper()
	return strings.TrimSpace(r.Run("rev-parse", "HEAD"))
}

// Branch creates branch name at HEAD and checks it out.
func (r *Repo) Branch(name string) {
	r.t.Helper()
	r.Run("checkout", "-q", "-b", name)
}

// Checkout switches to an existing branch or commit.
func (r *Repo) Checkout(ref string) {
	r.t.Helper()
	r.Run("checkout", "-q", ref)
}

// Merge merges branch into the current branch with a merge commit, even
// when a fast-forward is possible, and returns the merge's hash.
func (r *Repo) Merge(branch, msg, date string) string {
	r.t.Helper()
	env := r.identityEnv(CommitOpts{Date: date})
	r.RunEnv(env, "merge", "-q", "--no-ff", "--no-edit", "-m", msg, branch)
	return r.Head()
}

// Gitlink records a submodule commit at path without a real submodule,
// which is all a history reader sees of one.
func (r *Repo) Gitlink(path, hash string) {
	r.t.Helper()
	r.Run("update-index", "--add", "--cacheinfo", "160000,"+hash+","+path)
}

// Open opens the repository with go-git.
func (r *Repo) Open() *git.Repository {
	r.t.Helper()
	repo, err := git.PlainOpen(r.Dir)
	if err != nil {
		r.t.Fatal(err)
	}
	return repo
}

// CommitObject reads one commit with go-git.
func (r *Repo) CommitObject(repo *git.Repository, hash string) *object.Commit {
	r.t.Helper()
	c, err := repo.CommitObject(plumbing.NewHash(hash))
	if err != nil {
		r.t.Fatal(err)
	}
	return c
}

// Numstat runs `git log --numstat` over args (revisions and options)
// with git's defaults, rename detection on, and returns each listed
// commit's files, keyed by hash, as git reports them: a rename is one
// file, at its new path, with OldPath set. Pass "--no-renames" in args
// for git's counts without renames. Merges list no files.
func (r *Repo) Numstat(args ...string) map[string][]work.FileChange {
	r.t.Helper()
	out := r.Run(append([]string{"log", "-z", "--numstat", "--format=%x01%H"}, args...)...)
	res := map[string][]work.FileChange{}
	for _, rec := range strings.Split(out, "\x01")[1:] {
		hash, rest, _ := strings.Cut(rec, "\x00")
		files := []work.FileChange{}
		// With -z a line is "added\tdeleted\tpath", NUL-terminated; for
		// a rename the path is empty and the old and new paths follow as
		// two more NUL-terminated fields.
		fields := strings.Split(strings.TrimPrefix(rest, "\n"), "\x00")
		for i := 0; i < len(fields); i++ {
			line := fields[i]
			if line == "" {
				continue
			}
			parts := strings.SplitN(line, "\t", 3)
			if len(parts) != 3 {
				r.t.Fatalf("numstat line %q", line)
			}
			fc := work.FileChange{Path: parts[2]}
			if fc.Path == "" {
				if i+2 >= len(fields) {
					r.t.Fatalf("numstat rename line %q without its paths", line)
				}
				fc.OldPath, fc.Path = fields[i+1], fields[i+2]
				i += 2
			}
			if parts[0] == "-" {
				fc.Binary = true
			} else {
				fmt.Sscan(parts[0], &fc.Additions)
				fmt.Sscan(parts[1], &fc.Deletions)
			}
			files = append(files, fc)
		}
		res[hash] = files
	}
	return res
}

// RemoveLooseObject deletes a loose object file, to simulate a corrupt or
// incomplete repository.
func RemoveLooseObject(gitDir, hash string) error {
	return os.Remove(filepath.Join(gitDir, ".git", "objects", hash[:2], hash[2:]))
}

// Filler adds n empty commits on top of the current branch, by someone
// else, dated evenly from first to last (RFC 3339), in one git
// fast-import: history a walk has to go through, made quickly.
func (r *Repo) Filler(n int, first, last string) {
	r.t.Helper()
	from, err1 := time.Parse(time.RFC3339, first)
	to, err2 := time.Parse(time.RFC3339, last)
	if err1 != nil || err2 != nil || n < 1 {
		r.t.Fatalf("Filler(%d, %q, %q)", n, first, last)
	}
	ref := strings.TrimSpace(r.Run("symbolic-ref", "HEAD"))
	var b strings.Builder
	step := to.Sub(from) / time.Duration(max(n-1, 1))
	for i := 0; i < n; i++ {
		when := from.Add(time.Duration(i) * step).Unix()
		msg := fmt.Sprintf("Filler %d", i+1)
		fmt.Fprintf(&b, "commit %s\ncommitter Bo Chen <bo@example.com> %d +0000\ndata %d\n%s\n", ref, when, len(msg), msg)
		if i == 0 {
			fmt.Fprintf(&b, "from %s\n", r.Head())
		}
		b.WriteString("\n")
	}
	cmd := exec.Command("git", "fast-import", "--quiet")
	cmd.Dir = r.Dir
	cmd.Env = r.env
	cmd.Stdin = strings.NewReader(b.String())
	if out, err := cmd.CombinedOutput(); err != nil {
		r.t.Fatalf("git fast-import: %v\n%s", err, out)
	}
	r.Run("reset", "-q", "--hard")
}
