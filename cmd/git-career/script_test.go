package main

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
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
			os.Exit(a.main(os.Args[1:]))
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
			return os.MkdirAll(home, 0o755)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"commit": cmdCommit,
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
