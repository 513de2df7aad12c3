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
		// flags, with without, are the flags the commit must get.
		flags []work.Category
	}{
		{name: "conventional feature", subject: "feat(cli): add --json output",
			files: files("cmd/cli/main.go:80:4", "cmd/cli/main_test.go:40:0"), want: []work.Category{work.Feature}},
		{name: "unprefixed feature", subject: "Add CSV export to the reports page",
			files: files("web/reports/export.ts:120:3"), want: []work.Category{work.Feature}},
		{name: "unprefixed fix", subject: "Fix crash when the config file is empty",
			files: files("internal/config/load.go:6:2", "internal/config/load_test.go:20:0"), want: []work.Category{work.Fix}},
		{name: "a fix: that changes only docs files is docs (the guide)", subject: "fix: typo in README",
			files: files("README.md:1:1"), want: []work.Category{work.Docs}},
		{name: "the author's fix: is a fix", subject: "fix: reject an empty name",
			files: files("src/name.go:3:1", "docs/names.md:2:0"), want: []work.Category{work.Fix}},
		{name: "a feat: that changes only tests is testing", subject: "feat: cover the new parser",
			files: files("parser/parse_test.go:80:0"), want: []work.Category{work.Testing}},
		{name: "a test: that changes only CI files is automation", subject: "test: validate the citation file in CI",
			files: files(".github/workflows/ci.yml:13:1"), want: []work.Category{work.Automation}},
		{name: "a feat: that upgrades a dependency is dependencies", subject: "feat: upgrade pydantic to v2",
			files: files("pyproject.toml:1:1", "app/config.py:6:6"), want: []work.Category{work.Dependencies}},
		{name: "typo in README, unprefixed, is docs", subject: "Fix typo in README",
			files: files("README.md:1:1"), want: []work.Category{work.Docs}},
		{name: "README rewrite is docs", subject: "Rewrite the setup instructions",
			files: files("README.md:48:30"), want: []work.Category{work.Docs}},
		{name: "Update README.md is docs", subject: "Update README.md",
			files: files("README.md:3:1"), want: []work.Category{work.Docs}},
		{name: "docs folder only", subject: "Explain how retries are configured",
			files: files("docs/guide/retries.md:40:2", "docs/images/retry.png:bin"), want: []work.Category{work.Docs}},
		{name: "changelog only is a release (release notes)", subject: "Update changelog for 2.3",
			files: files("CHANGELOG.md:30:0"), want: []work.Category{work.Release}},
		{name: "a docs: changelog is a release too", subject: "docs: release notes for the v2.3.1 release",
			files: files("CHANGELOG.md:13:0"), want: []work.Category{work.Release}},
		{name: "flaky names flaky tests even in product code", subject: "Avoid a flaky test using the executor after shutdown",
			files: files("lib/conn.go:10:4"), without: []work.Category{}, flags: []work.Category{work.FlakyTests}},
		{name: "test-only reset of shared state", subject: "Reset the global clock after each test",
			files: files("src/test/java/org/acme/ClockTest.java:3:0"), want: []work.Category{work.Testing, work.FlakyTests}},
		{name: "test-only: file name in subject, state in body", subject: "Update SchedulerTest.java",
			body: "Clear the static queue at the end of the test.", files: files("src/test/java/SchedulerTest.java:2:0"),
			want: []work.Category{work.Testing, work.FlakyTests}},
		{name: "test-only deterministic order", subject: "Use a sorted map so assertions see a stable order",
			files: files("pkg/index/index_test.go:5:5"), want: []work.Category{work.Testing, work.FlakyTests}},
		{name: "test-only sleep replaced by polling", subject: "Poll for the worker instead of sleeping",
			files: files("tests/test_worker.py:9:2"), want: []work.Category{work.Testing, work.FlakyTests}},
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
		{name: "a t/ area is test work, and a leak is not flakiness", subject: "t/unit-tests: fix leak in the test framework",
			files: files("t/unit-tests/test-lib.c:3:1"), want: []work.Category{work.Testing}},
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
			files: files("cmd/flags.go:2:60"), want: []work.Category{work.Cleanup}},
		{name: "removing a module, the change mostly deleting, is cleanup", subject: "Remove the usage parser",
			files: files("src/usage_parser.rs:0:1277", "src/mod.rs:0:1"), want: []work.Category{work.Cleanup}},
		{name: "ADR", subject: "Record the decision to use event sourcing",
			files: files("docs/adr/0007-event-sourcing.md:80:0"), want: []work.Category{work.Design}},
		{name: "conventional refactor", subject: "refactor: split the router into files",
			files: files("router/a.go:100:100", "router/b.go:60:0"), want: []work.Category{work.Refactor}},
		{name: "unprefixed rename", subject: "Rename Store to Repository",
			files: files("store/store.go:30:30"), want: []work.Category{work.Refactor}},
		{name: "conventional perf", subject: "perf: avoid copying buffers in the encoder",
			files: files("enc/enc.go:12:20"), want: []work.Category{work.Performance}},
		{name: "unprefixed perf", subject: "Speed up startup by lazy loading plugins",
			files: files("plugins/load.go:30:12"), want: []work.Category{work.Performance}},
		{name: "security: a vulnerability and what is done against it", subject: "Escape user names to prevent XSS",
			files: files("web/render.go:4:2"), want: []work.Category{work.Security}},
		{name: "security by advisory in body", subject: "Validate archive entry paths",
			body: "Addresses CVE-2031-12345.", files: files("archive/unpack.go:14:3"), want: []work.Category{work.Security}},
		{name: "one word of security is not security", subject: "Support SQL injection of bind parameters in the query builder",
			files: files("db/query.go:40:3"), without: []work.Category{work.Security}},
		{name: "a tutorial that warns of injection is docs", subject: "Warn about SQL injection in the tutorial",
			files: files("docs/tutorial/views.rst:7:0"), want: []work.Category{work.Docs}},
		{name: "lockfile only", subject: "Refresh lockfile",
			files: files("go.sum:40:38"), want: []work.Category{work.Dependencies}},
		{name: "bump from a to b", subject: "Bump golang.org/x/text from 0.3.0 to 0.3.1",
			files: files("go.mod:1:1", "go.sum:2:2"), want: []work.Category{work.Dependencies}},
		{name: "two words before dependencies", subject: "Update cross-repo web dependencies",
			files: files("tests/e2e/app/package.json:3:3"), want: []work.Category{work.Dependencies}},
		{name: "a bot's dependency bump is dependencies", subject: "Bump golang.org/x/net from 0.1.0 to 0.2.0",
			files: files("go.mod:1:1", "go.sum:2:2"), author: work.Person{Name: "dependabot[bot]", Email: "49699333+dependabot[bot]@users.noreply.github.com"},
			want: []work.Category{work.Dependencies}},
		{name: "a revert is the kind of what it undoes", subject: `Revert "Add CSV export to the reports page"`,
			files: files("web/reports/export.ts:3:120"), want: []work.Category{work.Feature}},
		{name: "a revert that does not say what it undoes is other", subject: "Revert 3f9e2c1a",
			files: files("web/reports/export.ts:3:120"), want: []work.Category{work.Other}},
		{name: "changelog.go is code, not release notes", subject: "Fix the changelog sort order",
			files: files("internal/changelog/changelog.go:3:1"), want: []work.Category{work.Fix}},
		{name: "deps scope wins over fix", subject: "fix(deps): update module x to v2",
			files: files("go.mod:1:1"), want: []work.Category{work.Dependencies}},
		{name: "chore decided by content", subject: "chore: tidy CI matrix",
			files: files(".gitlab-ci.yml:3:8"), want: []work.Category{work.Automation}},
		{name: "fixes #N alone is not a fix", subject: "Add a --tail option to the log command", body: "Fixes #412",
			files: files("cmd/log.go:60:2", "cmd/log_test.go:30:0"), want: []work.Category{work.Feature}},
		{name: "co-authored is not mentoring", subject: "feat: webhooks retry with backoff",
			files: files("hooks/retry.go:50:0"), coauth: []work.Person{{Name: "Ada Lovelace", Email: "ada@example.org"}},
			want: []work.Category{work.Feature}},
		{name: "credited by someone else", subject: "fix: handle empty pages",
			files: files("pager/pager.go:3:1"), ctx: &Context{Credited: true}, want: []work.Category{work.Fix, work.Mentoring}},
		{name: "code owned by another team", subject: "fix: round invoice totals",
			files: files("billing/total.go:2:2"), ctx: &Context{Owners: owners, Us: []string{"@acme/web"}},
			want: []work.Category{work.Fix, work.CrossTeam}},
		{name: "code owned by us (one of several owners)", subject: "fix: reject empty ids",
			files: files("api/ids.go:2:2"), ctx: &Context{Owners: owners, Us: []string{"@dana"}},
			want: []work.Category{work.Fix}},
		{name: "a folder others work in is not cross-team without CODEOWNERS", subject: "fix: align the header",
			files: files("web/header.css:2:2"), without: []work.Category{work.CrossTeam}},
		{name: "flakiness mentioned in the body of a code change", subject: "Score the classifiers",
			body: "Prints precision for the flaky-test rule.", files: files("eval/score.go:80:0"), without: []work.Category{work.FlakyTests}},
		{name: "flakiness in the body of a test change", subject: "Wait for the server in TestDial",
			body: "It was flaky on slow runners.", files: files("net/dial_test.go:5:2"), want: []work.Category{work.Testing, work.FlakyTests}},
		{name: "no signal", subject: "wip", files: files("main.go:3:1"), want: []work.Category{work.Other}},
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
				if len(got) == 0 || !slices.Contains(kinds, got[0]) || !slices.Equal(got[1:], tt.flags) {
					t.Fatalf("Commit(%q) = %v (%q), want a kind then the flags %v", tt.subject, got, why, tt.flags)
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
		{&work.Commit{Subject: "Remove the v1 exporter", Files: files("exp/old.go:0:1200")}, nil, work.Cleanup, "deletes 1,200 lines"},
		{&work.Commit{Subject: "docs: usage", Files: files("README.md:3:0")}, nil, work.Docs, `the author's Conventional Commits type "docs:"`},
		{&work.Commit{Subject: "fix: typo", Files: files("README.md:1:1")}, nil, work.Docs, "only docs files changed: README.md"},
		{&work.Commit{Subject: "Fix crash on empty input", Files: files("src/parse.go:3:1")}, nil, work.Fix, "read as fix: "},
		{&work.Commit{Subject: "fix: x", Files: files("a/x.go:1:0"), Coauthors: []work.Person{{Name: "Ada Lovelace"}, {Name: "ada lovelace"}}}, &Context{Credited: true}, work.Mentoring, "co-authored with Ada Lovelace; credits you"},
		{&work.Commit{Subject: "fix: x", Files: files("a/x.go:1:0")}, &Context{Credited: true}, work.Mentoring, "credits you as co-author"},
		{&work.Commit{Subject: "Tests fail intermittently on CI", Files: files("a/x_test.go:4:1")}, nil, work.FlakyTests, `intermittently"`},
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

// kinds are the primary kinds of the guide.
var kinds = []work.Category{work.Feature, work.Fix, work.Performance, work.Security, work.Testing, work.Docs, work.Automation,
	work.Refactor, work.Cleanup, work.Dependencies, work.Release, work.Design, work.Other}

// The output is one kind, then the flags in the order of Categories,
// without duplicates; cleanup and security are kinds, not flags.
func TestClassifyOrder(t *testing.T) {
	c := &work.Commit{
		Subject:   "fix: flaky test after removing deprecated API; prevent XSS",
		Files:     files("web/a_test.go:1:0", "web/a.go:1:900"),
		Coauthors: []work.Person{{Name: "Bo"}},
	}
	cats, why := Commit(c, &Context{Owners: func(string) []string { return []string{"@acme/web"} }, Us: []string{"@acme/api"}})
	want := []work.Category{work.Fix, work.FlakyTests, work.CrossTeam}
	if !reflect.DeepEqual(cats, want) || len(why) != len(cats) {
		t.Errorf("got %v (%q), want %v", cats, why, want)
	}
}

// A pull request's kind is decided for the pull request: its title and
// description, its labels, and its commits' change weighed as one.
func TestPullRequest(t *testing.T) {
	feat := &work.Commit{Subject: "Add CSV export to the reports page", Files: files("web/reports/export.ts:180:3", "web/reports/export_test.ts:90:0")}
	lint := &work.Commit{Subject: "chore: bump eslint", Files: files("package.json:1:1", "pnpm-lock.yaml:12:10")}
	ci := &work.Commit{Subject: "ci: run the export tests on windows", Files: files(".github/workflows/ci.yml:3:1")}
	fix1 := &work.Commit{Subject: "fix: reject an empty page size", Files: files("api/page.go:8:2")}
	fix2 := &work.Commit{Subject: "fix: clamp the page size", Files: files("api/page.go:12:5", "api/page_test.go:30:0")}
	docs := &work.Commit{Subject: "Fix typos", Files: files("docs/guide.md:3:3")}
	flaky := &work.Commit{Subject: "Fix flaky export test", Files: files("web/reports/export_test.ts:4:2")}
	fixPanic := &work.Commit{Subject: "fix: check the repository before renaming it", Files: files("pkg/cmd/repo/rename/rename.go:2:1")}
	panicTest := &work.Commit{Subject: "Add tests for renaming", Files: files("pkg/cmd/repo/rename/rename_test.go:64:0")}
	missingField := &work.Commit{Subject: "fix: add the missing title field for projectv2", Files: files("api/queries_projects_v2.go:2:0")}
	includeURL := &work.Commit{Subject: "fix: include URL in the ProjectV2 type", Files: files("api/queries_projects_v2.go:5:1")}
	tests := []struct {
		name, title, body string
		labels            []string
		commits           []*work.Commit
		want              []work.Category
	}{
		{"a lint bump among its commits does not make it automation", "Export reports as CSV", "Adds an export button.", nil,
			[]*work.Commit{feat, lint, ci}, []work.Category{work.Feature}},
		{"labels name the kind", "Retry uploads", "", []string{"bug"}, nil, []work.Category{work.Fix}},
		{"namespaced labels", "Retry uploads", "", []string{"type: enhancement"}, nil, []work.Category{work.Feature}},
		{"the author's prefix before labels", "feat: retry uploads", "", []string{"bug"}, nil, []work.Category{work.Feature}},
		{"the files' evidence before labels", "Fix typos", "", []string{"bug"}, []*work.Commit{docs}, []work.Category{work.Docs}},
		{"a title that says nothing: the commits' kinds, by lines", "Update", "", nil, []*work.Commit{fix1, fix2, lint}, []work.Category{work.Fix}},
		{"a fix with its regression test is a fix, however long the test", "Avoid the panic when renaming", "", nil,
			[]*work.Commit{fixPanic, panicTest}, []work.Category{work.Fix}},
		{"tests alone are testing", "More cases", "", nil, []*work.Commit{panicTest}, []work.Category{work.Testing}},
		{"a title read as a feature stands against commits read as fixes", "Add projectsV2 to JSON fields of gh repo commands", "", nil,
			[]*work.Commit{missingField, includeURL}, []work.Category{work.Feature}},
		{"title and description only", "Fix crash when the config file is empty", "The loader dereferenced a nil map.", nil, nil, []work.Category{work.Fix}},
		{"flaky when its commits that fix flaky tests are most of it", "Export: make the test reliable", "", nil,
			[]*work.Commit{flaky}, []work.Category{work.Testing, work.FlakyTests}},
	}
	for _, tt := range tests {
		got, why := PullRequest(tt.title, tt.body, tt.labels, tt.commits, nil)
		if !reflect.DeepEqual(got, tt.want) || len(why) != len(got) {
			t.Errorf("%s: PullRequest(%q) = %v (%q), want %v", tt.name, tt.title, got, why, tt.want)
		}
	}
}

// Flaky only on evidence of nondeterminism: the message names it, or the
// change has the shape of a known fix on test files. The words that come
// with such fixes ("leak", "reset", "restore", "clear", "eventually",
// "pollutes") are not evidence alone.
func TestFlakyNeedsEvidence(t *testing.T) {
	tests := []struct {
		subject, body string
		files         []work.FileChange
		flaky         bool
	}{
		// Not flaky: the words alone.
		{"t/helper: fix leaking buffer in test-tool", "", files("t/helper/test-tool.c:3:1"), false},
		{"Fix memory leak in the parser", "", files("src/parse.c:3:1", "t/t0001-parse.sh:10:0"), false},
		{"Reset the ANSI colour at the end of each line", "", files("src/color.go:4:1", "src/color_test.go:12:0"), false},
		{"Restore the terminal state on exit", "", files("src/tui.go:5:2"), false},
		{"Clear the screen before drawing the prompt", "", files("src/tui.go:5:2", "test/test_tui.rb:20:3"), false},
		{"Assert the queue is eventually drained", "", files("queue/queue_test.go:6:0", "queue/queue.go:1:1"), false},
		{"Globals pollute the namespace of plugins", "", files("plugin/load.go:8:3"), false},
		{"Fix nondeterministic output order of the listing", "", files("cmd/list.go:8:3"), false},
		{"Fix race in the session store", "", files("session/store.go:10:4"), false},
		{"build(deps): removed unused flake follows", "", files("flake.nix:0:3"), false},
		{"Add tests for the parser", "", files("parser/parse_test.go:90:0"), false},
		{"Retry failed uploads with backoff", "", files("upload/retry.go:40:2"), false},
		// Flaky: the message names it.
		{"Fix flaky test cases", "", files("test/test_go.rb:2:6"), true},
		{"Avoid flaky test using the executor after shutdown", "", files("lib/conn.go:10:4"), true},
		{"Tests fail intermittently on CI", "", files("a/x_test.go:4:1"), true},
		{"solve race in replication test", "", files("tests/integration/replication.tcl:2:4"), true},
		{"Wait for the server in TestDial", "It was flaky on slow runners.", files("net/dial_test.go:5:2"), true},
		// Flaky: the shape of a known fix on test files.
		{"Reset Counter.calls to 0 after each test", "", files("src/test/java/CounterTest.java:1:0"), true},
		{"Update SchedulerTest.java", "Clear the static queue at the end of the test.", files("src/test/java/SchedulerTest.java:2:0"), true},
		{"Clear logs in MachineryTest", "", files("src/test/java/MachineryTest.java:5:0"), true},
		{"Poll for the worker instead of sleeping", "", files("tests/test_worker.py:9:2"), true},
		{"longer timeout in replication test", "", files("tests/integration/replication.tcl:1:1"), true},
		{"Use a LinkedHashMap for a deterministic order", "", files("src/test/java/MapsTest.java:3:3"), true},
		{"Use a fixed seed in the shuffle test", "", files("shuffle/shuffle_test.go:2:1"), true},
		{"Use a more robust way to check if the shell is ready", "", files("test/test_go.rb:1:1"), true},
	}
	for _, tt := range tests {
		cats, why := Commit(&work.Commit{Subject: tt.subject, Body: tt.body, Files: tt.files}, nil)
		if got := slices.Contains(cats, work.FlakyTests); got != tt.flaky {
			t.Errorf("Commit(%q): flaky-tests %v (%v %q), want %v", tt.subject, got, cats, why, tt.flaky)
		}
	}
}

// A typo or comment fix is docs in any files, when the change is that
// small; a file named for typos is not one.
func TestFixesWording(t *testing.T) {
	for _, tt := range []struct {
		subject string
		files   []work.FileChange
		want    bool
	}{
		{"fix spelling in comments", files("tests/e2e/test_version.py:1:1"), true},
		{"Fix typo in the error message", files("src/errors.go:1:1"), true},
		{"Update typos.toml", files("typos.toml:1:0"), false},
		{"Resolve PR comments", files("pkg/cmd/run.go:3:3"), false},
		{"Clarify the comment in the parser", files("src/parse.go:2:2"), true},
		{"Fix typo that broke the build", files("src/a.go:40:12"), false},
	} {
		_, got := fixesWording(newFacts(&work.Commit{Subject: tt.subject, Files: tt.files}, nil))
		if got != tt.want {
			t.Errorf("fixesWording(%q) = %v, want %v", tt.subject, got, tt.want)
		}
	}
}

// Fixing what a linter or type checker reports is refactoring, whatever
// the verb; a fix that mentions a linter in passing is not.
func TestCheckerFindings(t *testing.T) {
	for _, tt := range []struct {
		subject string
		want    work.Category
	}{
		{"fix mypy finding", work.Refactor},
		{"fix mypy findings with new werkzeug endpoint type", work.Refactor},
		{"Fix lint issues", work.Refactor},
		{"resolve clippy warnings", work.Refactor},
		{"ruff fixes", work.Refactor},
	} {
		cats, why := Commit(&work.Commit{Subject: tt.subject, Files: files("src/flask/app.py:1:1")}, nil)
		if cats[0] != tt.want {
			t.Errorf("Commit(%q) = %v (%q), want %s", tt.subject, cats, why, tt.want)
		}
	}
	for _, s := range []string{"Fix crash when the linter config is empty", "fix: clippy lint and add option to grid-details"} {
		cats, why := Commit(&work.Commit{Subject: s, Files: files("src/lint.rs:10:2")}, nil)
		if cats[0] == work.Refactor && strings.Contains(why[0], "checker") {
			t.Errorf("Commit(%q) = %v (%q): not a checker's finding", s, cats, why)
		}
	}
}

// A defence against a decompression bomb is security work.
func TestSecurityBombs(t *testing.T) {
	c := &work.Commit{Subject: "Defend against brotli decompression bombs (#8227)", Files: files("okhttp-brotli/src/main/kotlin/okhttp3/brotli/internal/DecompressionBombChecker.kt:66:0", "okhttp-brotli/src/test/java/okhttp3/brotli/BrotliBombTest.kt:84:0")}
	if cats, why := Commit(c, nil); cats[0] != work.Security {
		t.Errorf("Commit(%q) = %v (%q), want security", c.Subject, cats, why)
	}
}

// A version added to the test matrix is CI work; building with a new
// toolchain is a dependency update.
func TestTestMatrixIsAutomation(t *testing.T) {
	for _, tt := range []struct {
		subject string
		files   []work.FileChange
		want    work.Category
	}{
		{"test with python 3.13", files(".github/workflows/tests.yaml:1:0", "tox.ini:1:1"), work.Automation},
		{"Build with Go 1.13", files(".travis.yml:1:1", "go.mod:1:1"), work.Dependencies},
	} {
		if cats, why := Commit(&work.Commit{Subject: tt.subject, Files: tt.files}, nil); cats[0] != tt.want {
			t.Errorf("Commit(%q) = %v (%q), want %s", tt.subject, cats, why, tt.want)
		}
	}
}
