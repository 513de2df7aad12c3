package work

import (
	"strings"
)

// noreplyDomain is where GitHub hides users' emails:
// "123+login@users.noreply.github.com", or "login@..." for older accounts.
const noreplyDomain = "@users.noreply.github.com"

// NoreplyLogin returns the GitHub login of a noreply address.
func NoreplyLogin(email string) (string, bool) {
	email = strings.ToLower(strings.TrimSpace(email))
	local, ok := strings.CutSuffix(email, noreplyDomain)
	if !ok || local == "" {
		return "", false
	}
	if _, login, found := strings.Cut(local, "+"); found {
		local = login
	}
	return local, local != ""
}

// botNames are automation accounts that write commits or co-author them
// without the "[bot]" suffix GitHub Apps get.
var botNames = map[string]bool{
	"dependabot": true, "renovate": true, "renovate-bot": true, "github-actions": true,
	"autofix-ci": true, "pre-commit-ci": true, "greenkeeper": true, "snyk-bot": true,
	"mergify": true, "copilot": true, "github actions": true, "github action": true,
	"renovate bot": true, "autofix": true,
	// The identity actions/checkout commits as unless told otherwise.
	"actions-user": true,
}

// IsBot reports whether p is an automation account rather than a person.
func IsBot(p Person) bool {
	name := strings.ToLower(strings.TrimSpace(p.Name))
	email := strings.ToLower(p.Email)
	// "GoReleaser Bot", "MikroORM Release Bot": a project's release bot.
	if strings.HasSuffix(name, "[bot]") || strings.HasSuffix(name, " bot") || strings.Contains(email, "[bot]") || botNames[name] {
		return true
	}
	if login, ok := NoreplyLogin(email); ok && (strings.HasSuffix(login, "[bot]") || botNames[login]) {
		return true
	}
	local, _, _ := strings.Cut(email, "@")
	return botNames[local] || strings.HasSuffix(local, "-bot")
}

// Matcher tells whether a person is the one a report is about.
type Matcher struct {
	all    bool
	emails map[string]bool
	names  map[string]bool // lower-cased names and logins
	logins map[string]bool
}

// NewMatcher matches the emails, names and logins of id.
func NewMatcher(id Identity) *Matcher {
	m := &Matcher{all: id.All, emails: map[string]bool{}, names: map[string]bool{}, logins: map[string]bool{}}
	for _, e := range id.Emails {
		m.emails[strings.ToLower(strings.TrimSpace(e))] = true
		if login, ok := NoreplyLogin(e); ok {
			m.logins[login] = true
		}
	}
	for _, n := range id.Names {
		m.names[strings.ToLower(strings.TrimSpace(n))] = true
	}
	for _, l := range id.Logins {
		m.logins[strings.ToLower(strings.TrimPrefix(strings.TrimSpace(l), "@"))] = true
	}
	return m
}

// Match reports whether p is the user: by email (case-insensitive), by name,
// or by the GitHub login behind a noreply address.
func (m *Matcher) Match(p Person) bool {
	if m.all {
		return true
	}
	email := strings.ToLower(p.Email)
	if m.emails[email] {
		return true
	}
	name := strings.ToLower(strings.TrimSpace(p.Name))
	if name != "" && (m.names[name] || m.logins[name]) {
		return true
	}
	if login, ok := NoreplyLogin(email); ok && m.logins[login] {
		return true
	}
	return false
}

// All reports whether the matcher matches everyone ("*").
func (m *Matcher) All() bool { return m.all }
