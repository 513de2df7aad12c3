package classify

import (
	"strings"
	"testing"

	"github.com/git-career/git-career/analyzer/work"
)

func TestParseConventional(t *testing.T) {
	tests := []struct {
		subject string
		want    conventionalCommit
		ok      bool
	}{
		{"feat: add export", conventionalCommit{Type: "feat", Description: "add export"}, true},
		{"Fix(parser)!: reject empty input", conventionalCommit{Type: "fix", Scope: "parser", Breaking: true, Description: "reject empty input"}, true},
		{"  docs ( api ) :  explain limits ", conventionalCommit{Type: "docs", Scope: "api", Description: "explain limits"}, true},
		{"chore(deps-dev): bump lint tool", conventionalCommit{Type: "chore", Scope: "deps-dev", Description: "bump lint tool"}, true},
		{"refactor!: drop v1 handlers", conventionalCommit{Type: "refactor", Breaking: true, Description: "drop v1 handlers"}, true},
		{"build:tighten flags", conventionalCommit{Type: "build", Description: "tighten flags"}, true},
		{"Merge branch 'main' into topic", conventionalCommit{}, false},
		{"http://example.org is down", conventionalCommit{}, false},
		{"see also: the manual", conventionalCommit{}, false},
		{"Revert \"feat: add export\"", conventionalCommit{}, false},
		{"fix(: broken scope", conventionalCommit{}, false},
		{"fix((a)): nested", conventionalCommit{}, false},
		{"feat: ", conventionalCommit{}, false},
		{": no type", conventionalCommit{}, false},
		{"v1.2.3", conventionalCommit{}, false},
		{"extraordinarilylongword: text", conventionalCommit{}, false},
		{"fix2: digits", conventionalCommit{}, false},
	}
	for _, tt := range tests {
		got, ok := parseConventional(tt.subject)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseConventional(%q) = %+v, %v; want %+v, %v", tt.subject, got, ok, tt.want, tt.ok)
		}
	}
}

func TestConventionalCategory(t *testing.T) {
	tests := []struct {
		subject string
		want    work.Category
	}{
		{"feat: x", work.Feature},
		{"fix(deps): bump y", work.Dependencies},
		{"build(deps): bump y", work.Dependencies},
		{"chore(deps): bump y", work.Dependencies},
		{"chore(release): v2", work.Release},
		{"chore(docs): reword", work.Docs},
		{"chore: something", byContent},
		{"feat(docs): new page", work.Feature}, // scope decides only chore-like types
		{"perf: cache", work.Performance},
		{"style: spacing", work.Refactor},
		{"ci: cache modules", work.Automation},
		{"release: v1.0.0", work.Release},
		{"unknownkind: x", byContent},
	}
	for _, tt := range tests {
		cc, ok := parseConventional(tt.subject)
		if !ok {
			t.Fatalf("ParseConventional(%q) failed", tt.subject)
		}
		if got := conventionalCategory(cc); got != tt.want {
			t.Errorf("conventionalCategory(%q) = %q, want %q", tt.subject, got, tt.want)
		}
	}
}

// Every category the map names must be one of Categories.
func TestConventionalTypesAreKnownCategories(t *testing.T) {
	check := func(what string, k work.Category) {
		if k != byContent && k.Rank() == len(work.Categories) {
			t.Errorf("%s maps to unknown category %q", what, k)
		}
	}
	for typ, k := range conventionalTypes {
		check("type "+typ, k)
	}
	for scope, k := range scopeCategories {
		check("scope "+scope, k)
	}
}

func FuzzParseConventional(f *testing.F) {
	for _, s := range []string{
		"feat: a", "fix(x)!: b", " docs ( y ) : c ", "Merge branch 'x'", "http://x",
		"see foo: bar", "chore(deps-dev): bump", "a(:", "!:", "wip:", "ci!:x", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cc, ok := parseConventional(s)
		if !ok {
			if cc != (conventionalCommit{}) {
				t.Fatalf("not ok but returned %+v", cc)
			}
			return
		}
		if cc.Type == "" || len(cc.Type) > maxTypeLen {
			t.Fatalf("type %q: want 1..%d letters", cc.Type, maxTypeLen)
		}
		for _, r := range cc.Type {
			if r < 'a' || r > 'z' {
				t.Fatalf("type %q is not lower-case letters", cc.Type)
			}
		}
		if cc.Description == "" || cc.Description != strings.TrimSpace(cc.Description) {
			t.Fatalf("description %q: want non-empty and trimmed", cc.Description)
		}
		if strings.ContainsAny(cc.Scope, "()") || cc.Scope != strings.TrimSpace(cc.Scope) {
			t.Fatalf("scope %q: want trimmed, without parentheses", cc.Scope)
		}
		// Round trip: the canonical form parses to the same value.
		canon := cc.Type
		if cc.Scope != "" {
			canon += "(" + cc.Scope + ")"
		}
		if cc.Breaking {
			canon += "!"
		}
		canon += ": " + cc.Description
		again, ok := parseConventional(canon)
		if !ok || again != cc {
			t.Fatalf("canonical %q parsed as %+v, %v; want %+v", canon, again, ok, cc)
		}
		// The description is the subject's tail.
		if !strings.HasSuffix(strings.TrimSpace(s), cc.Description) {
			t.Fatalf("description %q is not the tail of %q", cc.Description, s)
		}
	})
}
