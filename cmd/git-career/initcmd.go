package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/git-career/git-career/analyzer/history"
	"github.com/git-career/git-career/analyzer/ladder"
)

// initUsage is `git career init -h`.
const initUsage = `usage: git career init [--global] [--repo PATH] [--level ID] [--target ID] [--ladder FILE] [--team @ORG/TEAM] [--output FILE]

Write git config entries for git career: the other emails you commit under
here (the name of user.name, or else of your user.email's commits), and the
level, target, team and output file given. Entries already set are left alone; the file is appended to, never
rewritten. It says what it wrote.
`

// initRun is `git career init`.
func (a *app) initRun(args []string) error {
	fs := flag.NewFlagSet("git-career init", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	global := fs.Bool("global", false, "")
	level := fs.String("level", "", "")
	target := fs.String("target", "", "")
	team := fs.String("team", "", "")
	output := fs.String("output", "", "")
	repo := fs.String("repo", ".", "")
	ladderFile := fs.String("ladder", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(a.stdout, initUsage)
			return errHelp
		}
		return usagef("init: %s (see git career init -h)", asTyped(err, args))
	}
	r, err := history.Open(*repo)
	if err != nil {
		return err
	}
	defer r.Close()
	cfg, err := r.Config(a.getenv)
	if err != nil {
		return err
	}
	// The levels are checked against the ladder the runs will use, and
	// stored as the ladder spells them.
	l, err := ladderFor(cmp.Or(*ladderFile, cfg.Get("career.ladder")), a.getenv("HOME"))
	if err != nil {
		return err
	}
	if *level, err = ladder.ValidateLevel(l, *level, "--level"); err != nil {
		return usageError{err}
	}
	if *target, err = ladder.ValidateLevel(l, *target, "--target"); err != nil {
		return usageError{err}
	}
	if err := ladder.ValidateTarget(l, cmp.Or(*level, cfg.Get("career.level")), *target); err != nil {
		return usageError{err}
	}
	if *output != "" {
		// A relative path would name a different file from every folder.
		abs, err := filepath.Abs(history.ExpandHome(*output, a.getenv("HOME")))
		if err != nil {
			return fmt.Errorf("resolving %q: %w", *output, err)
		}
		*output = abs
	}
	var lines [][2]string
	var kept []string // settings asked for that are already set otherwise
	scope := ""
	if *global {
		scope = "--global "
	}
	set := func(key, value string) {
		switch old := cfg.Get(key); {
		case value == "":
		case old == "":
			lines = append(lines, [2]string{key, value})
		case old != value:
			// init appends and never rewrites: say what is set, and the
			// line that changes it.
			kept = append(kept, fmt.Sprintf("%s is already %q (left as it is); to change it: git config %s%s %s", key, old, scope, key, quoteShell(value)))
		}
	}
	// Emails: the ones this repository's history shows under your name
	// (user.name, or else the name your user.email commits carry).
	name, email := cfg.Get("user.name"), cfg.Get("user.email")
	if name == "" && email != "" {
		if name, err = r.NameOf(email); err != nil {
			return err
		}
	}
	if name != "" {
		known := map[string]bool{strings.ToLower(email): true}
		for _, e := range cfg.All("career.email") {
			known[strings.ToLower(e)] = true
		}
		emails, err := r.EmailsOf(name)
		if err != nil {
			return err
		}
		sort.Strings(emails)
		for _, e := range emails {
			if !known[strings.ToLower(e)] {
				known[strings.ToLower(e)] = true
				lines = append(lines, [2]string{"career.email", e})
			}
		}
	}
	set("career.level", *level)
	set("career.target", *target)
	set("career.team", *team)
	set("career.output", *output)
	set("career.ladder", *ladderFile)

	path, err := a.configPath(*global, r)
	if err != nil {
		return err
	}
	for _, k := range kept {
		fmt.Fprintln(a.stdout, k)
	}
	if len(lines) == 0 {
		fmt.Fprintf(a.stdout, "nothing to add to %q: git career is set up\n", path)
		if cfg.Get("career.output") == "" && *output == "" {
			fmt.Fprintf(a.stdout, "to keep one living brag doc that every run merges into: git career init %s--output ~/BRAG.md\n", scope)
		}
		return nil
	}
	var b strings.Builder
	b.WriteString("\n# Written by git career init.\n[career]\n")
	for _, kv := range lines {
		fmt.Fprintf(&b, "\t%s = %s\n", strings.TrimPrefix(kv[0], "career."), quoteConfig(kv[1]))
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("writing %q: %w", path, err)
	}
	if _, err := f.WriteString(b.String()); err != nil {
		f.Close()
		return fmt.Errorf("writing %q: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %q: %w", path, err)
	}
	fmt.Fprintf(a.stdout, "wrote to %q:\n", path)
	for _, kv := range lines {
		fmt.Fprintf(a.stdout, "  %s = %s\n", kv[0], kv[1])
	}
	return nil
}

// configPath is the file `git config` (or `git config --global`) writes.
func (a *app) configPath(global bool, repo *history.Repo) (string, error) {
	if !global {
		return repo.LocalConfigPath(), nil
	}
	if g := a.getenv("GIT_CONFIG_GLOBAL"); g != "" {
		return g, nil
	}
	home := a.getenv("HOME")
	if home == "" {
		return "", errors.New("no HOME for --global")
	}
	return filepath.Join(home, ".gitconfig"), nil
}

// quoteConfig quotes a value the way git config would need it.
func quoteConfig(v string) string {
	if strings.ContainsAny(v, "#;\"\\") || strings.TrimSpace(v) != v {
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(v) + `"`
	}
	return v
}

// quoteShell quotes v for a shell command line shown to the user, when it
// needs quoting.
func quoteShell(v string) string {
	if v != "" && strings.Trim(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./-_~") == "" {
		return v
	}
	return "'" + strings.ReplaceAll(v, "'", `'\''`) + "'"
}
