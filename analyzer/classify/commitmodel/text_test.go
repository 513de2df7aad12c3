package commitmodel

import (
	"slices"
	"testing"
)

func TestSplitArea(t *testing.T) {
	tests := []struct {
		in, area, rest string
		ok             bool
	}{
		{"builtin/gc: add a --detach flag", "builtin/gc", "add a --detach flag", true},
		{"t/unit-tests: fix leak", "t/unit-tests", "fix leak", true},
		{"diff, log: learn --foo", "diff, log", "learn --foo", true},
		{"net/http: reject bad headers", "net/http", "reject bad headers", true},
		{"Note this: it is prose", "", "Note this: it is prose", false},
		{"https://example.com: a link", "", "https://example.com: a link", false},
		{"Fix the build", "", "Fix the build", false},
		{"area: ", "", "area: ", false},
	}
	for _, tt := range tests {
		area, rest, ok := SplitArea(tt.in)
		if area != tt.area || rest != tt.rest || ok != tt.ok {
			t.Errorf("SplitArea(%q) = %q, %q, %v; want %q, %q, %v", tt.in, area, rest, ok, tt.area, tt.rest, tt.ok)
		}
	}
}

func TestKindOf(t *testing.T) {
	tests := map[string]PathKind{
		"t/t7001-mv.sh":                                    TestFile,
		"flask/testsuite/blueprints.py":                    TestFile,
		"android-test/README.md":                           DocFile,
		"okhttp/src/main/java/okhttp3/ConnectionSpec.java": ProductFile,
		"src/test/groovy/ParserSpec.groovy":                TestFile,
		"packages/build/src/tools/esbuild/cache.ts":        ProductFile,
		"tools/release.sh":                                 BuildFile,
		"tests/gen/ptest_a82ad7.stdout":                    TestFile,
		"node_modules/x/test/a.js":                         GeneratedFile,
		"tests/vendor/lib.js":                              GeneratedFile,
		"t/unit-tests/test-lib.c":                          TestFile,
		"test/parse.js":                                    TestFile,
		"tests/cli.rs":                                     TestFile,
		"spec/models/user_spec.rb":                         TestFile,
		"src/__tests__/a.ts":                               TestFile,
		"pkg/walk/walk_test.go":                            TestFile,
		"tests/test_api.py":                                TestFile,
		"lib/test_api.py":                                  TestFile,
		"src/test/java/FooTest.java":                       TestFile,
		"core/src/main/java/org/FooTest.java":              TestFile,
		"web/app.spec.ts":                                  TestFile,
		"meson.build":                                      BuildFile,
		"sub/meson.build":                                  BuildFile,
		"CMakeLists.txt":                                   BuildFile,
		"BUILD.bazel":                                      BuildFile,
		"WORKSPACE":                                        BuildFile,
		"build.gradle.kts":                                 BuildFile,
		"Makefile":                                         BuildFile,
		"Dockerfile":                                       BuildFile,
		".github/workflows/ci.yml":                         CIFile,
		".gitlab-ci.yml":                                   CIFile,
		"README.md":                                        DocFile,
		"Documentation/git-gc.adoc":                        DocFile,
		"docs/guide/intro.md":                              DocFile,
		"CHANGELOG.md":                                     ChangelogFile,
		"go.sum":                                           LockFile,
		"Cargo.lock":                                       LockFile,
		"package.json":                                     ManifestFile,
		"go.mod":                                           ManifestFile,
		"vendor/github.com/x/y.go":                         GeneratedFile,
		"api/v1/types.pb.go":                               GeneratedFile,
		"benches/parse.rs":                                 BenchFile,
		"examples/hello/main.go":                           ExampleFile,
		".eslintrc.json":                                   ConfigFile,
		"src/parse.go":                                     ProductFile,
		"builder/main.go":                                  ProductFile,
		"internal/testutil.go":                             ProductFile,
		"src/cache/load_spec.ts":                           TestFile,
		"crates/fmt_test/src/lib.rs":                       TestFile,
		"vitest.config.ts":                                 TestFile,
		"testing/lib/src/main/java/Ext.java":               ProductFile,
		"dist/src/main/config/broker.yaml":                 ProductFile,
		"dist/index.js":                                    GeneratedFile,
		"internal/changelog/changelog.go":                  ProductFile,
		".github/workflows/changelog.yml":                  CIFile,
		"CHANGES.rst":                                      ChangelogFile,
		"www/docs/ci/actions.md":                           DocFile,
		"www/layouts/index.html":                           DocFile,
		"AGENTS.md":                                        ConfigFile,
		".claude/skills/review/SKILL.md":                   ConfigFile,
	}
	for p, want := range tests {
		if got := KindOf(p); got != want {
			t.Errorf("KindOf(%q) = %s, want %s", p, got, want)
		}
	}
}

func TestWords(t *testing.T) {
	got := words("Added `--json` output (#123) in v1.2.3; fixes crashes", 0)
	want := []string{"add", "json", "output", "#", "in", "v#", "fix", "crash"}
	if !slices.Equal(got, want) {
		t.Errorf("words = %q, want %q", got, want)
	}
}

func TestOnlyStopwords(t *testing.T) {
	for f, want := range map[string]bool{
		"w:for": true, "b:# #": true, "x:the|mixed": true, "b:of the": true,
		"w:readme": false, "b:fix the": false, "x:typo|doc": false, "bw:up to": false, "bw:to the": true,
	} {
		if got := onlyStopwords(f); got != want {
			t.Errorf("onlyStopwords(%q) = %v, want %v", f, got, want)
		}
	}
}

// "Fixes #N" alone says which issue, not that the work is a fix: the model
// does not read such lines.
func TestBodyTextDropsIssueRefs(t *testing.T) {
	for _, tt := range []struct{ body, want string }{
		{"Fixes #412", ""},
		{"closes owner/repo#3, #4", ""},
		{"Resolves https://github.com/o/r/issues/9", ""},
		{"Fix the parser.\n\nFixes #12", "Fix the parser. \n"},
		{"Fixes the crash on empty input", "Fixes the crash on empty input \n"},
	} {
		if got := bodyText(tt.body); got != tt.want {
			t.Errorf("bodyText(%q) = %q, want %q", tt.body, got, tt.want)
		}
	}
}

func TestClosesIssue(t *testing.T) {
	for _, tt := range []struct {
		m    string
		want bool
	}{
		{"Fixes #412", true},
		{"handle empty input (fixes #3)", true},
		{"See the notes.\n\nCloses https://github.com/o/r/issues/9", true},
		{"resolves gh-12", true},
		{"Add --tail (#412)", false},
		{"Fix the crash", false},
		{"prefix#3", false},
	} {
		if got := closesIssue(tt.m); got != tt.want {
			t.Errorf("closesIssue(%q) = %v, want %v", tt.m, got, tt.want)
		}
	}
}
