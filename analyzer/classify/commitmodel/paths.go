package commitmodel

import (
	"path"
	"strings"
)

// PathKind is what a changed path is, as far as its name tells. A commit
// carries no diff text here, only paths and line counts, so the kinds of
// paths are most of what is known about a change besides its message.
type PathKind uint8

const (
	ProductFile   PathKind = iota // the product's own code, or anything else
	TestFile                      // tests, their data and snapshots
	DocFile                       // documentation
	CIFile                        // CI/CD configuration
	BuildFile                     // build files and tooling scripts
	LockFile                      // resolved dependency versions
	ManifestFile                  // files that declare dependencies (and more)
	ChangelogFile                 // release notes
	GeneratedFile                 // generated or vendored files
	BenchFile                     // benchmarks
	ExampleFile                   // examples and playgrounds
	ConfigFile                    // linters, formatters, editor settings
)

var kindNames = [...]string{"product", "test", "doc", "ci", "build", "lock", "manifest", "changelog", "generated", "bench", "example", "config"}

func (k PathKind) String() string { return kindNames[k] }

// KindOf returns what p is. It runs for every file of every commit twice
// (rules and model), so it uses maps and string tests, not regular
// expressions. The first match wins in this order: a lockfile, a
// changelog, generated or vendored code, a test (a test folder's README is
// a test file), CI, a manifest, a benchmark, docs, a build file, an
// example, a tool config.
func KindOf(p string) PathKind {
	lp := strings.ToLower(p)
	var buf [16]string
	dirs, base := splitPath(lp, buf[:0])
	origBase := path.Base(p)
	switch {
	case lockfiles[base]:
		return LockFile
	case isChangelog(base) || hasDir(dirs, ".changeset") || anyDir(dirs, releaseNoteDirs) && docExt[path.Ext(base)]:
		return ChangelogFile
	case anyDir(dirs, generatedDirs) && !hasSrcMain(dirs) && !generatedInTests(dirs) || isGeneratedBase(base):
		// (A Maven module named dist, with its src/main, is source.)
		return GeneratedFile
	case isTest(dirs, base, origBase) && !isReadme(base):
		// (A test folder's README is documentation of the tests.)
		return TestFile
	case isCI(lp, dirs, base):
		return CIFile
	case manifests[base] || strings.HasPrefix(base, "requirements") && strings.HasSuffix(base, ".txt"):
		return ManifestFile
	case anyDir(dirs, benchDirs) || isBenchBase(base, origBase):
		return BenchFile
	case isAgentConfig(dirs, base):
		return ConfigFile
	case isDoc(lp, dirs, base):
		return DocFile
	case isBuildBase(base) || anyDir(dirs, buildDirs) || len(dirs) > 0 && topBuildDirs[dirs[0]]:
		return BuildFile
	case anyDir(dirs, exampleDirs):
		return ExampleFile
	case isConfigBase(base) || len(dirs) > 0 && (dirs[0] == ".vscode" || dirs[0] == ".github" || dirs[0] == ".idea"):
		return ConfigFile
	}
	return ProductFile
}

// splitPath returns the folders of a lower-cased path and its base name.
// splitPath returns the folders of a lower-cased path, appended to dirs
// (a buffer the caller owns), and its base name.
func splitPath(lp string, dirs []string) ([]string, string) {
	i := strings.LastIndexByte(lp, '/')
	if i < 0 {
		return nil, lp
	}
	for d := range strings.SplitSeq(lp[:i], "/") {
		dirs = append(dirs, d)
	}
	return dirs, lp[i+1:]
}

func hasDir(dirs []string, d string) bool {
	for _, x := range dirs {
		if x == d {
			return true
		}
	}
	return false
}

func anyDir(dirs []string, set map[string]bool) bool {
	for _, x := range dirs {
		if set[x] {
			return true
		}
	}
	return false
}

// hasSuffixAny reports whether s ends with one of the suffixes.
func hasSuffixAny(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// Tests across ecosystems: git's t/, test/, tests/, spec/, __tests__/,
// Go's _test.go, Python's test_*.py, JUnit's src/test and FooTest.java,
// JS/TS *.spec.ts and *.test.js, Ruby's _spec.rb, snapshots and fixtures.
var testDirs = set("t", "test", "tests", "__tests__", "__snapshots__", "__mocks__", "spec", "specs", "testdata",
	"testing", "testsuite", "test-fixtures", "testfixtures", "fixtures", "e2e", "cypress", "playwright",
	"integration-test", "integration-tests", "unit-test", "unit-tests", "it")

func isTest(dirs []string, base, origBase string) bool {
	// Maven's and Gradle's src/main holds the main code, even in a
	// module named for testing (a library users test with): the folders
	// above it do not make it a test.
	main := hasSrcMain(dirs)
	if main {
		dirs = nil
	}
	for i, d := range dirs {
		// "it" (JUnit integration tests) only as src/it.
		if testDirs[d] && (d != "it" || i > 0 && dirs[i-1] == "src") {
			return true
		}
		// Test harness crates and packages: formatter_test/, test-utils/.
		if hasSuffixAny(d, "_test", "-test", "_tests", "-tests") || strings.HasPrefix(d, "test-util") ||
			strings.HasPrefix(d, "test_util") || strings.HasPrefix(d, "testutil") {
			return true
		}
	}
	for _, x := range testRunnerConfigs {
		if strings.HasPrefix(base, x) {
			return true
		}
	}
	ext := path.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	switch {
	case strings.HasSuffix(stem, "_test") && (ext == ".go" || ext == ".py" || ext == ".rb" || ext == ".ex" || ext == ".exs" || ext == ".c" || ext == ".cc" || ext == ".cpp" || ext == ".dart"):
		return true
	case ext == ".py" && (strings.HasPrefix(base, "test_") || base == "conftest.py"):
		return true
	case (strings.HasPrefix(base, "test-") || strings.HasPrefix(base, "test_")) && (ext == ".tcl" || ext == ".sh" || ext == ".rb" || ext == ".pl" || jsExt[ext]):
		return true // redis's test-redis.tcl, a test_helper.rb
	case strings.HasSuffix(base, "_spec.rb") || ext == ".snap":
		return true
	case (strings.HasSuffix(stem, "_spec") || strings.HasSuffix(stem, "_test")) && jsExt[ext]:
		return true // Angular's foo_spec.ts
	case ext == ".sh" && len(base) > 6 && base[0] == 't' && isDigits(base[1:5]) && base[5] == '-':
		return true // git's t/t1234-name.sh
	}
	if i := strings.LastIndexByte(stem, '.'); i > 0 {
		inner := stem[i+1:]
		switch {
		case jsExt[ext]:
			if inner == "spec" || inner == "test" || inner == "e2e" || inner == "cy" {
				return true
			}
		case ext == ".vue" || ext == ".svelte":
			if inner == "spec" || inner == "test" {
				return true
			}
		}
	}
	// FooTest.java: the case matters ("Latest.java" is not a test).
	oext := path.Ext(origBase)
	ostem := strings.TrimSuffix(origBase, oext)
	switch oext {
	case ".java", ".kt", ".kts", ".scala", ".groovy", ".cs", ".swift":
		for _, s := range []string{"Test", "Tests", "IT", "TestCase", "Spec"} {
			// Main code names things specs too (ConnectionSpec).
			if len(ostem) > len(s) && strings.HasSuffix(ostem, s) && !(s == "Spec" && main) {
				return true
			}
		}
	}
	return false
}

var jsExt = set(".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs", ".mts", ".cts")

// testRunnerConfigs configure test runners: they are part of the tests.
var testRunnerConfigs = []string{"vitest.config.", "vitest.workspace.", "jest.config.", "playwright.config.",
	"cypress.config.", "karma.conf.", "pytest.ini", ".mocharc", "nextest.toml"}

func hasSrcMain(dirs []string) bool {
	for i := 0; i+1 < len(dirs); i++ {
		if dirs[i] == "src" && dirs[i+1] == "main" {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

var ciFiles = set(".gitlab-ci.yml", ".gitlab-ci.yaml", ".travis.yml", ".travis.yaml", "appveyor.yml", "appveyor.yaml",
	".appveyor.yml", ".cirrus.yml", ".cirrus.yaml", "azure-pipelines.yml", "azure-pipelines.yaml",
	"bitbucket-pipelines.yml", "bitbucket-pipelines.yaml", "jenkinsfile", ".drone.yml", ".drone.yaml",
	"codecov.yml", "codecov.yaml", ".codecov.yml", "renovate.json", "renovate.json5", ".renovaterc",
	".renovaterc.json", ".pre-commit-config.yaml", ".mergify.yml", "dependabot.yml", "dependabot.yaml")

var ciDirs = set(".circleci", ".buildkite", ".woodpecker", "ci")

func isCI(lp string, dirs []string, base string) bool {
	if ciFiles[base] {
		return true
	}
	if anyDir(dirs, ciDirs) {
		// A page about CI in the docs (www/docs/ci/actions.md) is docs.
		return !(docExt[path.Ext(base)] && (anyDir(dirs, docDirs) || anyDir(dirs, siteDirs)))
	}
	return strings.HasPrefix(lp, ".github/workflows/") || strings.HasPrefix(lp, ".github/actions/") ||
		strings.HasPrefix(lp, ".gitlab/ci/") || strings.HasPrefix(base, ".woodpecker")
}

var lockfiles = set("go.sum", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb",
	"bun.lock", "cargo.lock", "gemfile.lock", "poetry.lock", "pipfile.lock", "composer.lock", "uv.lock",
	"gradle.lockfile", "packages.lock.json", "mix.lock", "pubspec.lock", "podfile.lock", "flake.lock", "pdm.lock")

var manifests = set("go.mod", "package.json", "cargo.toml", "gemfile", "pyproject.toml", "pipfile", "composer.json",
	"pom.xml", "pnpm-workspace.yaml", "mix.exs", "pubspec.yaml", "podfile", "libs.versions.toml", "deno.json",
	"environment.yml", ".nvmrc", ".node-version", ".python-version", ".tool-versions", "rust-toolchain",
	"rust-toolchain.toml")

// isChangelog: CHANGELOG, CHANGES, HISTORY, RELEASE-NOTES, NEWS, with or
// without an extension.
func isChangelog(base string) bool {
	// Prose only: changelog.go and changelog.yml are the code and the
	// workflow that write one.
	stem, ext := base, ""
	if i := strings.IndexByte(base, '.'); i >= 0 {
		stem, ext = base[:i], base[i:]
		if !docExt[ext] {
			return false
		}
	}
	return changelogNames[stem]
}

// releaseNoteDirs hold one file of release notes per release (git's
// Documentation/RelNotes/2.44.0.txt).
var releaseNoteDirs = set("relnotes", "release-notes", "release_notes", "releasenotes", "changelogs", "changelog.d", "changes.d")

var changelogNames = set("changelog", "changes", "history", "release-notes", "release_notes", "releasenotes", "news")

// isReadme: README, README.md, readme.rst; CONTRIBUTING too.
func isReadme(base string) bool {
	return strings.HasPrefix(base, "readme") || strings.HasPrefix(base, "contributing")
}

// generatedInTests: a test folder's generated outputs (tests/gen/x.stdout)
// are the tests' expectations; vendored code stays vendored, and so does
// a test folder inside generated code (node_modules/x/test/).
func generatedInTests(dirs []string) bool {
	for i, d := range dirs {
		if generatedDirs[d] {
			return false
		}
		if testDirs[d] {
			for _, g := range dirs[i+1:] {
				if g == "vendor" || g == "node_modules" || g == "third_party" || g == "third-party" {
					return false
				}
			}
			return true
		}
	}
	return false
}

var generatedDirs = set("vendor", "third_party", "third-party", "node_modules", "dist", "generated", "gen")

func isGeneratedBase(base string) bool {
	return hasSuffixAny(base, ".min.js", ".min.css", ".pb.go", ".g.dart", ".pb.cc", ".pb.h") ||
		strings.Contains(base, ".generated.") || strings.Contains(base, "_generated.") || strings.HasPrefix(base, "zz_generated")
}

var benchDirs = set("benches", "benchmarks", "benchmark", "bench", "perf", "__benchmarks__")

func isBenchBase(base, origBase string) bool {
	return strings.Contains(base, "_bench.") || hasSuffixAny(base, ".bench.js", ".bench.ts", ".bench.mjs") ||
		strings.HasPrefix(base, "bench_") && strings.HasSuffix(base, ".py") ||
		strings.HasPrefix(origBase, "Benchmark") && strings.HasSuffix(origBase, ".java")
}

var exampleDirs = set("examples", "example", "samples", "sample", "playground", "playgrounds", "demos", "demo")

// Documentation: prose formats, docs folders, READMEs and contributing
// guides; not licences, changelogs or .txt files that are manifests.
var docExt = set(".md", ".mdx", ".rst", ".adoc", ".asciidoc", ".txt", ".markdown", ".rdoc", ".pod", ".texi")

var docDirs = set("docs", "doc", "documentation", "man", "man1", "man2", "man3", "man4", "man5", "man6", "man7", "man8", "guide", "guides")

// siteDirs hold a project's web site, which is its documentation
// (goreleaser's www/, docusaurus's website/), when at the top.
var siteDirs = set("www", "website")

var notDocPrefixes = []string{"changelog", "changes", "history", "release-notes", "release_notes", "license", "licence",
	"copying", "notice", "authors", "cmakelists.txt", "robots.txt", "meson_options.txt"}

func isDoc(lp string, dirs []string, base string) bool {
	for _, x := range notDocPrefixes {
		if strings.HasPrefix(base, x) {
			return false
		}
	}
	if strings.HasPrefix(base, "requirements") && strings.HasSuffix(base, ".txt") {
		return false
	}
	if anyDir(dirs, docDirs) || len(dirs) > 0 && siteDirs[dirs[0]] {
		return true
	}
	return docExt[path.Ext(base)] || strings.HasPrefix(base, "readme") || strings.HasPrefix(base, "contributing")
}

// Build files by base name: make, meson, CMake, autotools, Cargo's
// build.rs, Bazel and Buck, Gradle and Maven wrappers, sbt, containers,
// release tooling, bundler and compiler configs, Python packaging, Nix.
var buildFiles = set("makefile", "gnumakefile", "meson.build", "meson_options.txt", "meson.options", "cmakelists.txt",
	"configure", "configure.ac", "configure.in", "makefile.am", "makefile.in", "build.rs", "build.zig", "build",
	"workspace", "workspace.bazel", "module.bazel", ".bazelrc", ".bazelversion", "buck", "sconstruct",
	"build.gradle", "build.gradle.kts", "settings.gradle", "settings.gradle.kts", "gradle.properties", "gradlew",
	"gradlew.bat", "mvnw", "mvnw.cmd", "build.sbt", "rakefile", "justfile", "taskfile.yml", "taskfile.yaml",
	"compose.yml", "compose.yaml", ".dockerignore", ".goreleaser.yml", ".goreleaser.yaml", "goreleaser.yml",
	"goreleaser.yaml", ".babelrc", "turbo.json", "nx.json", "lerna.json", "setup.py", "setup.cfg", "tox.ini",
	"noxfile.py", "manifest.in", "default.nix", "shell.nix", "flake.nix", "netlify.toml", "vercel.json", ".release-it.json")

var buildPrefixes = []string{"dockerfile", "docker-compose", ".releaserc", "release-please", "tsconfig",
	"rollup.config.", "vite.config.", "webpack.config.", "tsup.config.", "build.config.", "babel.config.", "release.config."}

func isBuildBase(base string) bool {
	if buildFiles[base] || hasSuffixAny(base, ".mk", ".cmake", ".bazel", ".bzl", ".sbt", ".dockerfile", ".tf") {
		return true
	}
	for _, x := range buildPrefixes {
		if strings.HasPrefix(base, x) {
			return x != "tsconfig" || strings.HasSuffix(base, ".json")
		}
	}
	return false
}

// topBuildDirs hold build tooling at the top of a repository only: deeper
// down, a folder named tools or scripts is as often the product's own
// (packages/build/src/tools/esbuild/).
var topBuildDirs = set("scripts", "script", "tools", "tool")

var buildDirs = set("deploy", "deploys", "deployment", "deployments", "helm",
	"terraform", "k8s", ".devcontainer", "nix", "gradle", ".mvn", "build-aux", "cmake")

var configFiles = set(".editorconfig", ".gitignore", ".gitattributes", ".golangci.yml", ".golangci.yaml", "rustfmt.toml",
	".rustfmt.toml", "clippy.toml", "biome.json", "biome.jsonc", ".clang-format", ".clang-tidy", "ruff.toml",
	".flake8", "mypy.ini", "codeowners", ".mailmap", "typos.toml", "_typos.toml", "deny.toml")

var configPrefixes = []string{".prettier", ".eslint", "eslint.config.", "prettier.config.", ".markdownlint", ".yamllint", ".vscode"}

// isAgentConfig: instructions for coding assistants (AGENTS.md,
// .claude/skills/...) are Markdown, but they configure a tool: authors
// file them as chores, not documentation.
func isAgentConfig(dirs []string, base string) bool {
	if agentFiles[base] {
		return true
	}
	return len(dirs) > 0 && agentDirs[dirs[0]]
}

var agentFiles = set("agents.md", "claude.md", "gemini.md", "copilot-instructions.md", ".cursorrules", ".windsurfrules")

var agentDirs = set(".claude", ".cursor", ".agents", ".codex", ".gemini", ".windsurf")

func isConfigBase(base string) bool {
	if configFiles[base] {
		return true
	}
	for _, x := range configPrefixes {
		if strings.HasPrefix(base, x) {
			return true
		}
	}
	// Dotfile run-commands: .npmrc, .nycrc.json, .mocharc.yml.
	if strings.HasPrefix(base, ".") {
		stem := base
		if i := strings.IndexByte(base[1:], '.'); i >= 0 {
			stem = base[:i+1]
		}
		return strings.HasSuffix(stem, "rc")
	}
	return false
}

func set(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}
