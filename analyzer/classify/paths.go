package classify

import (
	"path"
	"regexp"
	"strings"
)

// Path kinds. A commit carries no diff text, only paths and line counts, so
// what a path is (a test, a doc, a lockfile, a CI file) is most of what we
// know about the work besides its message.

// testPath matches test files and test folders across the common
// ecosystems: Go, JUnit (src/test, FooTest.java), JS/TS (*.spec.ts,
// *.test.js, __tests__), Python (test_*.py, *_test.py), Ruby (*_spec.rb)
// and test data folders.
var testPath = regexp.MustCompile(`(^|/)(tests?|__tests__|__snapshots__|spec|specs|testdata|src/test)/` +
	`|_test\.(go|py|rb|exs?)$` +
	`|(^|/)test_[^/]*\.py$` +
	`|_spec\.rb$` +
	`|\.(spec|test)\.[cm]?[jt]sx?$` +
	`|[A-Za-z0-9](Test|Tests|IT|TestCase)\.(java|kt|scala|groovy|cs)$`)

func isTestPath(p string) bool { return testPath.MatchString(p) }

// notDocBase lists prose-looking files that are not documentation work:
// changelogs are written by release tooling, licence files are legal, and
// these .txt files are build or dependency manifests.
var notDocBase = regexp.MustCompile(`^(changelog|changes|history|release[-_]?notes|license|licence|copying|notice|requirements.*\.txt|cmakelists\.txt|robots\.txt)`)

// docExt are prose formats.
var docExt = map[string]bool{".md": true, ".mdx": true, ".rst": true, ".adoc": true, ".txt": true, ".markdown": true}

// docDirs are folders whose every file belongs to the documentation
// (the site's own config and theme included: maintaining it is docs work).
var docDirs = regexp.MustCompile(`(^|/)(docs?|documentation|website/docs)/`)

// isDocPath reports whether p is documentation. Files under .github/ are
// not: issue and PR templates are project process, and the workflows
// there are automation.
func isDocPath(p string) bool {
	lp := strings.ToLower(p)
	base := path.Base(lp)
	if strings.HasPrefix(lp, ".github/") || notDocBase.MatchString(base) {
		return false
	}
	if docDirs.MatchString(lp) && !isTestPath(p) {
		return true
	}
	if docExt[path.Ext(base)] {
		return true
	}
	return strings.HasPrefix(base, "readme") || strings.HasPrefix(base, "contributing")
}

// isChangelogPath: release notes, kept apart from docs (see notDocBase).
func isChangelogPath(p string) bool {
	b := strings.ToLower(path.Base(p))
	return strings.HasPrefix(b, "changelog") || strings.HasPrefix(b, "changes.") ||
		strings.HasPrefix(b, "history.") || strings.HasPrefix(b, "release-notes") || strings.HasPrefix(b, "release_notes")
}

// lockfiles record resolved dependency versions; a change that touches only
// these (and their manifests, see manifestFiles) is a dependency update.
var lockfiles = map[string]bool{
	"go.sum": true, "package-lock.json": true, "npm-shrinkwrap.json": true,
	"yarn.lock": true, "pnpm-lock.yaml": true, "bun.lockb": true, "bun.lock": true,
	"cargo.lock": true, "gemfile.lock": true, "poetry.lock": true, "pipfile.lock": true,
	"composer.lock": true, "uv.lock": true, "gradle.lockfile": true, "packages.lock.json": true,
	"mix.lock": true, "pubspec.lock": true, "podfile.lock": true, "flake.lock": true,
}

// manifestFiles declare dependencies but also other things (scripts, module
// metadata), so on their own they say "dependencies" only together with a
// lockfile or a message about versions.
var manifestFiles = map[string]bool{
	"go.mod": true, "package.json": true, "cargo.toml": true, "gemfile": true,
	"pyproject.toml": true, "pipfile": true, "composer.json": true, "pom.xml": true,
	"build.gradle": true, "build.gradle.kts": true, "pnpm-workspace.yaml": true,
	"mix.exs": true, "pubspec.yaml": true, "podfile": true, "flake.nix": true,
}

func isLockfile(p string) bool { return lockfiles[strings.ToLower(path.Base(p))] }

func isManifest(p string) bool {
	b := strings.ToLower(path.Base(p))
	return manifestFiles[b] || strings.HasPrefix(b, "requirements") && strings.HasSuffix(b, ".txt")
}

// automationPath matches CI/CD, release, container and build tooling.
var automationPath = regexp.MustCompile(`(?i)(^|/)(\.github/(workflows|actions)/|\.circleci/|\.buildkite/|\.gitlab-ci\.ya?ml$|\.travis\.ya?ml$|` +
	`azure-pipelines\.ya?ml$|bitbucket-pipelines\.ya?ml$|jenkinsfile$|dockerfile[^/]*$|[^/]*\.dockerfile$|docker-compose[^/]*$|compose\.ya?ml$|` +
	`makefile$|[^/]*\.mk$|justfile$|taskfile\.ya?ml$|\.goreleaser\.ya?ml$|scripts?/|deploy(ment)?s?/|\.pre-commit-config\.yaml$|` +
	`\.github/dependabot\.ya?ml$|renovate\.json5?$|\.?release-it\.json$|netlify\.toml$|vercel\.json$|helm/|terraform/|[^/]*\.tf$|k8s/|\.devcontainer/)`)

func isAutomationPath(p string) bool { return automationPath.MatchString(p) }

// designPath matches architecture decision records, RFCs and design docs.
var designPath = regexp.MustCompile(`(?i)(^|/)(adrs?|rfcs?|design|designs|proposals?|decisions|architecture)/|(^|/)[^/]*(design|proposal|rfc)[^/]*\.(md|rst|adoc)$`)

func isDesignPath(p string) bool { return designPath.MatchString(p) }

// TopArea is the first element of p, "" for a file at the root.
func TopArea(p string) string {
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return ""
}

// isGovernancePath: community rules, not documentation of the software.
func isGovernancePath(p string) bool {
	b := strings.ToLower(path.Base(p))
	return strings.HasPrefix(b, "code_of_conduct") || strings.HasPrefix(b, "governance") || strings.HasPrefix(b, "codeowners")
}

// isRootReadme: the README at the root of a repository.
func isRootReadme(p string) bool {
	return !strings.Contains(p, "/") && strings.HasPrefix(strings.ToLower(p), "readme")
}
