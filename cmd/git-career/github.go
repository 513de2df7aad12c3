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

	"github.com/git-career/git-career/analyzer/github"
	"github.com/git-career/git-career/analyzer/history"
	"github.com/git-career/git-career/analyzer/work"
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
	teams       bool   // list the token's user's teams (no career.team)
}

func (o *options) github() githubParams {
	return githubParams{user: o.githubUser, repos: o.githubRepos, orgs: o.githubOrgs,
		localRepos: o.repos, noGitHub: o.noGitHub, noCache: o.noCache}
}

// resolveGitHub settles, once per run, whether GitHub is read and how:
// the scope (default: the GitHub remotes of the local repositories) and the
// token. Without a token it says once on stderr what is missed, and turns
// GitHub off.
func (a *app) resolveGitHub(o githubParams) (githubParams, error) {
	if o.noGitHub {
		return o, nil
	}
	if len(o.repos) == 0 && len(o.orgs) == 0 {
		var hosts []string
		if h := apiHost(a.apiRoot()); h != "" {
			hosts = append(hosts, h)
		}
		for _, r := range o.localRepos {
			rs, err := history.GitHubRemotes(r, hosts)
			if err != nil {
				return o, err
			}
			o.repos = append(o.repos, rs...)
		}
	}
	if len(o.repos) == 0 && len(o.orgs) == 0 && o.user == "" {
		o.noGitHub = true // nothing on GitHub to read
		return o, nil
	}
	if o.token == "" {
		o.token = a.githubToken()
	}
	if o.token == "" {
		fmt.Fprintln(a.stderr, "git-career: note: no GitHub token (set GITHUB_TOKEN or GH_TOKEN, or run gh auth login): pull requests, reviews and issues are left out; --no-github hides this note")
		o.noGitHub = true
	}
	return o, nil
}

// readGitHub reads the user's pull requests, reviews and issues in the
// period, as resolveGitHub settled; nil evidence when GitHub is off.
func (a *app) readGitHub(o githubParams, period work.Period) (*github.Evidence, error) {
	if o.noGitHub {
		return nil, nil
	}
	client := a.httpClient()
	if !o.noCache {
		if dir, err := a.cacheDir(); err == nil {
			client.Transport = github.NewCacheTransport(filepath.Join(dir, "git-career", "github"), http.DefaultTransport)
		}
	}
	gopt := github.Options{
		HTTPClient: client, BaseURL: a.apiRoot(), Token: o.token, User: o.user,
		Repos: o.repos, Orgs: o.orgs, Period: period, Now: a.now, Sleep: a.sleep,
		Teams: o.teams,
	}
	if a.stderrIsTerminal() {
		gopt.Progress = a.stderr
	}
	// The analyzer's errors already start "github: ".
	return github.Read(context.Background(), gopt)
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
