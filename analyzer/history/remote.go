package history

import (
	"net/url"
	"strings"
)

// gitHubRepo returns "owner/name" when a remote URL points at github.com,
// in any of the forms git accepts: https, ssh://, and scp-like
// "git@github.com:owner/name.git".
func gitHubRepo(remote string) (string, bool) { return gitHubRepoOn(remote, nil) }

// gitHubRepoOn is gitHubRepo for github.com and the given hosts (GitHub
// Enterprise servers).
func gitHubRepoOn(remote string, hosts []string) (string, bool) {
	_, full, ok := parseRemote(remote, hosts)
	return full, ok
}

// parseRemote returns the host (lower-cased; "github.com" for www.) and
// "owner/name" of a remote on github.com or one of hosts.
func parseRemote(remote string, hosts []string) (host, full string, ok bool) {
	remote = strings.TrimSpace(remote)
	var p string
	if u, err := url.Parse(remote); err == nil && u.Scheme != "" && u.Host != "" {
		host, p = u.Hostname(), u.Path
	} else if at := strings.Index(remote, "@"); at >= 0 && strings.Contains(remote[at:], ":") {
		rest := remote[at+1:]
		host, p, _ = strings.Cut(rest, ":")
	} else {
		return "", "", false
	}
	host = strings.ToLower(host)
	if host == "www.github.com" {
		host = "github.com"
	}
	known := strings.EqualFold(host, "github.com") || strings.EqualFold(host, "www.github.com")
	for _, h := range hosts {
		known = known || strings.EqualFold(host, h)
	}
	if !known {
		return "", "", false
	}
	p = strings.TrimSuffix(strings.Trim(p, "/"), ".git")
	owner, name, found := strings.Cut(p, "/")
	if !found || owner == "" || name == "" || strings.Contains(name, "/") {
		return "", "", false
	}
	return host, owner + "/" + name, true
}
