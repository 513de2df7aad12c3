package main

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/git-career/git-career/analyzer"
	"github.com/git-career/git-career/analyzer/history"
	"github.com/git-career/git-career/analyzer/work"
	"github.com/git-career/git-career/report"
)

// suggestAuthors is how many frequent authors a missing identity names.
const suggestAuthors = 3

// run is the whole command: flags, configuration, analysis, output.
func (a *app) run(args []string) error {
	if len(args) > 0 && args[0] == "action" {
		return a.actionRun()
	}
	if len(args) > 0 && args[0] == "init" {
		return a.initRun(args[1:])
	}
	if isVersionArg(args) {
		printVersion(a.stdout)
		return nil
	}
	if len(args) > 0 && args[0] == "completion" {
		return a.completionRun(args[1:])
	}
	o, err := parseFlags(args, a.stdout)
	if err != nil {
		return err
	}
	periods, err := resolvePeriods(o, a.now())
	if err != nil {
		return err
	}
	// Configuration comes from the first repository, as `git -C` would.
	local, err := history.LocalConfig(o.repos[0])
	if err != nil {
		return err
	}
	cfg, err := loadGitConfig(a.getenv, local)
	if err != nil {
		return err
	}
	id := identity(o.authors, cfg)
	if o.githubUser != "" && !id.All {
		id.Logins = appendNew(id.Logins, o.githubUser)
	}
	if !id.All && len(id.Emails)+len(id.Names)+len(id.Logins) == 0 {
		return a.noIdentity(o.repos[0])
	}
	in := analyzer.Options{Identity: id, Team: cfg.get("career.team")}
	if h := apiHost(a.apiRoot()); h != "" {
		in.GitHubHosts = []string{h}
	}
	if a.stderrIsTerminal() {
		in.Progress = a.stderr
	}
	mailmap := ""
	if f := cfg.get("mailmap.file"); f != "" {
		if mailmap, err = readUserFile(f, a.getenv("HOME")); err != nil {
			return fmt.Errorf("reading mailmap.file: %w", err)
		}
	}
	for _, r := range o.repos {
		in.Repos = append(in.Repos, analyzer.RepoInput{Path: r, Mailmap: mailmap})
	}

	levels, err := resolveLevels(o, cfg, a.getenv("HOME"))
	if err != nil {
		return err
	}
	if o.output == "" && o.format != "json" {
		// career.output names the living Markdown doc, not JSON exports.
		o.output = expandHome(cfg.get("career.output"), a.getenv("HOME"))
	}
	if o.output == "-" {
		o.output = "" // "-o -" is stdout, as for most tools
	}
	if o.forceNew && o.output == "" {
		return usagef("--force-new needs -o FILE (or git config career.output)")
	}
	// The output is checked (and an existing doc read) before any history
	// is: a wrong -o fails at once.
	var out *outputFile
	var prior report.Options // what the doc merged into already holds
	if o.output != "" && !o.forceNew {
		if out, err = openOutput(o.output); err != nil {
			return err
		}
		if o.format != "json" {
			if prior.Known, prior.Deleted, err = out.knownIDs(); err != nil {
				return err
			}
		}
	}
	gh, err := a.resolveGitHub(o.github())
	if err != nil {
		return err
	}
	// Without career.team, the user's teams tell which CODEOWNERS entries
	// are theirs.
	gh.teams = in.Team == ""

	// --year reads history (and GitHub) once, for the whole year, and
	// splits what it found into quarters; JSON gets the year as one period.
	read := periods
	if o.year != 0 {
		read = []work.Period{yearPeriod(periods)}
	}
	var reps []*work.Report
	nextLevel := ""
	warned := map[string]bool{}
	for _, period := range read {
		pin := in
		pin.Period = period
		ev, err := a.readGitHub(gh, period)
		if err != nil {
			return err
		}
		if ev != nil {
			pin.GitHub = ev
			if ev.Login != "" && !id.All {
				// The login also finds commits made through GitHub's web
				// editor (noreply addresses).
				pin.Identity.Logins = appendNew(append([]string(nil), id.Logins...), ev.Login)
			}
		}
		rep, err := analyzer.Analyze(pin)
		if err != nil {
			return err
		}
		a.warn(rep, warned)
		parts := []*work.Report{rep}
		if o.year != 0 && o.format != "json" {
			parts = rep.Split(periods)
		}
		for _, p := range parts {
			if nextLevel, err = levels.measure(p); err != nil {
				return err
			}
			reps = append(reps, p)
		}
	}
	var doc []byte
	if len(reps) == 1 {
		doc, err = render(reps[0], o.format, nextLevel, prior)
	} else {
		doc, err = renderYear(reps, nextLevel, prior)
	}
	if err != nil {
		return err
	}

	switch {
	case o.output == "":
		_, err = a.stdout.Write(doc)
		return err
	case o.forceNew:
		path, err := besidePath(o.output)
		if err != nil {
			return err
		}
		if err := replaceFile(path, doc); err != nil {
			return err
		}
		fmt.Fprintf(a.stderr, "git-career: wrote a fresh doc to %q; %q is untouched\n", path, o.output)
		return nil
	}
	_, changes, warnings, err := out.write(doc, o.format != "json")
	for _, w := range warnings {
		fmt.Fprintf(a.stderr, "git-career: warning: %s\n", w)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stderr, wrote(o.output, reps, changes, o.format == "json"))
	return nil
}

// wrote says what a write did, on stderr, since the file itself is not
// shown: "BRAG.md: 2026Q3 merged, 12 new items".
func wrote(path string, reps []*work.Report, changes []report.Change, json bool) string {
	items := func(n int) string { return count(n, "item", "items") }
	var parts []string
	switch {
	case json:
		return fmt.Sprintf("%s: %s written as JSON, %s", path, reps[0].Period.Label, items(len(reps[0].Contributions)))
	case changes == nil:
		// A new doc: the periods newest first, as the doc has them.
		for i := len(reps) - 1; i >= 0; i-- {
			parts = append(parts, fmt.Sprintf("%s (%s)", reps[i].Period.Label, items(len(reps[i].Contributions))))
		}
		return path + ": new doc, " + strings.Join(parts, ", ")
	}
	for _, c := range changes {
		switch {
		case c.New:
			parts = append(parts, fmt.Sprintf("%s added, %s", c.Label, items(c.Items)))
		case c.Items == 0:
			parts = append(parts, c.Label+" merged, nothing new")
		default:
			parts = append(parts, fmt.Sprintf("%s merged, %d new %s", c.Label, c.Items, plural(c.Items, "item", "items")))
		}
	}
	return path + ": " + strings.Join(parts, "; ")
}

func count(n int, one, many string) string { return fmt.Sprintf("%d %s", n, plural(n, one, many)) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// warn says on stderr what a source could not read, each thing once per
// run (--year reads every source once per quarter).
func (a *app) warn(rep *work.Report, said map[string]bool) {
	say := func(line string) {
		if !said[line] {
			said[line] = true
			fmt.Fprintln(a.stderr, line)
		}
	}
	for _, s := range rep.Sources {
		if s.Shallow {
			say(fmt.Sprintf("git-career: warning: %s is a shallow clone: older history was not read; run `git fetch --unshallow` in %q", s.Repo, s.Path))
		}
		for _, w := range s.Warnings {
			say(fmt.Sprintf("git-career: warning: %s: %s", s.Repo, w))
		}
	}
	// Advice is said once for every repository it applies to.
	var notes []string
	repos := map[string][]string{}
	for _, s := range rep.Sources {
		for _, n := range s.Notes {
			if repos[n] == nil {
				notes = append(notes, n)
			}
			repos[n] = append(repos[n], s.Repo)
		}
	}
	for _, n := range notes {
		say(fmt.Sprintf("git-career: note: %s: %s", strings.Join(repos[n], ", "), n))
	}
}

// renderYear writes one Markdown doc with a section per quarter.
func renderYear(reps []*work.Report, nextLevel string, prior report.Options) ([]byte, error) {
	var buf bytes.Buffer
	opt := prior
	opt.Score, opt.NextLevel = work.Score, nextLevel
	if err := report.MarkdownPeriods(&buf, reps, opt); err != nil {
		return nil, fmt.Errorf("rendering: %w", err)
	}
	return buf.Bytes(), nil
}

// render writes the report in the format asked for; nextLevel names the
// level the 1:1 questions ask about ("" for "the next level"); prior says
// which ids the doc merged into holds and which the person deleted.
func render(rep *work.Report, format, nextLevel string, prior report.Options) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	if format == "json" {
		err = report.JSON(&buf, rep)
	} else {
		opt := prior
		opt.Score, opt.NextLevel = work.Score, nextLevel
		err = report.Markdown(&buf, rep, opt)
	}
	if err != nil {
		return nil, fmt.Errorf("rendering: %w", err)
	}
	return buf.Bytes(), nil
}

// resolvePeriods is the one period asked for, or with --year the quarters
// of that year that have begun, oldest first.
func resolvePeriods(o *options, now time.Time) ([]work.Period, error) {
	if o.year == 0 {
		p, err := resolvePeriod(o, now)
		return []work.Period{p}, err
	}
	var out []work.Period
	for q := 1; q <= 4; q++ {
		start := time.Date(o.year, time.Month(3*q-2), 1, 0, 0, 0, 0, now.Location())
		if start.After(now) {
			break
		}
		p, err := work.Quarter(fmt.Sprintf("%dQ%d", o.year, q), now)
		if err != nil {
			return nil, usageError{err}
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, usagef("--year %d has not begun", o.year)
	}
	return out, nil
}

// yearPeriod is the year the quarters of --year make up, to date.
func yearPeriod(quarters []work.Period) work.Period {
	last := quarters[len(quarters)-1]
	return work.Period{Since: quarters[0].Since, Until: last.Until, Label: strconv.Itoa(quarters[0].Since.Year())}
}

// resolvePeriod turns --since, --until and --quarter into a period of
// calendar days in the local time zone.
func resolvePeriod(o *options, now time.Time) (work.Period, error) {
	if o.since == "" && o.until == "" {
		p, err := work.Quarter(o.quarter, now)
		if err != nil {
			return p, usageError{err}
		}
		return p, nil
	}
	loc := now.Location()
	until := work.Day(now)
	if o.until != "" {
		t, err := work.ParseDate(o.until, loc)
		if err != nil {
			return work.Period{}, usagef("--until: %v", err)
		}
		until = t
	}
	var since time.Time
	if o.since != "" {
		t, err := work.ParseDate(o.since, loc)
		if err != nil {
			return work.Period{}, usagef("--since: %v", err)
		}
		since = t
	} else {
		// --until alone: from the start of that day's quarter.
		q := (int(until.Month()) - 1) / 3
		since = time.Date(until.Year(), time.Month(3*q+1), 1, 0, 0, 0, 0, loc)
	}
	if o.until == "" && since.After(until) {
		// Only --since was given: the end is today, which the user never
		// typed, so the error names the day they did.
		return work.Period{}, usagef("--since %s is in the future (today is %s)", o.since, until.Format(time.DateOnly))
	}
	p, err := work.Range(since, until)
	if err != nil {
		return p, usageError{err}
	}
	return p, nil
}

// identity is who to look for: --author values, else user.email and every
// career.email from git config.
func identity(authors []string, cfg *gitConfig) work.Identity {
	var id work.Identity
	if len(authors) == 0 {
		if e := cfg.get("user.email"); e != "" {
			authors = append(authors, e)
		}
		authors = append(authors, cfg.all("career.email")...)
	}
	seen := map[string]bool{}
	for _, a := range authors {
		a = strings.TrimSpace(a)
		if a == "" || seen[strings.ToLower(a)] {
			continue
		}
		seen[strings.ToLower(a)] = true
		switch {
		case a == "*":
			id.All = true
		case strings.Contains(a, "@") && !strings.HasPrefix(a, "@"):
			id.Emails = append(id.Emails, a)
		case strings.HasPrefix(a, "@") || !strings.Contains(a, " "):
			// One word may be a login or a name; both are tried.
			id.Logins = append(id.Logins, strings.TrimPrefix(a, "@"))
		default:
			id.Names = append(id.Names, a)
		}
	}
	return id
}

// noIdentity is the usage error for a machine with no identity configured;
// it names the people who commit most here, to copy from.
func (a *app) noIdentity(repo string) error {
	msg := "no identity: set git config user.email, add career.email, or pass --author"
	top, err := history.TopAuthors(repo, suggestAuthors)
	if err != nil && !errors.Is(err, history.ErrNotRepository) {
		return err
	}
	if len(top) > 0 {
		var names []string
		for _, t := range top {
			names = append(names, fmt.Sprintf("%q", t.Person.Email))
		}
		msg += "; frequent authors here: " + strings.Join(names, ", ")
	}
	return usageError{errors.New(msg)}
}

// appendNew appends s unless list holds it already (case-insensitively).
func appendNew(list []string, s string) []string {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return list
		}
	}
	return append(list, s)
}
