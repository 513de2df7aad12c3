package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// errHelp reports that usage was printed on request.
var errHelp = errors.New("help requested")

const usageText = `usage: git career [flags]

Write a brag-document draft from your git history: the work you did in a
period, recognised and grouped the way promotion conversations go, every
item linked to its commit.

Flags:
  --repo PATH        repository to read; repeatable; default "."
  --author ID        whose work: email, name, or GitHub login; repeatable;
                     default: git config user.email plus every career.email;
                     "*" means every author
  --since DATE       first day, inclusive (YYYY-MM-DD)
  --until DATE       last day, inclusive
  --quarter Q        2026Q3, "current" or "last"; default: current quarter to date
  --format F         markdown (default) or json
  --year YYYY        the quarters of that year (to date), one section each;
                     with --format json, the year as one period
  -o, --output FILE  write there (atomically) instead of stdout; an existing
                     doc is merged into, keeping every word written in it;
                     "-" is stdout
  --force-new        with -o: write a fresh doc beside the file, never over it
  --version          print the version and exit

Career ladder (a "Toward <level>" section measures the period against it):
  --level ID         your level, such as senior (or git config career.level)
  --target ID        the level to measure toward; default: the next one
  --ladder FILE      your team's ladder (YAML); default: the built-in one

GitHub (read when a token and a GitHub remote are at hand):
  --github-user LOGIN   whose pull requests, reviews and issues; default: the token's user
  --github-repo O/N     repository to search; repeatable; default: the GitHub remotes
  --github-org ORG      organisation to search; repeatable
  --no-github           read local history only
  --no-cache            send every GitHub request afresh (no ETag cache)

Examples:
  git career                              this quarter so far, to stdout
  git career --quarter last -o BRAG.md    last quarter, merged into your doc
  git career --year 2026 -o BRAG.md       every quarter of 2026 so far
  git career --since 2026-01-01 --until 2026-06-30 --format json
  git career --repo ~/src/api --repo ~/src/web --author ada@example.com
  git config --add career.email ada@users.noreply.github.com
  git career init --level senior          append git config entries
  git career completion bash              the bash completion script (or zsh)

Configuration (git config; flags win): user.email, career.email (repeatable),
career.team (your CODEOWNERS team, such as @acme/payments), mailmap.file,
career.level, career.target, career.ladder, career.output (the living doc
written when no -o is given); "git career init" sets the career.* ones.

The GitHub token comes from GITHUB_TOKEN, GH_TOKEN or "gh auth token"; the
API root from GITHUB_API_URL (GitHub Enterprise). Nothing is sent anywhere
but to that API, and only to read.
`

// options is the parsed command line.
type options struct {
	repos   []string
	authors []string
	since   string
	until   string
	quarter string
	format  string
	output  string

	year     int
	forceNew bool

	level  string
	target string
	ladder string

	githubUser  string
	githubRepos []string
	githubOrgs  []string
	noGitHub    bool
	noCache     bool
}

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// parseFlags reads the command line. "-h" prints the usage to out.
func parseFlags(args []string, out io.Writer) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("git-career", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors come back as one line, not the usage
	fs.Var((*listFlag)(&o.repos), "repo", "")
	fs.Var((*listFlag)(&o.authors), "author", "")
	fs.StringVar(&o.since, "since", "", "")
	fs.StringVar(&o.until, "until", "", "")
	fs.StringVar(&o.quarter, "quarter", "", "")
	fs.StringVar(&o.format, "format", "markdown", "")
	fs.StringVar(&o.output, "output", "", "")
	fs.StringVar(&o.output, "o", "", "")
	fs.IntVar(&o.year, "year", 0, "")
	fs.BoolVar(&o.forceNew, "force-new", false, "")
	fs.StringVar(&o.level, "level", "", "")
	fs.StringVar(&o.target, "target", "", "")
	fs.StringVar(&o.ladder, "ladder", "", "")
	fs.StringVar(&o.githubUser, "github-user", "", "")
	fs.Var((*listFlag)(&o.githubRepos), "github-repo", "")
	fs.Var((*listFlag)(&o.githubOrgs), "github-org", "")
	fs.BoolVar(&o.noGitHub, "no-github", false, "")
	fs.BoolVar(&o.noCache, "no-cache", false, "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(out, usageText)
			return nil, errHelp
		}
		return nil, usagef("%s (see git career -h)", asTyped(err, args))
	}
	if fs.NArg() > 0 {
		return nil, usagef("unexpected argument %q (see git career -h)", fs.Arg(0))
	}
	var emptyOut error
	fs.Visit(func(f *flag.Flag) {
		if (f.Name == "o" || f.Name == "output") && o.output == "" {
			// An empty path is a mistake (an unset variable), not a
			// request for stdout, which is "-o -".
			emptyOut = usagef("%s needs a file name (or - for stdout)", typedFlag(f.Name, args))
		}
	})
	if emptyOut != nil {
		return nil, emptyOut
	}
	switch o.format {
	case "markdown", "md", "json":
	default:
		return nil, usagef("bad --format %q: want markdown or json", o.format)
	}
	if o.quarter != "" && (o.since != "" || o.until != "") {
		return nil, usagef("--quarter cannot be combined with --since or --until")
	}
	if o.year != 0 && (o.quarter != "" || o.since != "" || o.until != "") {
		return nil, usagef("--year cannot be combined with --quarter, --since or --until")
	}
	if o.year != 0 && (o.year < 1970 || o.year > 9999) {
		return nil, usagef("bad --year %d", o.year)
	}

	if len(o.repos) == 0 {
		o.repos = []string{"."}
	}
	for _, r := range o.githubRepos {
		if owner, name, ok := strings.Cut(r, "/"); !ok || owner == "" || name == "" || strings.Contains(name, "/") {
			return nil, usagef("bad --github-repo %q: want OWNER/NAME", r)
		}
	}
	return o, nil
}

// typedFlag is flag name as the user typed it: "-o" or "--output".
func typedFlag(name string, args []string) string {
	for _, a := range args {
		if a == "--" {
			break
		}
		typed, _, _ := strings.Cut(a, "=")
		if strings.TrimLeft(typed, "-") == name && strings.HasPrefix(typed, "-") {
			return typed
		}
	}
	return "--" + name
}

// flagInError finds the flag the flag package names in its errors, always
// with one dash ("unknown flag -bogus", "flag needs an argument: -since").
var flagInError = regexp.MustCompile(`(: |flag )-([^\s=:]+)`)

// asTyped rewrites a flag error to name the flag as the user typed it
// (--bogus, not -bogus): they will look for what they wrote; an unknown
// flag is said as git says it.
func asTyped(err error, args []string) string {
	msg := strings.Replace(err.Error(), "flag provided but not defined: ", "unknown flag ", 1)
	m := flagInError.FindStringSubmatchIndex(msg)
	if m == nil {
		return msg
	}
	name := msg[m[4]:m[5]]
	for _, a := range args {
		if a == "--" {
			break
		}
		typed, _, _ := strings.Cut(a, "=")
		if strings.TrimLeft(typed, "-") == name && strings.HasPrefix(typed, "-") {
			return msg[:m[4]-1] + typed + msg[m[5]:]
		}
	}
	return msg
}
