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
		return fmt.Sprintf("only test files changed; message says %q (%s)", w, what), true
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

// joinNames lists up to three names, then "and N others".
func joinNames(names []string) string {
	const show = 3
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

// An area is someone else's when, over a year of history (Context.Areas),
// others changed it in at least othersAreaMinCommits commits and the user
// in at most othersAreaMaxShare of all the commits that changed it.
const (
	othersAreaMinCommits = 5
	othersAreaMaxShare   = 0.2
)

// othersArea is the fallback without CODEOWNERS: a top-level folder where
// other people do nearly all the work is probably another team's. Root
// files are shared by everyone and never count.
func othersArea(f *facts) (string, bool) {
	if f.ctx.Owners != nil {
		return "", false
	}
	for _, fc := range f.c.Files {
		a := TopArea(fc.Path)
		act := f.ctx.Areas[a]
		if a == "" || act.Others < othersAreaMinCommits {
			continue
		}
		if float64(act.Mine) <= othersAreaMaxShare*float64(act.Mine+act.Others) {
			return fmt.Sprintf("changes %s/, where others made %s of %s commits in the year to the end of its quarter", a, thousands(act.Others), thousands(act.Mine+act.Others)), true
		}
	}
	return "", false
}
