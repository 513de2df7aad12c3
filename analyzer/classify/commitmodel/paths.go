package commitmodel

import (
	"path"
	"regexp"
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

// testPath matches test files and folders across ecosystems: git's t/,
// test/, tests/, spec/, __tests__/, Go's _test.go, Python's test_*.py,
// JUnit's src/test and FooTest.java, JS/TS *.spec.ts and *.test.js,
// Ruby's _spec.rb, Rust's tests/, snapshots and fixtures.
var testPath = regexp.MustCompile(`(?i)(^|/)(t|tests?|__tests__|__snapshots__|__mocks__|spec|specs|testdata|testing|test-?fixtures|fixtures|e2e|cypress|playwright|integration-tests?|unit-tests?|src/test|src/it)/` +
	`|_test\.(go|py|rb|exs?|c|cc|cpp|dart)$` +
	`|(^|/)test_[^/]*\.py$|(^|/)conftest\.py$` +
	`|_spec\.rb$|(^|/)t\d{4}-[^/]*\.sh$` +
	`|\.(spec|test|e2e|cy)\.[cm]?[jt]sx?$|\.(spec|test)\.(vue|svelte)$|\.snap$` +
	`|[A-Za-z0-9](Test|Tests|IT|TestCase|Spec)\.(java|kt|kts|scala|groovy|cs|swift)$`)

// notDocBase: prose-looking files that are not documentation work.
var notDocBase = regexp.MustCompile(`^(changelog|changes|history|release[-_]?notes|license|licence|copying|notice|authors|requirements.*\.txt|cmakelists\.txt|robots\.txt|meson_options\.txt|cargo\.lock)`)

var docExt = map[string]bool{".md": true, ".mdx": true, ".rst": true, ".adoc": true, ".asciidoc": true, ".txt": true, ".markdown": true, ".rdoc": true, ".pod": true, ".texi": true}

var docDirs = regexp.MustCompile(`(?i)(^|/)(docs?|documentation|website/docs|man|man\d|guides?)/`)

var ciPath = regexp.MustCompile(`(?i)(^|/)(\.github/(workflows|actions)/|\.circleci/|\.buildkite/|\.gitlab-ci\.ya?ml$|\.gitlab/ci/|\.travis\.ya?ml$|appveyor\.ya?ml$|\.cirrus\.ya?ml$|` +
	`azure-pipelines\.ya?ml$|bitbucket-pipelines\.ya?ml$|jenkinsfile$|\.drone\.ya?ml$|\.woodpecker|codecov\.ya?ml$|\.github/dependabot\.ya?ml$|renovate\.json5?$|\.github/renovate\.json5?$|\.pre-commit-config\.yaml$|\.mergify\.yml$|ci/)`)

// buildFile matches build files by base name: make, meson, CMake,
// autotools, Cargo's build.rs, Bazel and Buck, Gradle and Maven wrappers,
// sbt, containers, release tooling, bundler and compiler configs, Python
// packaging, Nix.
var buildFile = regexp.MustCompile(`^(makefile|gnumakefile|[^/]*\.mk|meson\.build|meson_options\.txt|meson\.options|cmakelists\.txt|[^/]*\.cmake|configure(\.ac|\.in)?|makefile\.(am|in)|build\.rs|build\.zig|` +
	`build|workspace|[^/]*\.bazel|[^/]*\.bzl|\.bazelrc|\.bazelversion|buck|sconstruct|build\.gradle(\.kts)?|settings\.gradle(\.kts)?|gradle\.properties|gradlew(\.bat)?|mvnw(\.cmd)?|` +
	`build\.sbt|[^/]*\.sbt|rakefile|justfile|taskfile\.ya?ml|dockerfile[^/]*|[^/]*\.dockerfile|docker-compose[^/]*|compose\.ya?ml|\.dockerignore|` +
	`\.?goreleaser\.ya?ml|release\.config\.[cm]?js|\.releaserc[^/]*|\.release-it\.json|release-please[^/]*|` +
	`rollup\.config\.[^/]*|vite\.config\.[^/]*|webpack\.config\.[^/]*|tsup\.config\.[^/]*|build\.config\.[^/]*|babel\.config\.[^/]*|\.babelrc|tsconfig[^/]*\.json|turbo\.json|nx\.json|lerna\.json|` +
	`setup\.py|setup\.cfg|tox\.ini|noxfile\.py|manifest\.in|default\.nix|shell\.nix|flake\.nix|netlify\.toml|vercel\.json|[^/]*\.tf)$`)

// buildDir matches folders of build and delivery tooling.
var buildDir = regexp.MustCompile(`(^|/)(scripts?|tools?|deploy(ment)?s?|helm|terraform|k8s|\.devcontainer|nix|gradle|\.mvn|build-aux|cmake)/`)

var lockfiles = map[string]bool{
	"go.sum": true, "package-lock.json": true, "npm-shrinkwrap.json": true,
	"yarn.lock": true, "pnpm-lock.yaml": true, "bun.lockb": true, "bun.lock": true,
	"cargo.lock": true, "gemfile.lock": true, "poetry.lock": true, "pipfile.lock": true,
	"composer.lock": true, "uv.lock": true, "gradle.lockfile": true, "packages.lock.json": true,
	"mix.lock": true, "pubspec.lock": true, "podfile.lock": true, "flake.lock": true, "pdm.lock": true,
}

var manifests = map[string]bool{
	"go.mod": true, "package.json": true, "cargo.toml": true, "gemfile": true,
	"pyproject.toml": true, "pipfile": true, "composer.json": true, "pom.xml": true,
	"pnpm-workspace.yaml": true, "mix.exs": true, "pubspec.yaml": true, "podfile": true,
	"libs.versions.toml": true, "deno.json": true, "environment.yml": true, ".nvmrc": true,
	".node-version": true, ".python-version": true, ".tool-versions": true, "rust-toolchain": true, "rust-toolchain.toml": true,
}

var changelogBase = regexp.MustCompile(`^(changelog|changes|history|release[-_]?notes|news)(\.|$)|^\.changeset/`)

var generatedPath = regexp.MustCompile(`(?i)(^|/)(vendor|third_party|third-party|node_modules|dist|generated|gen)/|\.(min\.js|min\.css|pb\.go|g\.dart|generated\.[a-z]+)$|_generated\.|(^|/)zz_generated`)

var benchPath = regexp.MustCompile(`(?i)(^|/)(benches|benchmarks?|bench|perf)/|_bench\.|\.bench\.[jt]s$|bench_[^/]*\.py$|Benchmark[^/]*\.java$`)

var examplePath = regexp.MustCompile(`(?i)(^|/)(examples?|samples?|playground|demos?)/`)

var configBase = regexp.MustCompile(`^(\.[^/]*rc(\.[a-z]+)?|\.editorconfig|\.gitignore|\.gitattributes|\.prettier[^/]*|\.eslint[^/]*|eslint\.config\.[^/]*|prettier\.config\.[^/]*|\.golangci\.ya?ml|rustfmt\.toml|\.rustfmt\.toml|clippy\.toml|biome\.jsonc?|\.clang-format|\.clang-tidy|\.markdownlint[^/]*|\.vscode|ruff\.toml|\.flake8|mypy\.ini|\.yamllint[^/]*|codeowners|\.mailmap|typos\.toml|_typos\.toml|deny\.toml)$`)

// KindOf returns what p is. The first match wins in this order: a test
// folder's README is a test file, a docs folder's script is docs.
func KindOf(p string) PathKind {
	lp := strings.ToLower(p)
	base := path.Base(lp)
	switch {
	case lockfiles[base]:
		return LockFile
	case changelogBase.MatchString(base) || strings.HasPrefix(lp, ".changeset/"):
		return ChangelogFile
	case generatedPath.MatchString(p):
		return GeneratedFile
	case testPath.MatchString(p):
		return TestFile
	case ciPath.MatchString(p):
		return CIFile
	case manifests[base] || strings.HasPrefix(base, "requirements") && strings.HasSuffix(base, ".txt"):
		return ManifestFile
	case benchPath.MatchString(p):
		return BenchFile
	case isDoc(lp, base):
		return DocFile
	case buildFile.MatchString(base) || buildDir.MatchString(lp):
		return BuildFile
	case examplePath.MatchString(p):
		return ExampleFile
	case configBase.MatchString(base) || strings.HasPrefix(lp, ".vscode/") || strings.HasPrefix(lp, ".github/"):
		return ConfigFile
	}
	return ProductFile
}

func isDoc(lp, base string) bool {
	if notDocBase.MatchString(base) {
		return false
	}
	if docDirs.MatchString(lp) {
		return true
	}
	if docExt[path.Ext(base)] {
		return true
	}
	return strings.HasPrefix(base, "readme") || strings.HasPrefix(base, "contributing")
}
