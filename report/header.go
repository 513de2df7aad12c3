package report

import (
	"fmt"
	"strings"

	"github.com/git-career/git-career/analyzer/work"
)

// who names the person in the title: a name reads best, then a login, then
// an email.
func who(id work.Identity) string {
	switch {
	case id.All:
		return "everyone"
	case len(id.Names) > 0:
		return id.Names[0]
	case len(id.Logins) > 0:
		return "@" + id.Logins[0]
	case len(id.Emails) > 0:
		return id.Emails[0]
	}
	return "unknown author"
}

// identities lists every email, name and login searched for, so an empty
// document shows exactly what was looked up.
func identities(id work.Identity) string {
	if id.All {
		return "any author"
	}
	var all []string
	all = append(all, id.Emails...)
	all = append(all, id.Names...)
	for _, l := range id.Logins {
		all = append(all, "@"+l)
	}
	if len(all) == 0 {
		return "an unknown author"
	}
	return strings.Join(all, ", ")
}

// scanned is "scanned api (1,200 commits), web (34 commits), GitHub
// activity of @ana (37 API requests)".
func scanned(ss []work.Source) string {
	if len(ss) == 0 {
		return "no repositories scanned"
	}
	parts := make([]string, 0, len(ss))
	for _, s := range sortedSources(ss) {
		if s.Kind == "github" {
			parts = append(parts, fmt.Sprintf("GitHub activity of @%s (%s)",
				escapeText(s.Repo), count(s.Requests, "API request", "API requests")))
			continue
		}
		parts = append(parts, fmt.Sprintf("%s (%s)",
			escapeText(sourceName(s)), count(s.CommitsScanned, "commit", "commits")))
	}
	return "scanned " + strings.Join(parts, ", ")
}

func sourceName(s work.Source) string {
	if s.Repo != "" {
		return s.Repo
	}
	return s.Path
}

// warnings shows what may make the document incomplete as a blockquote,
// one paragraph per warning, or "" when there is nothing to warn about. A
// shallow clone gets its fix spelled out because it silently hides older
// commits.
func warnings(ss []work.Source) string {
	var ws []string
	for _, s := range sortedSources(ss) {
		name := escapeText(sourceName(s))
		if s.Shallow {
			w := fmt.Sprintf("**Warning:** %s is a shallow clone, so older commits may be missing. "+
				"Run `git fetch --unshallow`", name)
			if s.Path != "" {
				w += " in " + codeSpan(s.Path)
			}
			ws = append(ws, w+" and generate this document again.")
		}
		for _, x := range s.Warnings {
			ws = append(ws, fmt.Sprintf("**Warning (%s):** %s", name, escapeText(x)))
		}
	}
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteString(">\n")
		}
		b.WriteString("> " + w + "\n")
	}
	return b.String()
}

// codeSpan wraps s in enough backticks that a backtick inside it cannot
// close the span early.
func codeSpan(s string) string {
	// A path may hold spaces that must survive copy-paste; only line
	// breaks, which would end the blockquote, are flattened.
	s = strings.NewReplacer("\r", " ", "\n", " ").Replace(s)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}
