package classify

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/git-career/git-career/analyzer/work"
)

// Building blocks of the rule table in rules.go.

// testOnlyWith matches a change to test files only whose message uses a
// word of re: the shape of the typical flaky-test fix, where the message
// often names only the file or the state it resets (IDoFT).
func testOnlyWith(re *regexp.Regexp, what string) func(f *facts) (string, bool) {
	return func(f *facts) (string, bool) {
		if !f.all(f.tests) {
			return "", false
		}
		w, ok := find(re, f.msg())
		if !ok {
			return "", false
		}
		return fmt.Sprintf("message says %q (%s), on test files only", w, what), true
	}
}

// advisoryID is a CVE or GitHub advisory id anywhere in a message.
var advisoryID = regexp.MustCompile(`\b(cve-\d{4}-\d{4,}|ghsa(-[0-9a-z]{4}){3})\b`)

// bumpFromTo is the Dependabot/Renovate subject "bump x from 1.2 to 1.3".
var bumpFromTo = regexp.MustCompile(`^(bump|update|upgrade)s? \S+ from \S+ to \S+`)

// firstPath names the first changed path that satisfies ok.
func firstPath(f *facts, ok func(string) bool) string {
	for _, fc := range f.c.Files {
		if ok(fc.Path) {
			return fc.Path
		}
	}
	return ""
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// thousands formats n with commas: 1200 → "1,200".
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func personName(p work.Person) string {
	if p.Name != "" {
		return p.Name
	}
	return p.Email
}

// joinNames lists up to three names, then "and N others"; one person
// named twice (two emails, one name) is named once.
func joinNames(names []string) string {
	const show = 3
	var uniq []string
	seen := map[string]bool{}
	for _, n := range names {
		if k := strings.ToLower(strings.TrimSpace(n)); !seen[k] {
			seen[k] = true
			uniq = append(uniq, n)
		}
	}
	names = uniq
	if len(names) <= show {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d others", strings.Join(names[:show], ", "), len(names)-show)
}

// ownedByOthers: with a CODEOWNERS file, a change to a path that has owners
// and none of them is the user (or their team) is work for another team.
// Without knowing who "us" is, every owned path would look foreign, so the
// rule says nothing then.
func ownedByOthers(f *facts) (string, bool) {
	if f.ctx.Owners == nil || len(f.ctx.Us) == 0 {
		return "", false
	}
	us := map[string]bool{}
	for _, u := range f.ctx.Us {
		us[strings.ToLower(u)] = true
	}
	foreign := map[string]bool{}
	example := ""
	for _, fc := range f.c.Files {
		owners := f.ctx.Owners(fc.Path)
		if len(owners) == 0 {
			continue
		}
		mine := false
		for _, o := range owners {
			if us[strings.ToLower(o)] {
				mine = true
				break
			}
		}
		if mine {
			continue
		}
		if example == "" {
			example = fc.Path
		}
		for _, o := range owners {
			foreign[o] = true
		}
	}
	if len(foreign) == 0 {
		return "", false
	}
	names := make([]string, 0, len(foreign))
	for o := range foreign {
		names = append(names, o)
	}
	sort.Strings(names)
	return fmt.Sprintf("changes %s, owned by %s", example, joinNames(names)), true
}
