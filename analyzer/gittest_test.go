package analyzer

// A scratch git repository for tests, driven by the git CLI in an
// environment cut off from the user's configuration, so tests give the
// same hashes and output on every machine. Tests may shell out to git;
// the product never does.

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
)

// Special contents for testRepo.commit's files map.
const (
	// deleteFile removes the path (a file, symlink or whole directory).
	deleteFile = "\x00delete"
	// symlinkPrefix makes the path a symlink to what follows the prefix.
	symlinkPrefix = "\x00symlink:"
	// execPrefix writes what follows with mode 755.
	execPrefix = "\x00exec:"
)

// Default identity of commits made by a testRepo.
const (
	testAuthorName  = "Ada Lovelace"
	testAuthorEmail = "ada@example.com"
)

// testRepo is a scratch repository; Dir is its work tree (the git
// directory is Dir/.git).
type testRepo struct {
	t   testing.TB
	Dir string
	env []string
	n   int // commits made, for default dates
}

// newTestRepo creates an empty repository with branch "main" in a temp
// directory. The environment pins HOME, ignores system and global config,
// and fixes identity, time zone and locale.
func newTestRepo(t testing.TB) *testRepo {
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
		"GIT_AUTHOR_NAME="+testAuthorName,
		"GIT_AUTHOR_EMAIL="+testAuthorEmail,
		"GIT_COMMITTER_NAME="+testAuthorName,
		"GIT_COMMITTER_EMAIL="+testAuthorEmail,
		"TZ=UTC",
		"LC_ALL=C",
	)
	r := &testRepo{t: t, Dir: dir, env: env}
	r.run("init", "-q", "-b", "main")
	// Keep the tests independent of how this git was built.
	r.run("config", "core.autocrlf", "false")
	r.run("config", "core.symlinks", "true")
	r.run("config", "commit.gpgsign", "false")
	return r
}

// run runs git in the repository and returns its standard output; it fails
// the test if git fails.
func (r *testRepo) run(args ...string) string {
	r.t.Helper()
	return r.runEnv(nil, args...)
}

// runEnv is run with extra environment variables.
func (r *testRepo) runEnv(extra []string, args ...string) string {
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

// write applies a files map to the work tree: see deleteFile,
// symlinkPrefix and execPrefix; other contents are written as regular
// files, creating directories as needed (and replacing a file that stood
// where a directory is needed, or the reverse).
func (r *testRepo) write(files map[string]string) {
	r.t.Helper()
	// Deletions first, so that {"a": deleteFile, "a/b": "x"} swaps a file
	// for a directory whatever the map order.
	for p, c := range files {
		if c == deleteFile {
			if err := os.RemoveAll(filepath.Join(r.Dir, p)); err != nil {
				r.t.Fatal(err)
			}
		}
	}
	for p, c := range files {
		if c == deleteFile {
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
		case strings.HasPrefix(c, symlinkPrefix):
			err = os.Symlink(strings.TrimPrefix(c, symlinkPrefix), full)
		case strings.HasPrefix(c, execPrefix):
			err = os.WriteFile(full, []byte(strings.TrimPrefix(c, execPrefix)), 0o755)
		default:
			err = os.WriteFile(full, []byte(c), 0o644)
		}
		if err != nil {
			r.t.Fatal(err)
		}
	}
}

// commitOpts are the optional parts of a commit.
type commitOpts struct {
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

// commit applies files (see write), stages everything and commits it with
// the given date (any form git accepts; "" for the default). It returns the
// new commit's hash.
func (r *testRepo) commit(msg string, files map[string]string, date string) string {
	r.t.Helper()
	return r.commitWith(msg, files, commitOpts{Date: date})
}

// commitWith is commit with authors, body and trailers.
func (r *testRepo) commitWith(msg string, files map[string]string, o commitOpts) string {
	r.t.Helper()
	r.write(files)
	if !o.StagedOnly {
		r.run("add", "-A")
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
	r.runEnv(r.identityEnv(o), args...)
	return r.head()
}

// identityEnv turns o into the GIT_* variables git reads identity and
// dates from.
func (r *testRepo) identityEnv(o commitOpts) []string {
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

// head returns the hash HEAD points to.
func (r *testRepo) head() string {
	r.t.Helper()
	return strings.TrimSpace(r.run("rev-parse", "HEAD"))
}

// branch creates branch name at HEAD and checks it out.
func (r *testRepo) branch(name string) {
	r.t.Helper()
	r.run("checkout", "-q", "-b", name)
}

// checkout switches to an existing branch or commit.
func (r *testRepo) checkout(ref string) {
	r.t.Helper()
	r.run("checkout", "-q", ref)
}

// merge merges branch into the current branch with a merge commit, even
// when a fast-forward is possible, and returns the merge's hash.
func (r *testRepo) merge(branch, msg, date string) string {
	r.t.Helper()
	env := r.identityEnv(commitOpts{Date: date})
	r.runEnv(env, "merge", "-q", "--no-ff", "--no-edit", "-m", msg, branch)
	return r.head()
}

// gitlink records a submodule commit at path without a real submodule,
// which is all a history reader sees of one.
func (r *testRepo) gitlink(path, hash string) {
	r.t.Helper()
	r.run("update-index", "--add", "--cacheinfo", "160000,"+hash+","+path)
}

// open opens the repository with go-git.
func (r *testRepo) open() *git.Repository {
	r.t.Helper()
	repo, err := git.PlainOpen(r.Dir)
	if err != nil {
		r.t.Fatal(err)
	}
	return repo
}

// commitObject reads one commit with go-git.
func (r *testRepo) commitObject(repo *git.Repository, hash string) *object.Commit {
	r.t.Helper()
	c, err := repo.CommitObject(plumbing.NewHash(hash))
	if err != nil {
		r.t.Fatal(err)
	}
	return c
}

// numstat runs `git log --numstat --no-renames` over args (revisions and
// options) and returns each listed commit's files, keyed by hash, as git
// reports them. Merges list no files.
func (r *testRepo) numstat(args ...string) map[string][]FileChange {
	r.t.Helper()
	out := r.run(append([]string{"log", "-z", "--numstat", "--no-renames", "--format=%x01%H"}, args...)...)
	res := map[string][]FileChange{}
	for _, rec := range strings.Split(out, "\x01")[1:] {
		hash, rest, _ := strings.Cut(rec, "\x00")
		files := []FileChange{}
		for _, line := range strings.Split(strings.TrimPrefix(rest, "\n"), "\x00") {
			if line == "" {
				continue
			}
			parts := strings.SplitN(line, "\t", 3)
			if len(parts) != 3 {
				r.t.Fatalf("numstat line %q", line)
			}
			fc := FileChange{Path: parts[2]}
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

// removeLooseObject deletes a loose object file, to simulate a corrupt or
// incomplete repository.
func removeLooseObject(gitDir, hash string) error {
	return os.Remove(filepath.Join(gitDir, ".git", "objects", hash[:2], hash[2:]))
}

func TestTestRepoHelper(t *testing.T) {
	r := newTestRepo(t)
	r.commit("first", map[string]string{"a/b.txt": "x\n"}, "")
	h := r.commitWith("second", map[string]string{"a/b.txt": deleteFile, "a": "file\n"}, commitOpts{
		Author:        "Bob Builder <bob@example.com>",
		Date:          "2024-02-03T04:05:06Z",
		CommitterDate: "2024-02-05T00:00:00+02:00",
		Body:          "Why it changed.",
		Coauthors:     []string{"Ada Lovelace <ada@example.com>"},
	})
	got := r.run("log", "-1", "--format=%an|%ae|%aI|%cn|%cI|%s|%b", h)
	want := "Bob Builder|bob@example.com|2024-02-03T04:05:06+00:00|Ada Lovelace|2024-02-05T00:00:00+02:00|second|" +
		"Why it changed.\n\nCo-authored-by: Ada Lovelace <ada@example.com>\n\n"
	if got != want {
		t.Errorf("log = %q\nwant %q", got, want)
	}
	if files := r.run("ls-files"); files != "a\n" {
		t.Errorf("files = %q, want a file replacing the directory", files)
	}
	r.branch("topic")
	r.commit("on topic", map[string]string{"t": "t\n"}, "")
	r.checkout("main")
	m := r.merge("topic", "merge topic", "")
	if parents := strings.Fields(r.run("log", "-1", "--format=%P", m)); len(parents) != 2 {
		t.Errorf("merge has parents %v", parents)
	}
}
