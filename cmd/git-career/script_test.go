package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/git-career/git-career/internal/fakegithub"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script")

// testNow is "today" for every script: the clock is pinned so that the
// default period (the current quarter) and the docs never change.
const testNow = "2026-09-30T12:00:00Z"

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		// The binary that scripts run, as git finds it on PATH: `git career`
		// dispatches to it exactly as for a user.
		"git-career": func() {
			now, err := time.Parse(time.RFC3339, os.Getenv("GIT_CAREER_TEST_NOW"))
			if err != nil {
				now = time.Now()
			}
			a := &app{
				stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv,
				now:              func() time.Time { return now.In(time.Local) },
				stderrIsTerminal: func() bool { return os.Getenv("GIT_CAREER_TEST_TTY") != "" },
				sleep:            func(time.Duration) {}, // rate-limit waits pass at once
			}
			os.Exit(a.main(context.Background(), os.Args[1:]))
		},
	})
}

// TestScripts runs the end-to-end scripts in testdata/script through git's
// own dispatch, in a clean git environment: HOME is the script's, system
// config is off, and every date is pinned.
func TestScripts(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed: the scripts run git career through git")
	}
	testscript.Run(t, testscript.Params{
		Dir:           filepath.Join("testdata", "script"),
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			home := filepath.Join(env.WorkDir, "home")
			env.Setenv("HOME", home)
			env.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
			env.Setenv("GIT_CONFIG_NOSYSTEM", "1")
			env.Setenv("GIT_CONFIG_GLOBAL", filepath.Join(home, ".gitconfig"))
			env.Setenv("TZ", "UTC")
			env.Setenv("GIT_CAREER_TEST_NOW", testNow)
			env.Setenv("GIT_PAGER", "cat")
			env.Setenv("GIT_CAREER_SRC", repoRoot) // action.yml and its script
			for _, v := range []string{"GITHUB_TOKEN", "GH_TOKEN", "GITHUB_API_URL", "GITHUB_ACTIONS", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY"} {
				env.Setenv(v, "")
			}
			if err := startFakeGitHub(env); err != nil {
				return err
			}
			return os.MkdirAll(home, 0o755)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"commit":      cmdCommit,
			"ghfail":      cmdGHFail,
			"ghpublished": cmdGHPublished,
			"ghissue":     cmdGHIssue,
			"archive":     cmdArchive,
			"checksums":   cmdChecksums,
			"fakerelease": cmdFakeRelease,
			"releaselog":  cmdReleaseLog,
			"runaction":   cmdRunAction,
			"visible":     cmdVisible,
		},
	})
}

// cmdCommit makes a commit with pinned dates:
//
//	commit [-a 'Name <email>'] DATE MESSAGE [PATH...]
//
// It stages the paths (all changes when none are named; a path that no
// longer exists is staged as deleted). "\n" in MESSAGE is a newline. DATE
// is used for both the author and the committer date.
func cmdCommit(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! commit")
	}
	author := "Ada Lovelace <ada@example.com>"
	if len(args) > 1 && args[0] == "-a" {
		author, args = args[1], args[2:]
	}
	if len(args) < 2 {
		ts.Fatalf("usage: commit [-a 'Name <email>'] DATE MESSAGE [PATH...]")
	}
	date, msg, paths := args[0], strings.ReplaceAll(args[1], `\n`, "\n"), args[2:]
	name, email, _ := strings.Cut(author, " <")
	email = strings.TrimSuffix(email, ">")
	if len(paths) == 0 {
		ts.Check(ts.Exec("git", "add", "-A"))
	} else {
		ts.Check(ts.Exec("git", append([]string{"add", "-A", "--"}, paths...)...))
	}
	ts.Setenv("GIT_AUTHOR_NAME", name)
	ts.Setenv("GIT_AUTHOR_EMAIL", email)
	ts.Setenv("GIT_COMMITTER_NAME", name)
	ts.Setenv("GIT_COMMITTER_EMAIL", email)
	ts.Setenv("GIT_AUTHOR_DATE", date)
	ts.Setenv("GIT_COMMITTER_DATE", date)
	ts.Check(ts.Exec("git", "commit", "-q", "--allow-empty", "-m", msg))
}

// startFakeGitHub serves the script's github.json, when it has one, as the
// GitHub API (GITHUB_API_URL), on loopback, with the script's clock.
func startFakeGitHub(env *testscript.Env) error {
	path := filepath.Join(env.WorkDir, "github.json")
	if _, err := os.Stat(path); err != nil {
		return nil
	}
	sc, err := fakegithub.LoadScenario(path)
	if err != nil {
		return err
	}
	now, _ := time.Parse(time.RFC3339, testNow)
	sc.Now = func() time.Time { return now }
	srv := fakegithub.New(sc)
	env.Defer(srv.Close)
	env.Values["github"] = sc
	env.Setenv("GITHUB_API_URL", srv.URL+"/")
	return nil
}

func scenario(ts *testscript.TestScript) *fakegithub.Scenario {
	sc, ok := ts.Value("github").(*fakegithub.Scenario)
	if !ok {
		ts.Fatalf("no github.json in this script")
	}
	return sc
}

// cmdGHFail makes the fake GitHub fail: ghfail PATH STATUS [METHOD].
func cmdGHFail(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: ghfail PATH STATUS [METHOD]")
	}
	status, err := strconv.Atoi(args[1])
	ts.Check(err)
	f := fakegithub.Failure{Status: status}
	if len(args) > 2 {
		f.Method = args[2]
	}
	scenario(ts).Fail(args[0], f)
}

// cmdGHPublished prints what was published to a repository of the fake
// GitHub, for stdout checks: one line per issue and pull request, with
// its title and how often it was updated, then each file.
func cmdGHPublished(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: ghpublished OWNER/NAME")
	}
	p := scenario(ts).Published(args[0])
	if p == nil {
		return
	}
	w := ts.Stdout()
	for _, is := range p.Issues {
		fmt.Fprintf(w, "issue #%d %q labels=%v edits=%d\n", is.Number, is.Title, is.Labels, is.Edits)
	}
	for _, pr := range p.Pulls {
		fmt.Fprintf(w, "pull #%d %q head=%s base=%s edits=%d\n", pr.Number, pr.Title, pr.Head, pr.Base, pr.Edits)
	}
	var keys []string
	for k := range p.Files {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "file %s %d bytes\n", k, len(p.Files[k]))
	}
}

// cmdGHIssue shows or edits the body of an issue published to the fake
// GitHub, as a person would on github.com:
//
//	ghissue OWNER/NAME NUMBER            prints the body
//	ghissue OWNER/NAME NUMBER TEXT       appends a line of TEXT to it
func cmdGHIssue(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 || len(args) > 3 {
		ts.Fatalf("usage: ghissue OWNER/NAME NUMBER [TEXT]")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	p := scenario(ts).Published(args[0])
	if p == nil {
		ts.Fatalf("nothing published to %s", args[0])
	}
	for _, is := range p.Issues {
		if is.Number != n {
			continue
		}
		if len(args) == 3 {
			// Edited on github.com: a line in the middle of the doc.
			lines := strings.SplitAfter(is.Body, "\n")
			mid := len(lines) / 2
			is.Body = strings.Join(lines[:mid], "") + args[2] + "\n" + strings.Join(lines[mid:], "")
			return
		}
		fmt.Fprint(ts.Stdout(), is.Body)
		return
	}
	ts.Fatalf("no issue #%d in %s", n, args[0])
}

// cmdVisible checks how long a doc reads: visible FILE MAX fails when the
// lines a reader sees (outside <details> folds and HTML comments, which
// GitHub does not show) are more than MAX; "! visible" when they are not.
// With -raw, the HTML comments count too: the lines of the file a person
// editing it scrolls through, folds aside.
func cmdVisible(ts *testscript.TestScript, neg bool, args []string) {
	raw := len(args) > 0 && args[0] == "-raw"
	if raw {
		args = args[1:]
	}
	if len(args) != 2 {
		ts.Fatalf("usage: visible [-raw] FILE MAX")
	}
	max, err := strconv.Atoi(args[1])
	ts.Check(err)
	doc := ts.ReadFile(args[0])
	n, fold, comment := 0, 0, false
	for _, l := range strings.Split(strings.TrimSuffix(doc, "\n"), "\n") {
		t := strings.TrimSpace(l)
		switch {
		case comment:
			comment = !strings.Contains(t, "-->")
			if raw && fold == 0 {
				n++
			}
		case strings.HasPrefix(t, "<details>"):
			fold++
		case t == "</details>":
			fold--
		case strings.HasPrefix(t, "<!--") && !raw:
			comment = !strings.Contains(t, "-->")
		case fold == 0:
			n++
			if raw && strings.HasPrefix(t, "<!--") {
				comment = !strings.Contains(t, "-->")
			}
		}
	}
	ts.Logf("%s: %d lines, %d counted", args[0], strings.Count(doc, "\n"), n)
	if (n > max) != neg {
		ts.Fatalf("%s: %d lines outside folds (raw %v), want %s %d", args[0], n, raw, map[bool]string{false: "at most", true: "more than"}[neg], max)
	}
}
