package classify

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/git-career/git-career/analyzer/work"
)

// files builds changes from "path:added:deleted" specs; "path:bin" is binary.
func files(specs ...string) []work.FileChange {
	var out []work.FileChange
	for _, s := range specs {
		parts := strings.Split(s, ":")
		fc := work.FileChange{Path: parts[0]}
		if len(parts) == 2 && parts[1] == "bin" {
			fc.Binary = true
		} else if len(parts) == 3 {
			fc.Additions, fc.Deletions = atoi(parts[1]), atoi(parts[2])
		}
		out = append(out, fc)
	}
	return out
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

func TestClassify(t *testing.T) {
	owners := func(p string) []string {
		switch {
		case strings.HasPrefix(p, "billing/"):
			return []string{"@acme/payments"}
		case strings.HasPrefix(p, "api/"):
			return []string{"@acme/platform", "@dana"}
		}
		return nil
	}
	tests := []struct {
		name    string
		subject string
		body    string
		files   []work.FileChange
		coauth  []work.Person
		author  work.Person
		ctx     *Context
		want    []work.Category
		// without, when set, lists categories the commit must not get,
		// and want is not checked: the kind is the model's guess.
		without []work.Category
	}{
		{name: "conventional feature", subject: "feat(cli): add --json output",
			files: files("cmd/cli/main.go:80:4", "cmd/cli/main_test.go:40:0"), want: []work.Category{work.Feature}},
		{name: "unprefixed feature", subject: "Add CSV export to the reports page",
			files: files("web/reports/export.ts:120:3"), want: []work.Category{work.Feature}},
		{name: "unprefixed fix", subject: "Fix crash when the config file is empty",
			files: files("internal/config/load.go:6:2", "internal/config/load_test.go:20:0"), want: []work.Category{work.Fix}},
		{name: "the author's fix: is a fix, even of a typo", subject: "fix: typo in README",
			files: files("README.md:1:1"), want: []work.Category{work.Fix}},
		{name: "typo in README, unprefixed, is docs", subject: "Fix typo in README",
			files: files("README.md:1:1"), want: []work.Category{work.Docs}},
		{name: "README rewrite is docs", subject: "Rewrite the setup instructions",
			files: files("README.md:48:30"), want: []work.Category{work.Docs}},
		{name: "Update README.md is docs", subject: "Update README.md",
			files: files("README.md:3:1"), want: []work.Category{work.Docs}},
		{name: "docs folder only", subject: "Explain how retries are configured",
			files: files("docs/guide/retries.md:40:2", "docs/images/retry.png:bin"), want: []work.Category{work.Docs}},
		{name: "changelog only is docs (release notes)", subject: "Update changelog for 2.3",
			files: files("CHANGELOG.md:30:0"), want: []work.Category{work.Docs}},
		{name: "flaky keyword in product code", subject: "Fix the flake in the build cache",
			files: files("build/cache.go:8:3"), want: []work.Category{work.Fix, work.FlakyTests}},
		{name: "test-only reset of shared state", subject: "Reset the global clock after each test",
			files: files("src/test/java/org/acme/ClockTest.java:3:0"), want: []work.Category{work.FlakyTests, work.Testing}},
		{name: "test-only: file name in subject, state in body", subject: "Update SchedulerTest.java",
			body: "Clear the static queue at the end of the test.", files: files("src/test/java/SchedulerTest.java:2:0"),
			want: []work.Category{work.FlakyTests, work.Testing}},
		{name: "test-only deterministic order", subject: "Use a sorted map so assertions see a stable order",
			files: files("pkg/index/index_test.go:5:5"), want: []work.Category{work.FlakyTests, work.Testing}},
		{name: "test-only sleep replaced by polling", subject: "Poll for the worker instead of sleeping",
			files: files("tests/test_worker.py:9:2"), want: []work.Category{work.FlakyTests, work.Testing}},
		{name: "plain new tests are not flaky fixes", subject: "Add tests for the parser",
			files: files("parser/parse_test.go:90:0"), want: []work.Category{work.Testing}},
		{name: "race in product code is a fix only", subject: "Fix data race in session store",
			files: files("session/store.go:10:4"), want: []work.Category{work.Fix}},
		{name: "CI workflow", subject: "Cache Go modules between jobs",
			files: files(".github/workflows/ci.yml:12:3"), want: []work.Category{work.Automation}},
		{name: "Dockerfile and Makefile are not docs", subject: "Build a smaller image",
			files: files("Dockerfile:6:9", "Makefile:2:1"), without: []work.Category{work.Docs}},
		{name: "meson.build is a build file, not docs", subject: "meson: add an option to disable the daemon",
			files: files("meson.build:12:0", "meson_options.txt:3:0"), without: []work.Category{work.Docs}},
		{name: "release by version subject", subject: "v4.1.0",
			files: files("package.json:1:1", "CHANGELOG.md:25:0"), want: []work.Category{work.Release}},
		{name: "release: prefix is a release, not automation", subject: "release: v7.0.3",
			files: files("package.json:1:1", "CHANGELOG.md:25:0"), want: []work.Category{work.Release}},
		{name: "chore(release) is a release", subject: "chore(release): 2.4.0 [skip ci]",
			files: files("package.json:1:1", "CHANGELOG.md:25:0"), want: []work.Category{work.Release}},
		{name: "version bump is a release", subject: "Bump version to 1.8.2",
			files: files("package.json:1:1"), want: []work.Category{work.Release}},
		{name: "area prefix: a feature after the area", subject: "builtin/gc: add a --detach flag",
			files: files("builtin/gc.c:40:3", "t/t6500-gc.sh:25:0", "Documentation/git-gc.adoc:8:0"), want: []work.Category{work.Feature}},
		{name: "area prefix: a leak fix after the area", subject: "builtin/gc: fix leak when the lock is taken",
			files: files("builtin/gc.c:3:1"), want: []work.Category{work.Fix}},
		{name: "a t/ area is test work", subject: "t/unit-tests: fix leak in the test framework",
			files: files("t/unit-tests/test-lib.c:3:1"), want: []work.Category{work.FlakyTests, work.Testing}},
		{name: "a Documentation/ area is docs", subject: "Documentation/git-gc: describe --detach",
			files: files("Documentation/git-gc.adoc:8:1", "builtin/gc.c:1:1"), want: []work.Category{work.Docs}},
		{name: "t/ holds tests", subject: "t7001: cover moving a submodule",
			files: files("t/t7001-mv.sh:30:0"), want: []work.Category{work.Testing}},
		{name: "format in a subject is not a refactor", subject: "setup: make the format configurable",
			files: files("setup.c:40:6", "setup.h:3:0", "repository.c:10:2"), without: []work.Category{work.Refactor}},
		{name: "fix memory leak is a fix, not performance", subject: "fix memory leak in revision walk",
			files: files("revision.c:6:1"), want: []work.Category{work.Fix}},
		{name: "add java doc is docs", subject: "add java doc to the Generator API",
			files: files("src/main/java/com/acme/Generator.java:24:0"), want: []work.Category{work.Docs}},
		{name: "large net deletion", subject: "Retire the v1 importer",
			files: files("importer/v1/a.go:0:900", "importer/v1/b.go:10:400"), want: []work.Category{work.Cleanup}},
		{name: "remove deprecated flags", subject: "Remove deprecated --legacy flags",
			files: files("cmd/flags.go:2:60"), want: []work.Category{work.Cleanup, work.Refactor}},
		{name: "ADR", subject: "Record the decision to use event sourcing",
			files: files("docs/adr/0007-event-sourcing.md:80:0"), want: []work.Category{work.Docs, work.Design}},
		{name: "conventional refactor", subject: "refactor: split the router into files",
			files: files("router/a.go:100:100", "router/b.go:60:0"), want: []work.Category{work.Refactor}},
		{name: "unprefixed rename", subject: "Rename Store to Repository",
			files: files("store/store.go:30:30"), want: []work.Category{work.Refactor}},
		{name: "conventional perf", subject: "perf: avoid copying buffers in the encoder",
			files: files("enc/enc.go:12:20"), want: []work.Category{work.Performance}},
		{name: "unprefixed perf", subject: "Speed up startup by lazy loading plugins",
			files: files("plugins/load.go:30:12"), want: []work.Category{work.Performance}},
		{name: "security by keyword", subject: "Escape user names to prevent XSS",
			files: files("web/render.go:4:2"), want: []work.Category{work.Fix, work.Security}},
		{name: "security by advisory in body", subject: "Validate archive entry paths",
			body: "Addresses CVE-2031-12345.", files: files("archive/unpack.go:14:3"), want: []work.Category{work.Fix, work.Security}},
		{name: "lockfile only", subject: "Refresh lockfile",
			files: files("go.sum:40:38"), want: []work.Category{work.Dependencies}},
		{name: "bump from a to b", subject: "Bump golang.org/x/text from 0.3.0 to 0.3.1",
			files: files("go.mod:1:1", "go.sum:2:2"), want: []work.Category{work.Dependencies}},
		{name: "two words before dependencies", subject: "Update cross-repo web dependencies",
			files: files("tests/e2e/app/package.json:3:3"), want: []work.Category{work.Dependencies}},
		{name: "a bot's commit is no kind of work", subject: "Auto-update generated files",
			files: files("README.md:4:4"), author: work.Person{Name: "actions-user", Email: "actions@github.com"},
			want: []work.Category{}},
		{name: "changelog.go is code, not release notes", subject: "Fix the changelog sort order",
			files: files("internal/changelog/changelog.go:3:1"), want: []work.Category{work.Fix}},
		{name: "deps scope wins over fix", subject: "fix(deps): update module x to v2",
			files: files("go.mod:1:1"), want: []work.Category{work.Dependencies}},
		{name: "chore decided by content", subject: "chore: tidy CI matrix",
			files: files(".gitlab-ci.yml:3:8"), want: []work.Category{work.Automation}},
		{name: "co-authored", subject: "feat: webhooks retry with backoff",
			files: files("hooks/retry.go:50:0"), coauth: []work.Person{{Name: "Ada Lovelace", Email: "ada@example.org"}},
			want: []work.Category{work.Feature, work.Mentoring}},
		{name: "credited by someone else", subject: "fix: handle empty pages",
			files: files("pager/pager.go:3:1"), ctx: &Context{Credited: true}, want: []work.Category{work.Fix, work.Mentoring}},
		{name: "code owned by another team", subject: "fix: round invoice totals",
			files: files("billing/total.go:2:2"), ctx: &Context{Owners: owners, Us: []string{"@acme/web"}},
			want: []work.Category{work.Fix, work.CrossTeam}},
		{name: "code owned by us (one of several owners)", subject: "fix: reject empty ids",
			files: files("api/ids.go:2:2"), ctx: &Context{Owners: owners, Us: []string{"@dana"}},
			want: []work.Category{work.Fix}},
		{name: "others' area without CODEOWNERS", subject: "fix: align the header",
			files: files("web/header.css:2:2"),
			ctx:   &Context{Areas: map[string]AreaActivity{"web": {Mine: 1, Others: 40}, "server": {Mine: 30, Others: 2}}},
			want:  []work.Category{work.Fix, work.CrossTeam}},
		{name: "an area nobody else works in is not cross-team", subject: "fix: align the header",
			files: files("web/header.css:2:2"),
			ctx:   &Context{Areas: map[string]AreaActivity{"web": {Mine: 1, Others: 0}}},
			want:  []work.Category{work.Fix}},
		{name: "an area the user works in a lot is not cross-team", subject: "fix: align the header",
			files: files("web/header.css:2:2"),
			ctx:   &Context{Areas: map[string]AreaActivity{"web": {Mine: 10, Others: 30}}},
			want:  []work.Category{work.Fix}},
		{name: "flakiness mentioned in the body of a code change", subject: "Score the classifiers",
			body: "Prints precision for the flaky-test rule.", files: files("eval/score.go:80:0"), without: []work.Category{work.FlakyTests}},
		{name: "flakiness in the body of a test change", subject: "Wait for the server in TestDial",
			body: "It was flaky on slow runners.", files: files("net/dial_test.go:5:2"), want: []work.Category{work.FlakyTests, work.Testing}},
		{name: "no signal", subject: "wip", files: files("main.go:3:1"), want: []work.Category{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &work.Commit{Subject: tt.subject, Body: tt.body, Files: tt.files, Coauthors: tt.coauth, Author: tt.author}
			got, why := Commit(c, tt.ctx)
			if got == nil {
				got = []work.Category{}
			}
			if tt.without != nil {
				for _, k := range tt.without {
					if slices.Contains(got, k) {
						t.Fatalf("Commit(%q) = %v (%q), want no %s", tt.subject, got, why, k)
					}
				}
			} else if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Commit(%q) = %v (%q), want %v", tt.subject, got, why, tt.want)
			}
			if len(why) != len(got) {
				t.Fatalf("%d reasons for %d categories", len(why), len(got))
			}
			for i, w := range why {
				if strings.TrimSpace(w) == "" {
					t.Errorf("no reason for %s", got[i])
				}
			}
		})
	}
}

func TestClassifyReasons(t *testing.T) {
	tests := []struct {
		c    *work.Commit
		ctx  *Context
		k    work.Category
		want string
	}{
		{&work.Commit{Subject: "Exporter speaks v2 only", Files: files("exp/old.go:0:1200")}, nil, work.Cleanup, "deletes 1,200 lines net"},
		{&work.Commit{Subject: "docs: usage", Files: files("README.md:3:0")}, nil, work.Docs, "conventional type docs:"},
		{&work.Commit{Subject: "feat: x", Files: files("a/x.go:1:0"), Coauthors: []work.Person{{Name: "Ada Lovelace"}}}, nil, work.Mentoring, "co-authored with Ada Lovelace"},
		{&work.Commit{Subject: "fix: x", Files: files("a/x.go:1:0")}, &Context{Credited: true}, work.Mentoring, "credits you as co-author"},
		{&work.Commit{Subject: "fix: x", Files: files("web/x.ts:1:0")}, &Context{Areas: map[string]AreaActivity{"web": {Mine: 1, Others: 9}}}, work.CrossTeam, "changes web/, where others made 9 of 10 commits in the year to the end of its quarter"},
		{&work.Commit{Subject: "Tests fail intermittently on CI", Files: files("a/x_test.go:4:1")}, nil, work.FlakyTests, `message says "intermittently"`},
		{&work.Commit{Subject: "fix: x", Files: files("billing/x.go:1:0")}, &Context{Owners: func(string) []string { return []string{"@acme/payments"} }, Us: []string{"@acme/web"}}, work.CrossTeam, "@acme/payments"},
	}
	for _, tt := range tests {
		cats, why := Commit(tt.c, tt.ctx)
		found := false
		for i, k := range cats {
			if k == tt.k {
				found = true
				if !strings.Contains(why[i], tt.want) {
					t.Errorf("%q: reason for %s = %q, want it to contain %q", tt.c.Subject, k, why[i], tt.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: categories %v, want %s", tt.c.Subject, cats, tt.k)
		}
	}
}

// The output is in the order of Categories, without duplicates.
func TestClassifyOrder(t *testing.T) {
	c := &work.Commit{
		Subject:   "fix: flaky test after removing deprecated API; prevent XSS",
		Files:     files("web/a_test.go:1:0", "web/a.go:1:900"),
		Coauthors: []work.Person{{Name: "Bo"}},
	}
	cats, _ := Commit(c, &Context{Areas: map[string]AreaActivity{"web": {Mine: 1, Others: 20}}})
	seen := map[work.Category]bool{}
	last := -1
	for _, k := range cats {
		if seen[k] {
			t.Errorf("duplicate %s in %v", k, cats)
		}
		seen[k] = true
		r := k.Rank()
		if r <= last {
			t.Errorf("out of order: %v", cats)
		}
		last = r
	}
	if len(cats) < 5 {
		t.Errorf("got %v, want fix, flaky-tests, cleanup, security, mentoring, cross-team", cats)
	}
}

// Pull requests are classified like commits, from their title and
// description (no files), and their labels name the kind when they can.
func TestClassifyPullRequest(t *testing.T) {
	tests := []struct {
		title, body string
		labels      []string
		want        work.Category
	}{
		{"Retry uploads", "", []string{"bug"}, work.Fix},
		{"Retry uploads", "", []string{"type: enhancement"}, work.Feature},
		{"Retry uploads", "", []string{"kind/documentation"}, work.Docs},
		{"Retry uploads", "", []string{"good first issue", "dependencies"}, work.Dependencies},
		{"feat: retry uploads", "", []string{"bug"}, work.Feature}, // the author's prefix first
		{"Fix crash when the config file is empty", "The loader dereferenced a nil map.", nil, work.Fix},
		{"Update README.md", "Explains the install steps.", nil, work.Docs},
	}
	for _, tt := range tests {
		got, why := Commit(&work.Commit{Subject: tt.title, Body: tt.body}, &Context{PullRequest: true, Labels: tt.labels})
		if !slices.Contains(got, tt.want) {
			t.Errorf("pull request %q labelled %q = %v (%q), want %s", tt.title, tt.labels, got, why, tt.want)
		}
	}
}
