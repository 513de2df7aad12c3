// Command git-career writes a brag-document draft from your git history.
//
// Installed on PATH as git-career, it runs as a git subcommand:
//
//	git career [flags]
//
// It reads your commits in every local branch of the repositories given
// (default: the one you are in), recognises the work in them (flaky tests
// fixed, automation, cleanup, docs, design, mentoring, cross-team work and
// more), and writes a Markdown brag document, or JSON, for the period asked:
// the current quarter to date by default. Every item links to its commit and
// says why it was classified. With a GitHub token it adds the pull requests,
// reviews and issues of the period. It sends nothing anywhere but
// read-only requests to GitHub's API.
//
// Flags (the -h text, usageText in flags.go, is the source; a test checks
// this list, the man page and docs/manual.md against the flag set):
//
//	--repo PATH        repository to read; repeatable; default "."
//	--author ID        whose work: email, name, or GitHub login; repeatable;
//	                   default: git config user.email plus every career.email;
//	                   "*" means every author
//	--since DATE       first day, inclusive (YYYY-MM-DD)
//	--until DATE       last day, inclusive
//	--quarter Q        2026Q3, "current" or "last"; default: current quarter to date
//	--format F         markdown (default) or json
//	--year YYYY        the quarters of that year (to date), one section each;
//	                   with --format json, the year as one period
//	-o, --output FILE  write there (atomically) instead of stdout; an existing
//	                   doc is merged into, keeping every word written in it;
//	                   "-" is stdout
//	--force-new        with -o: write a fresh doc beside the file, never over it
//	--version          print the version and exit
//
//	--level ID         your level, such as senior (or git config career.level)
//	--target ID        the level to measure toward; default: the next one
//	--ladder FILE      your team's ladder (YAML); default: the built-in one
//
//	--github-user LOGIN   whose pull requests, reviews and issues; default: the token's user
//	--github-repo O/N     repository to search; repeatable; default: the GitHub remotes
//	--github-org ORG      organisation to search; repeatable
//	--no-github           read local history only
//	--no-cache            send every GitHub request afresh (no ETag cache)
//
// Days are calendar days in the local time zone (TZ is honoured), matched
// against each commit's author date.
//
// Configuration, read from git config (flags win):
//
//	user.email      your commit email
//	career.email    more emails of yours; repeatable
//	career.team     your team's CODEOWNERS handle, such as @acme/payments
//	career.level, career.target, career.ladder
//	                defaults for --level, --target and --ladder
//	career.output   the living Markdown doc written when no -o is given
//	mailmap.file    an extra mailmap, as in git
//
// Other commands: "git career init" appends sensible git config entries,
// "git career completion bash|zsh" prints a shell completion script, and
// "git career action" is the GitHub Action's entry point.
//
// Exit status: 0 on success, 1 on failure, 2 on a usage error.
//
// The full manual is docs/manual.md; the man page is doc/git-career.1.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime/debug"
	"time"

	"golang.org/x/term"
)

// Exit codes, as git and most Unix tools use them.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// usageError marks an error the user can fix by changing the command line.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// defaultMemoryLimit keeps the heap of a scan of a large history near
// 200 MiB (peak RSS under 300 MiB with the mapped pack files) for a few
// percent more time; GOMEMLIMIT overrides it, as for any Go program.
const defaultMemoryLimit = 200 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	a := &app{
		stdout: os.Stdout,
		stderr: os.Stderr,
		getenv: os.Getenv,
		now:    time.Now,
		stderrIsTerminal: func() bool {
			return term.IsTerminal(int(os.Stderr.Fd()))
		},
		ghAuthToken: ghAuthToken,
		sleep:       time.Sleep,
	}
	// Ctrl-C stops the readers where they are: nothing is written.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := a.main(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}

// app holds everything the command touches in the outside world, so that
// tests can run it whole with their own.
type app struct {
	stdout, stderr   io.Writer
	getenv           func(string) string
	now              func() time.Time
	stderrIsTerminal func() bool
	ghAuthToken      func() (string, error) // `gh auth token`; nil to not ask gh
	sleep            func(time.Duration)    // waits for rate limits
}

// ghAuthToken asks the GitHub CLI for its token, when it is installed.
func ghAuthToken() (string, error) {
	path, err := exec.LookPath("gh")
	if err != nil {
		return "", err
	}
	out, err := exec.Command(path, "auth", "token").Output()
	return string(out), err
}

// main runs the command and turns its error into one line and an exit code.
func (a *app) main(ctx context.Context, args []string) int {
	err := a.run(ctx, args)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errHelp):
		return exitOK
	case errors.As(err, new(reported)):
		return exitFailure
	}
	fmt.Fprintf(a.stderr, "git-career: %v\n", err)
	var ue usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitFailure
}
