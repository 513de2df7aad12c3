package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/git-career/git-career/analyzer"
)

// defaultAPI is GitHub's API root; GITHUB_API_URL (set by Actions, and by
// GitHub Enterprise users) replaces it.
const defaultAPI = "https://api.github.com/"

// githubToken finds a token the way gh and Actions users expect:
// GITHUB_TOKEN, then GH_TOKEN, then `gh auth token` when gh is installed.
func (a *app) githubToken() string {
	for _, v := range []string{"GITHUB_TOKEN", "GH_TOKEN"} {
		if t := strings.TrimSpace(a.getenv(v)); t != "" {
			return t
		}
	}
	if a.ghAuthToken != nil {
		if t, err := a.ghAuthToken(); err == nil {
			return strings.TrimSpace(t)
		}
	}
	return ""
}

// apiHost is the host of a GitHub Enterprise API root, whose remotes count
// as GitHub remotes too; "" for github.com.
func apiHost(api string) string {
	u, err := url.Parse(api)
	if err != nil || u.Hostname() == "api.github.com" {
		return ""
	}
	return u.Hostname()
}

// githubParams says what to read from GitHub.
type githubParams struct {
	user        string
	repos, orgs []string // scope; none: the GitHub remotes of localRepos
	localRepos  []string
	noGitHub    bool
	noCache     bool
	token       string // "" to look for one (githubToken)
}

func (o *options) github() githubParams {
	return githubParams{user: o.githubUser, repos: o.githubRepos, orgs: o.githubOrgs,
		localRepos: o.repos, noGitHub: o.noGitHub, noCache: o.noCache}
}

// readGitHub reads the user's pull requests, reviews and issues when a
// token and something to scope the search are at hand. It returns nil
// evidence, and says once on stderr what is missed, when there is no token.
func (a *app) readGitHub(o githubParams, period analyzer.Period) (*analyzer.GitHubEvidence, error) {
	if o.noGitHub {
		return nil, nil
	}
	api := a.apiRoot()
	repos, orgs := o.repos, o.orgs
	if len(repos) == 0 && len(orgs) == 0 {
		var hosts []string
		if h := apiHost(api); h != "" {
			hosts = append(hosts, h)
		}
		for _, r := range o.localRepos {
			rs, err := analyzer.GitHubRemotes(r, hosts)
			if err != nil {
				return nil, err
			}
			repos = append(repos, rs...)
		}
	}
	if len(repos) == 0 && len(orgs) == 0 && o.user == "" {
		return nil, nil // nothing on GitHub to read
	}
	token := o.token
	if token == "" {
		token = a.githubToken()
	}
	if token == "" {
		fmt.Fprintln(a.stderr, "git-career: note: no GitHub token (set GITHUB_TOKEN or GH_TOKEN, or run gh auth login): pull requests, reviews and issues are left out; --no-github hides this note")
		return nil, nil
	}
	client := a.httpClient()
	if !o.noCache {
		if dir, err := a.cacheDir(); err == nil {
			client.Transport = analyzer.NewCacheTransport(filepath.Join(dir, "git-career", "github"), http.DefaultTransport)
		}
	}
	gopt := analyzer.GitHubOptions{
		HTTPClient: client, BaseURL: api, Token: token, User: o.user,
		Repos: repos, Orgs: orgs, Period: period, Now: a.now, Sleep: a.sleep,
	}
	if a.stderrIsTerminal() {
		gopt.Progress = a.stderr
	}
	ev, err := analyzer.ReadGitHub(context.Background(), gopt)
	if err != nil {
		return nil, fmt.Errorf("github: %w", err)
	}
	return ev, nil
}

// userCacheDir is os.UserCacheDir, honouring XDG_CACHE_HOME and HOME from
// the app's environment.
func (a *app) cacheDir() (string, error) {
	if d := a.getenv("XDG_CACHE_HOME"); d != "" {
		return d, nil
	}
	if h := a.getenv("HOME"); h != "" {
		return filepath.Join(h, ".cache"), nil
	}
	return os.UserCacheDir()
}

// apiRoot is GITHUB_API_URL with a trailing slash, or GitHub's own.
func (a *app) apiRoot() string {
	api := a.getenv("GITHUB_API_URL")
	if api == "" {
		api = defaultAPI
	}
	if !strings.HasSuffix(api, "/") {
		api += "/"
	}
	return api
}

// httpClient is the client for GitHub, with a bounded wait per request.
func (a *app) httpClient() *http.Client {
	return &http.Client{Timeout: 60 * time.Second, Transport: http.DefaultTransport}
}
