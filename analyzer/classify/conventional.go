package classify

import (
	"strings"

	"github.com/git-career/git-career/analyzer/work"
)

// conventionalCommit is a subject parsed as a Conventional Commit:
// "type(scope)!: description".
type conventionalCommit struct {
	Type        string // lower-cased, letters only
	Scope       string // trimmed, as written; "" when absent
	Breaking    bool   // "!" before the colon
	Description string // trimmed text after the colon
}

// maxTypeLen bounds the type so that prose such as "Note: ..." may parse but
// a long first word followed by a colon (a URL scheme, a sentence) does not
// look like a convention someone chose.
const maxTypeLen = 16

// parseConventional parses subject as "type(scope)!: description". It is
// tolerant of spaces around the parts ("fix (ui) : x") but the type must be
// one word of ASCII letters, so "Merge branch 'x'", "see foo: bar" and
// "Revert \"x\"" do not parse. "http://x" does not parse because a
// description may not start with "//" (that is a URL, not a prefix).
func parseConventional(subject string) (conventionalCommit, bool) {
	s := strings.TrimSpace(subject)
	i := 0
	for i < len(s) && isASCIILetter(s[i]) {
		i++
	}
	if i == 0 || i > maxTypeLen {
		return conventionalCommit{}, false
	}
	cc := conventionalCommit{Type: strings.ToLower(s[:i])}
	rest := strings.TrimLeft(s[i:], " \t")
	if strings.HasPrefix(rest, "(") {
		end := strings.IndexByte(rest, ')')
		if end < 0 {
			return conventionalCommit{}, false
		}
		scope := rest[1:end]
		if strings.ContainsAny(scope, "()") {
			return conventionalCommit{}, false
		}
		cc.Scope = strings.TrimSpace(scope)
		rest = strings.TrimLeft(rest[end+1:], " \t")
	}
	if strings.HasPrefix(rest, "!") {
		cc.Breaking = true
		rest = strings.TrimLeft(rest[1:], " \t")
	}
	if !strings.HasPrefix(rest, ":") {
		return conventionalCommit{}, false
	}
	rest = rest[1:]
	if strings.HasPrefix(rest, "//") {
		return conventionalCommit{}, false
	}
	cc.Description = strings.TrimSpace(rest)
	if cc.Description == "" {
		return conventionalCommit{}, false
	}
	return cc, true
}

func isASCIILetter(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

// byContent marks a Conventional type that names no kind of work by itself
// (chore, wip, revert): the commit is classified from its scope, paths and
// words, exactly like an unprefixed commit.
const byContent work.Category = ""

// conventionalTypes maps every type we know to the category it announces.
// Authors choose prefixes, so the map follows what the types mean in the
// Conventional Commits spec and the ICSE 2025 study of the convention rather
// than any one repository's habits.
var conventionalTypes = map[string]work.Category{
	"feat":    work.Feature,
	"feature": work.Feature,
	// dx is "developer experience" of the product's users: a feature.
	"dx": work.Feature,

	"fix":    work.Fix,
	"bugfix": work.Fix,
	"hotfix": work.Fix,

	"docs": work.Docs,
	"doc":  work.Docs,

	"test":  work.Testing,
	"tests": work.Testing,

	"perf": work.Performance,

	// style, polish, nit, improve and types change the shape of code or
	// its typings without new behaviour; "reafctor" is a common misspelling.
	"refactor": work.Refactor,
	"reafctor": work.Refactor,
	"style":    work.Refactor,
	"polish":   work.Refactor,
	"nit":      work.Refactor,
	"improve":  work.Refactor,
	"types":    work.Refactor,

	// CI and the build are delivery tooling; a release is its own kind.
	"ci":       work.Automation,
	"workflow": work.Automation,
	"build":    work.Automation,
	"release":  work.Release,

	"deps": work.Dependencies,
	"dep":  work.Dependencies,

	"security": work.Security,
	"sec":      work.Security,

	"chore":  byContent,
	"wip":    byContent,
	"revert": byContent,
	// cva was vite's early "create-vite-app" prefix: a component name, not
	// a kind of work.
	"cva": byContent,
}

// scopeCategories decides a commit by its scope whatever its type:
// "build(deps)", "chore(deps)" and "fix(deps)" are dependency updates
// (mostly bots), "chore(release)" a release, "chore(docs)" docs.
var scopeCategories = map[string]work.Category{
	"deps":         work.Dependencies,
	"deps-dev":     work.Dependencies,
	"dependencies": work.Dependencies,
	"renovate":     work.Dependencies,
	"release":      work.Release,
	"ci":           work.Automation,
	"workflow":     work.Automation,
	"workflows":    work.Automation,
	"docs":         work.Docs,
	"doc":          work.Docs,
	"readme":       work.Docs,
}

// conventionalCategory returns the category a parsed subject announces, or
// byContent. Scope wins over type only for chore-like types and for the
// dependency scopes, which override any type.
func conventionalCategory(cc conventionalCommit) work.Category {
	scope := strings.ToLower(cc.Scope)
	if k, ok := scopeCategories[scope]; ok {
		if k == work.Dependencies || conventionalTypes[cc.Type] == byContent {
			return k
		}
	}
	return conventionalTypes[cc.Type]
}
