package github

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"

	gh "github.com/google/go-github/v60/github"
)

const (
	defaultGitHubAPI = "https://api.github.com/"
	// maxCommentedItems caps the issues and pull requests whose
	// conversation is read (one request each): the commenter search finds
	// every thread touched, which can be hundreds.
	maxCommentedItems = 50
	// updatedSlackDays widens "updated" searches past the period: a pull
	// request reviewed near the end is often merged (updated) just after.
	updatedSlackDays = 30
)

// ghReader holds one run's client, caches and findings.
type ghReader struct {
	client *gh.Client
	lim    *limiter
	opt    Options
	login  string
	scopes []string
	repos  map[string]*repoInfo
	warned map[string]bool
	ev     *Evidence
}

type repoInfo struct {
	private bool
	missing bool // 404: skipped
}

// Read reads the pull requests, reviews, review comments,
// conversation comments and issues of opt.User (or the token's user) in
// opt.Period. Requests: about ten searches, two per reviewed pull request,
// one per repository (for its visibility) and one per commented thread (at
// most 50); rate limits are waited out when the wait is short.
//
// opt.Now and opt.Sleep are required (the package never reads the clock).
// Wrap opt.HTTPClient's transport with [NewCacheTransport] to make a second
// run over the same period nearly free.
func Read(ctx context.Context, opt Options) (*Evidence, error) {
	if opt.Now == nil || opt.Sleep == nil {
		return nil, errors.New("github: options need Now and Sleep")
	}
	if opt.Period.Since.IsZero() || opt.Period.Until.IsZero() {
		return nil, errors.New("github: options need a period")
	}
	client, lim, err := newClient(opt)
	if err != nil {
		return nil, err
	}
	g := &ghReader{client: client, lim: lim, opt: opt, scopes: scopeQualifiers(opt.Repos, opt.Orgs),
		repos: map[string]*repoInfo{}, warned: map[string]bool{}, ev: &Evidence{}}
	err = g.read(ctx)
	g.ev.Requests, g.ev.NotModified = lim.requests, lim.notModified
	if err != nil {
		return nil, err
	}
	return g.ev, nil
}

// newClient is go-github's client over the limiter, for opt's server and
// token.
func newClient(opt Options) (*gh.Client, *limiter, error) {
	hc := opt.HTTPClient
	if hc == nil {
		hc = &http.Client{}
	}
	next := hc.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	lim := &limiter{next: next, now: opt.Now, sleep: opt.Sleep, progress: opt.Progress, token: opt.Token}
	// No client Timeout here: it would span the limiter's waits and retries.
	client := gh.NewClient(&http.Client{Transport: lim})
	if opt.Token != "" {
		client = client.WithAuthToken(opt.Token)
	}
	base := opt.BaseURL
	if base == "" {
		base = defaultGitHubAPI
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	u, err := url.Parse(base)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return nil, nil, fmt.Errorf("github: bad API URL %q: want such as https://api.github.com/ or https://HOST/api/v3/", opt.BaseURL)
	}
	client.BaseURL = u
	return client, lim, nil
}

func (g *ghReader) read(ctx context.Context) error {
	g.login = g.opt.User
	if g.login == "" {
		user, _, err := g.client.Users.Get(ctx, "")
		if err != nil {
			return g.fail("read the token's user", err)
		}
		g.login = user.GetLogin()
		if g.opt.Teams {
			if err := g.readTeams(ctx); err != nil {
				return err
			}
		}
	}
	g.ev.Login = g.login
	who := g.login
	created := searchRange(g.opt.Period, 0)
	updated := searchRange(g.opt.Period, updatedSlackDays)

	// Four searches at most per scope, each as few pages as it can be:
	// pull requests and issues the user opened come back together, and
	// the pull requests they reviewed are left out of the commenter search
	// (their reviews are read anyway).
	authored, err := g.searchAll(ctx, "author:"+who, "created", created)
	if err != nil {
		return err
	}
	// A pull request belongs to the period it was merged in, whenever it
	// was opened: those merged in the period are searched too.
	merged, err := g.searchAll(ctx, "is:pr author:"+who, "merged", created)
	if err != nil {
		return err
	}
	var prs, issues []*gh.Issue
	seenPR := map[int64]bool{}
	for _, it := range append(authored, merged...) {
		if seenPR[it.GetID()] {
			continue
		}
		seenPR[it.GetID()] = true
		if it.IsPullRequest() {
			prs = append(prs, it)
		} else {
			issues = append(issues, it)
		}
	}
	reviewed, err := g.searchAll(ctx, "is:pr reviewed-by:"+who+" -author:"+who, "updated", updated)
	if err != nil {
		return err
	}
	commented, err := g.searchAll(ctx, "commenter:"+who+" -reviewed-by:"+who, "updated", updated)
	if err != nil {
		return err
	}

	for _, it := range prs {
		if err := g.addPullRequest(ctx, it); err != nil {
			return err
		}
	}
	for _, it := range issues {
		if err := g.addIssue(ctx, it); err != nil {
			return err
		}
	}
	isReviewed := map[int64]bool{}
	for _, it := range reviewed {
		isReviewed[it.GetID()] = true
		if err := g.addReviews(ctx, it); err != nil {
			return err
		}
	}
	// A reviewed pull request's conversation is not read: its two
	// requests go to reviews and inline comments.
	var threads []*gh.Issue
	for _, it := range commented {
		if !isReviewed[it.GetID()] {
			threads = append(threads, it)
		}
	}
	sort.SliceStable(threads, func(i, j int) bool {
		return threads[i].GetUpdatedAt().After(threads[j].GetUpdatedAt().Time)
	})
	if len(threads) > maxCommentedItems {
		g.warn(fmt.Sprintf("github: comments found on %d issues and pull requests; read on the %d most recently updated only",
			len(threads), maxCommentedItems))
		threads = threads[:maxCommentedItems]
	}
	for _, it := range threads {
		if err := g.addIssueComments(ctx, it); err != nil {
			return err
		}
	}
	g.sortEvidence()
	return nil
}

// fail turns a go-github error into the run's error, with the token
// removed from its text.
func (g *ghReader) fail(what string, err error) error {
	var rl *rateLimitError
	var er *gh.ErrorResponse
	switch {
	case errors.As(err, &rl):
		return rl
	case errors.As(err, &er) && er.Response != nil && er.Response.StatusCode == http.StatusUnauthorized:
		return errTokenRejected
	}
	// The cause without go-github's decoration (method, URL, field
	// errors): the status and GitHub's message say what went wrong.
	cause := err.Error()
	var ue *url.Error
	switch {
	case errors.As(err, &er) && er.Response != nil:
		cause = er.Response.Status
		if er.Message != "" {
			cause += ": " + er.Message
		}
	case errors.As(err, &ue):
		cause = ue.Err.Error()
	}
	return &redactedError{text: redact(fmt.Sprintf("github: %s: %s", what, cause), g.opt.Token), err: err}
}

// readTeams lists the token's user's teams. A token that may not list
// them (403, 404: a classic token without read:org, or a fine-grained one)
// leaves them unknown: the teams only refine cross-team work, and the
// command says how to set career.team instead.
func (g *ghReader) readTeams(ctx context.Context) error {
	opt := &gh.ListOptions{PerPage: 100}
	teams := []string{}
	for {
		ts, resp, err := g.client.Teams.ListUserTeams(ctx, opt)
		var er *gh.ErrorResponse
		var rl *rateLimitError
		switch {
		case errors.As(err, &rl):
			return rl
		case errors.As(err, &er) && er.Response != nil && (er.Response.StatusCode == http.StatusForbidden || er.Response.StatusCode == http.StatusNotFound):
			return nil
		case err != nil:
			return g.fail("list the user's teams", err)
		}
		for _, t := range ts {
			if org, slug := t.GetOrganization().GetLogin(), t.GetSlug(); org != "" && slug != "" {
				teams = append(teams, strings.ToLower("@"+org+"/"+slug))
			}
		}
		if resp.NextPage == 0 {
			break
		}
		opt.Page = resp.NextPage
	}
	sort.Strings(teams)
	g.ev.Teams = teams
	return nil
}

// notFound reports whether err is a 404.
func notFound(err error) bool {
	var er *gh.ErrorResponse
	return errors.As(err, &er) && er.Response != nil && er.Response.StatusCode == http.StatusNotFound
}

func (g *ghReader) warn(msg string) {
	msg = redact(msg, g.opt.Token)
	if g.warned[msg] {
		return
	}
	g.warned[msg] = true
	g.ev.Warnings = append(g.ev.Warnings, msg)
}

func (g *ghReader) warnMissing(repo string) {
	g.warn(fmt.Sprintf("github: repository %q not found or not visible to this token; skipped", repo))
}

// repo returns what is known of a repository, reading it once: search
// results do not say whether it is private.
func (g *ghReader) repo(ctx context.Context, full string) (*repoInfo, error) {
	if info, ok := g.repos[full]; ok {
		return info, nil
	}
	info := &repoInfo{}
	owner, name, _ := strings.Cut(full, "/")
	r, _, err := g.client.Repositories.Get(ctx, owner, name)
	switch {
	case notFound(err):
		info.missing = true
		g.warnMissing(full)
	case err != nil:
		return nil, g.fail(fmt.Sprintf("read repository %q", full), err)
	default:
		info.private = r.GetPrivate()
	}
	g.repos[full] = info
	return info, nil
}

func (g *ghReader) sortEvidence() {
	ev := g.ev
	sort.SliceStable(ev.PullRequests, func(i, j int) bool { return ev.PullRequests[i].CreatedAt.Before(ev.PullRequests[j].CreatedAt) })
	sort.SliceStable(ev.Issues, func(i, j int) bool { return ev.Issues[i].CreatedAt.Before(ev.Issues[j].CreatedAt) })
	sort.SliceStable(ev.Reviews, func(i, j int) bool { return ev.Reviews[i].SubmittedAt.Before(ev.Reviews[j].SubmittedAt) })
	sort.SliceStable(ev.ReviewComments, func(i, j int) bool {
		return ev.ReviewComments[i].CreatedAt.Before(ev.ReviewComments[j].CreatedAt)
	})
	sort.SliceStable(ev.IssueComments, func(i, j int) bool {
		return ev.IssueComments[i].CreatedAt.Before(ev.IssueComments[j].CreatedAt)
	})
}
