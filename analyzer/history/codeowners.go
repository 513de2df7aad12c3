package history

import (
	"path"
	"strings"
)

// codeownersPaths are where GitHub looks for the file, in its order.
var codeownersPaths = []string{".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"}

// codeowners is a parsed CODEOWNERS file: the last matching rule wins.
type codeowners struct {
	rules []ownerRule
}

type ownerRule struct {
	segments []string // pattern split at "/", "**" matching any number of segments
	dirOnly  bool     // pattern ended with "/": matches what is under it
	owners   []string // lower-cased
}

// parseCodeowners reads a CODEOWNERS file. Blank lines and comments are
// skipped; a pattern with no owners un-assigns the paths it matches.
func parseCodeowners(data string) *codeowners {
	c := &codeowners{}
	for _, line := range strings.Split(data, "\n") {
		if i := strings.Index(line, " #"); i >= 0 {
			line = line[:i]
		}
		fields := strings.Fields(line)
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		c.rules = append(c.rules, newOwnerRule(fields[0], fields[1:]))
	}
	return c
}

func newOwnerRule(pattern string, owners []string) ownerRule {
	r := ownerRule{}
	for _, o := range owners {
		r.owners = append(r.owners, strings.ToLower(o))
	}
	r.dirOnly = strings.HasSuffix(pattern, "/")
	pattern = strings.Trim(pattern, "/")
	anchored := strings.Contains(pattern, "/") || strings.HasPrefix(pattern, "/")
	r.segments = strings.Split(pattern, "/")
	if !anchored {
		// A bare name such as "*.go" or "docs/" matches at any depth.
		r.segments = append([]string{"**"}, r.segments...)
	}
	return r
}

// Owners returns the owners of a slash-separated path, nil when no rule
// assigns it.
func (c *codeowners) Owners(p string) []string {
	for i := len(c.rules) - 1; i >= 0; i-- {
		r := c.rules[i]
		if r.match(strings.Split(p, "/")) {
			return r.owners
		}
	}
	return nil
}

func (r ownerRule) match(parts []string) bool {
	// A rule that names a directory covers everything below it; "dir/*"
	// covers only the files directly inside, as GitHub documents.
	last := r.segments[len(r.segments)-1]
	prefixOK := last != "*"
	return matchSegments(r.segments, parts, prefixOK, r.dirOnly)
}

// matchSegments matches pattern segments against path segments. With
// prefixOK, the pattern may match a leading directory of the path; with
// dirOnly, it must.
func matchSegments(pat, parts []string, prefixOK, dirOnly bool) bool {
	if len(pat) == 0 {
		if len(parts) == 0 {
			return !dirOnly
		}
		return prefixOK
	}
	if pat[0] == "**" {
		for i := 0; i <= len(parts); i++ {
			if matchSegments(pat[1:], parts[i:], prefixOK, dirOnly) {
				return true
			}
		}
		return false
	}
	if len(parts) == 0 {
		return false
	}
	ok, err := path.Match(pat[0], parts[0])
	if err != nil || !ok {
		return false
	}
	return matchSegments(pat[1:], parts[1:], prefixOK, dirOnly)
}
