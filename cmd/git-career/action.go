package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
	"github.com/sethvargo/go-githubactions"

	"github.com/git-career/git-career/analyzer/history"
	"github.com/git-career/git-career/analyzer/work"
	"github.com/git-career/git-career/brag"
	"github.com/git-career/git-career/publish"
	"github.com/git-career/git-career/report"
)

// actionInputs are the inputs action.yml declares; the binary reads each
// (a test checks that both lists agree).
var actionInputs = []string{
	"github-token", "user", "period", "repositories", "emails", "format",
	"output", "publish", "allow-private-in-public",
}

// actionOutputs are the outputs action.yml declares, in the order written.
var actionOutputs = []string{"path", "period", "contributions", "issue-url", "pull-request-url"}

// actionRun is `git career action`: the GitHub Action's entry point. It
// reads the inputs, writes the brag doc, always adds it to the job summary,
// publishes it where asked, and sets the outputs. Failures become error
// annotations and exit 1.
func (a *app) actionRun(ctx context.Context) error {
	gha := githubactions.New(githubactions.WithGetenv(a.getenv), githubactions.WithWriter(a.stdout))
	err := a.action(ctx, gha)
	if err != nil {
		gha.Errorf("%s", err)
		return reported{err}
	}
	return nil
}

// reported is an error already shown (as an annotation): main exits 1
// without printing it again.
type reported struct{ err error }

func (r reported) Error() string { return r.err.Error() }
func (r reported) Unwrap() error { return r.err }

// input reads an action input. A composite action passes inputs through
// env as INPUT_GITHUB_TOKEN; a runner itself sets INPUT_GITHUB-TOKEN.
func input(gha *githubactions.Action, name string) string {
	if v := gha.GetInput(name); v != "" {
		return v
	}
	return gha.GetInput(strings.ReplaceAll(name, "-", "_"))
}

// words splits a list input written with spaces, commas or new lines.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\t' || r == '\r' })
}

func (a *app) action(bg context.Context, gha *githubactions.Action) error {
	in := map[string]string{}
	for _, name := range actionInputs {
		in[name] = strings.TrimSpace(input(gha, name))
	}
	token := in["github-token"]
	if token == "" {
		token = a.getenv("GITHUB_TOKEN")
	}
	if token != "" {
		gha.AddMask(token)
	}
	ctx, err := gha.Context()
	if err != nil {
		return fmt.Errorf("reading the workflow context: %w", err)
	}
	user := in["user"]
	if user == "" {
		user = ctx.RepositoryOwner
	}
	if user == "" {
		return errors.New("no user: set the user input")
	}
	period, err := actionPeriod(in["period"], a.now())
	if err != nil {
		return err
	}
	format := in["format"]
	if format == "" {
		format = "markdown"
	}
	if format != "markdown" && format != "json" {
		return fmt.Errorf("bad format %q: want markdown or json", format)
	}
	publishTo := in["publish"]
	if publishTo == "" {
		publishTo = "summary"
	}
	switch publishTo {
	case "summary", "file", "issue", "pull-request":
	default:
		return fmt.Errorf("bad publish %q: want summary, file, issue or pull-request", publishTo)
	}

	// The checkout, when there is one, is read as `git career` reads a
	// repository, with the same git config: career.team, mailmap.file,
	// career.email and the ladder.
	var repos []*history.Repo
	if ws := ctx.Workspace; ws != "" {
		if r, err := history.Open(ws); err == nil {
			repos = append(repos, r)
			defer r.Close()
		}
	}
	var cfg *history.Config
	if len(repos) > 0 {
		cfg, err = repos[0].Config(a.getenv)
	} else {
		cfg, err = history.LoadConfig(a.getenv, "")
	}
	if err != nil {
		return err
	}
	set, err := a.settings(cfg, "", "", "")
	if err != nil {
		return err
	}
	id := work.Identity{Logins: []string{user}, Emails: words(in["emails"])}
	for _, e := range cfg.All("career.email") {
		id.Emails = appendNew(id.Emails, e)
	}
	req := set.request(repos, id)
	req.Read, req.JSON = period, format == "json"

	gh := brag.GitHub{User: user, Token: token}
	if token == "" {
		gha.Warningf("no github-token: pull requests, reviews and issues are left out of the doc")
		gh.Off = true
	}
	for _, r := range words(in["repositories"]) {
		if org, ok := strings.CutPrefix(r, "org:"); ok {
			gh.Orgs = append(gh.Orgs, org)
		} else {
			gh.Repos = append(gh.Repos, r)
		}
	}
	if len(gh.Repos)+len(gh.Orgs) == 0 && ctx.Repository != "" {
		gh.Repos = []string{ctx.Repository}
	}
	a.githubClient(&gh, true)
	req.GitHub = gh

	ext := ".md"
	if req.JSON {
		ext = ".json"
	}
	out := in["output"]
	if out == "" {
		out = filepath.Join("brag", period.Label+ext)
	}
	path := out
	if !filepath.IsAbs(path) && ctx.Workspace != "" {
		path = filepath.Join(ctx.Workspace, out)
	}
	if err := mkdirFor(path); err != nil {
		return err
	}
	// The file may hold last quarter's doc, with the person's edits: the
	// new period is merged in, and that is what gets published.
	of, err := openOutput(path, req.JSON)
	if err != nil {
		return err
	}
	req.Doc, req.DocName = of.doc, path
	req.Now = a.now()

	gha.Group("Reading history")
	res, err := brag.Run(bg, req)
	gha.EndGroup()
	if err != nil {
		return of.mergeErr(err)
	}
	rep := res.Reports[0]
	if res.Stranger {
		// Nothing of the user's in the period: nothing is written or
		// published (a doc, issue or pull request keeps what it had).
		gha.Noticef("no commit, pull request, review or issue by @%s in %s; nothing written", user, period.Label)
		if a.getenv("GITHUB_STEP_SUMMARY") != "" {
			// The run's page says why nothing came of it.
			gha.AddStepSummary(fmt.Sprintf("# Brag document: @%s, %s\n\nNo commit, pull request, review or issue by @%s in %s: nothing was written or published.\n",
				user, period.Label, user, period.Label))
		}
		if a.getenv("GITHUB_OUTPUT") != "" {
			gha.SetOutput("path", out)
			gha.SetOutput("period", period.Label)
			gha.SetOutput("contributions", "0")
		}
		return nil
	}
	for _, s := range rep.Sources {
		if s.Shallow {
			gha.Warningf("the checkout of %s is shallow, so its commits before the last one were not read: set `fetch-depth: 0` on actions/checkout; pull requests, reviews and issues still come from GitHub's API", s.Repo)
		}
		for _, w := range s.Warnings {
			gha.Warningf("%s", w)
		}
	}
	for _, w := range res.Warnings {
		gha.Warningf("%s", w)
	}
	if s := remeasured(res.Remeasured); s != "" {
		gha.Infof("%s", s)
	}
	client := github.NewClient(a.httpClient()).WithAuthToken(token)
	if api := a.apiRoot(); api != defaultAPI {
		if client, err = client.WithEnterpriseURLs(api, api); err != nil {
			return fmt.Errorf("bad GITHUB_API_URL %q: %w", api, err)
		}
	}
	if err := a.checkPrivacy(bg, gha, client, ctx.Repository, rep, in["allow-private-in-public"]); err != nil {
		return err
	}
	doc := res.Out
	if !res.Same {
		if err := of.write(doc); err != nil {
			return err
		}
	}
	if a.getenv("GITHUB_STEP_SUMMARY") != "" {
		if req.JSON {
			gha.AddStepSummary("```json\n" + string(doc) + "```\n")
		} else {
			gha.AddStepSummary(string(doc))
		}
	}
	outputs := map[string]string{"path": out, "period": period.Label, "contributions": strconv.Itoa(len(rep.Contributions))}

	title := fmt.Sprintf("Brag document: @%s, %s", user, period.Label)
	switch publishTo {
	case "issue", "pull-request":
		p, err := publish.New(client, ctx.Repository)
		if err != nil {
			return err
		}
		if !req.JSON {
			p.Merge = report.Merge
		}
		if publishTo == "issue" {
			url, created, err := p.Issue(bg, user, period.Label, title, string(doc))
			if err != nil {
				return err
			}
			outputs["issue-url"] = url
			gha.Infof("%s %s", verb(created), url)
		} else {
			url, created, err := p.PullRequest(bg, user, period.Label, filepath.ToSlash(out), title, doc)
			if err != nil {
				return err
			}
			outputs["pull-request-url"] = url
			gha.Infof("%s %s", verb(created), url)
		}
	}
	if a.getenv("GITHUB_OUTPUT") != "" {
		for _, k := range actionOutputs {
			if v, ok := outputs[k]; ok {
				gha.SetOutput(k, v)
			}
		}
	}
	return nil
}

func verb(created bool) string {
	if created {
		return "opened"
	}
	return "updated"
}

// checkPrivacy refuses to put items from private repositories in a public
// repository's summary, file, issue or pull request, unless allowed.
func (a *app) checkPrivacy(ctx context.Context, gha *githubactions.Action, client *github.Client, repo string, rep *work.Report, allow string) error {
	private := 0
	for _, c := range rep.Contributions {
		if c.Private {
			private++
		}
	}
	if private == 0 || repo == "" {
		return nil
	}
	allowed, _ := strconv.ParseBool(allow)
	if allowed {
		gha.Warningf("publishing %d items from private repositories, as allow-private-in-public says", private)
		return nil
	}
	p, err := publish.New(client, repo)
	if err != nil {
		return err
	}
	public, err := p.Public(ctx)
	if err != nil {
		return err
	}
	if public {
		return fmt.Errorf("the doc holds %d items from private repositories and %s is public: refusing to publish them there; run in a private repository, narrow the repositories input, or set allow-private-in-public: true", private, repo)
	}
	return nil
}

// actionPeriod reads the period input: last-quarter, current-quarter,
// 2026Q3, or 2026-07-01..2026-09-30.
func actionPeriod(s string, now time.Time) (work.Period, error) {
	switch s {
	case "", "last-quarter":
		return work.Quarter("last", now)
	case "current-quarter":
		return work.Quarter("current", now)
	}
	if since, until, ok := strings.Cut(s, ".."); ok {
		from, err := work.ParseDate(since, now.Location())
		if err != nil {
			return work.Period{}, fmt.Errorf("period: %w", err)
		}
		to, err := work.ParseDate(until, now.Location())
		if err != nil {
			return work.Period{}, fmt.Errorf("period: %w", err)
		}
		p, err := work.Range(from, to)
		if err != nil {
			return p, fmt.Errorf("period: %w", err)
		}
		return p, nil
	}
	p, err := work.Quarter(s, now)
	if err != nil {
		return p, fmt.Errorf("period: %w (or last-quarter, current-quarter, YYYY-MM-DD..YYYY-MM-DD)", err)
	}
	return p, nil
}
