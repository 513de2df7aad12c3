package main

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/git-career/git-career/analyzer/github"
	"github.com/git-career/git-career/brag"
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

// githubClient sets what every GitHub read needs from the outside
// world: the API root (GITHUB_API_URL), the Enterprise host whose remotes
// count, an HTTP client (with the ETag cache, when cache), the clock and
// the rate-limit wait.
func (a *app) githubClient(gh *brag.GitHub, cache bool) {
	gh.APIRoot = a.apiRoot()
	if h := apiHost(gh.APIRoot); h != "" {
		gh.Hosts = []string{h}
	}
	gh.HTTPClient = a.httpClient()
	if cache {
		if dir, err := a.cacheDir(); err == nil {
			gh.HTTPClient.Transport = github.NewCacheTransport(filepath.Join(dir, "git-career", "github"), http.DefaultTransport)
		}
	}
	gh.Now, gh.Sleep = a.now, a.sleep
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
