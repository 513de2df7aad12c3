package classify

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/git-career/git-career/analyzer/classify/commitmodel"
	"github.com/git-career/git-career/analyzer/work"
)

// primaryKind decides the one kind of work a commit is, and says why; it
// never returns "": a commit nothing recognises is work.Other. In order:
//
//  1. what the change proves, whatever the prefix says (the guide's
//     overrides): a release or version bump, a changelog alone, a
//     dependency or toolchain update; design docs, docs, tests, CI files,
//     examples, or build and tool files alone; a small typo or comment
//     fix;
//  2. the author's Conventional type (an author's "fix:" is a fix);
//  3. a pull request's labels;
//  4. rules that are sure of the words (an area such as t/ or
//     Documentation/, doc comments, removing dead code, a vulnerability
//     named twice), and subjects that say nothing;
//  5. the learned model (commitmodel), which reads the words after any
//     prefix, the body and the facts of the change.
func primaryKind(f *facts) (work.Category, string) {
	k, why, _ := decideKind(f)
	return k, why
}

// decideKind is primaryKind, also saying whether a rule decided (sure)
// or the model guessed.
func decideKind(f *facts) (k work.Category, why string, sure bool) {
	if k, why := evidenceKind(f); k != "" {
		if f.typed() && f.ccCat == k {
			// The author said it: their type is the plainer reason.
			return k, ccReason(f), true
		}
		return k, why, true
	}
	if f.typed() {
		return f.ccCat, ccReason(f), true
	}
	if k, l := labelKind(f.ctx.Labels); k != "" {
		return k, fmt.Sprintf("labelled %q", l), true
	}
	if k, why := ruleKind(f); k != "" {
		return k, why, true
	}
	k, why = modelKind(f)
	return k, why, false
}

// evidenceKind is the kind the change itself proves, which the guide puts
// above the author's type: "a fix: that changes only docs files is docs".
func evidenceKind(f *facts) (work.Category, string) {
	if k, why := releaseKind(f); k != "" {
		return k, why
	}
	if why := dependencyUpdate(f); why != "" {
		return work.Dependencies, why
	}
	switch {
	case f.nFiles == 0:
		return "", ""
	case f.all(f.design):
		return work.Design, "changes only design documents: " + firstPath(f, isDesignPath)
	case f.all(f.docs):
		if w, ok := find(designWords, f.subject); ok {
			return work.Design, fmt.Sprintf("only docs files changed, and the subject says %q", w)
		}
		return work.Docs, "only docs files changed: " + firstPath(f, isKind(commitmodel.DocFile))
	}
	if why, ok := fixesWording(f); ok {
		return work.Docs, why
	}
	switch {
	case f.all(f.tests):
		return work.Testing, "only test files changed: " + firstPath(f, isKind(commitmodel.TestFile))
	case f.all(f.ci):
		return work.Automation, "only CI files changed: " + firstPath(f, isKind(commitmodel.CIFile))
	case f.all(f.docExamples):
		// Examples are written as docs.
		return work.Docs, "only examples changed: " + firstPath(f, isDocExample)
	case f.all(f.auto+f.config+f.deps-f.locks) && f.auto+f.config > 0:
		// Build files, tool configs and manifests without a version moved
		// (dependencyUpdate is asked first).
		return work.Automation, "only build and tool files changed: " + firstPath(f, func(p string) bool {
			k := commitmodel.KindOf(p)
			return k == commitmodel.BuildFile || k == commitmodel.ConfigFile || k == commitmodel.CIFile
		})
	}
	return "", ""
}

// fixesWording: a typo, spelling or comment fix in any files is docs (the
// guide), when the change is that small: a few lines edited in place.
func fixesWording(f *facts) (string, bool) {
	if f.nFiles == 0 || f.added > 10 || f.deleted > 10 || f.added-f.deleted > 2 || f.deleted-f.added > 2 {
		return "", false
	}
	if !containsAny(f.subject, "typo", "spell", "grammar", "comment", "docstring", "wording") || strings.Contains(f.subject, "review comment") {
		return "", false
	}
	m := wordingWords.FindStringSubmatch(f.subject)
	if m == nil {
		return "", false
	}
	return fmt.Sprintf("subject fixes %q, and the change edits a few lines in place", m[1]), true
}

// wordingWords: typos and comments; not a file name ("typos.toml").
// A comment must be the code's ("code comments", "in a comment"): "PR
// comments" and "review comments" are not.
var wordingWords = regexp.MustCompile(`\b(typos?|misspell\w*|spelling|grammar|wording|(?:code|doc|inline|source) comments?|(?:in|to|the|a) comments?|docstrings?)(?:[^.\w]|$)`)

// isDocExample: an example or sample program (not a playground, which
// is for trying the product out, or its tests).
func isDocExample(p string) bool {
	if commitmodel.KindOf(p) != commitmodel.ExampleFile {
		return false
	}
	for _, d := range strings.Split(strings.ToLower(p), "/") {
		switch d {
		case "examples", "example", "samples", "sample", "demos", "demo":
			return true
		}
	}
	return false
}

func isKind(k commitmodel.PathKind) func(string) bool {
	return func(p string) bool { return commitmodel.KindOf(p) == k }
}

// releaseKind: the subject is a release or a version bump, or only the
// changelog changed (release notes are the release's, not docs).
func releaseKind(f *facts) (work.Category, string) {
	// Cheap tests first: these expressions are slow, and most subjects
	// start with none of these.
	if first := firstWord(f.subject); releaseFirst[first] || first != "" && (first[0] >= '0' && first[0] <= '9' || first[0] == 'v') {
		if releaseSubject.MatchString(f.subject) {
			return work.Release, "subject is a release"
		}
		if versionBump.MatchString(f.subject) {
			return work.Release, "subject bumps the project's version"
		}
	}
	if f.all(f.logs) {
		return work.Release, "only the changelog changed: " + firstPath(f, isKind(commitmodel.ChangelogFile))
	}
	if f.logs > 0 && nameVersion.MatchString(f.subject) {
		// "Git 2.45.3", "redis 7.2.4" with its release notes.
		return work.Release, "subject is a name and a version, and the release notes changed"
	}
	return "", ""
}

// ruleKind: rules sure of the words, for a commit without a type.
func ruleKind(f *facts) (work.Category, string) {
	if k := areaKinds[strings.ToLower(strings.SplitN(f.area, "/", 2)[0])]; k != "" {
		// git's "t/unit-tests: ...", "Documentation: ...", "ci: ...".
		return k, fmt.Sprintf("area %s", f.area)
	}
	if strings.Contains(f.subject, "doc") {
		if w, ok := find(codeDocWords, f.subject); ok {
			// Doc comments live in code files, where paths cannot tell.
			return work.Docs, fmt.Sprintf("subject documents code (%q)", w)
		}
	}
	if why, ok := removesDeadCode(f); ok {
		return work.Cleanup, why
	}
	if why, ok := namesVulnerability(f); ok {
		return work.Security, why
	}
	if m := checkerFindings.FindString(f.subject); m != "" {
		// The guide: lint fixes and type annotations are refactoring; a
		// checker's finding is not the product's behaviour.
		return work.Refactor, fmt.Sprintf("fixes what a checker reports (%q)", m)
	}
	if f.revert && f.text == "" || len(f.subject) <= 12 && placeholder.MatchString(f.subject) && strings.TrimSpace(f.c.Body) == "" {
		return work.Other, "the subject says nothing of the work"
	}
	return "", ""
}

// modelKind asks the model.
func modelKind(f *facts) (work.Category, string) {
	m := f.ctx.Model
	if m == nil {
		m = commitmodel.Default()
	}
	p := m.Predict(commitmodel.Input{Subject: f.text, Body: f.c.Body, Files: f.files, Kinds: f.kinds})
	k := work.Category(p.Kind)
	if k == "" {
		// A first stage alone (a model trained without the second).
		k = classCategory[p.Class]
	}
	if k == "" {
		return work.Other, "nothing recognised"
	}
	why := "read as " + string(k)
	if len(p.Reasons) > 0 {
		why += ": " + strings.Join(p.Reasons, "; ")
	}
	return k, why
}

// checkerFindings: a subject that fixes what a linter or type checker
// reports ("fix mypy finding", "fix lint issues", "resolve clippy
// warnings", "ruff fixes"), the whole point of the change.
var checkerFindings = regexp.MustCompile(`(?i)^(?:(?:fix|fixes|fixed|resolve|resolves|resolved|address|silence|appease|satisfy)\s+(?:the\s+|some\s+|new\s+|all\s+)?(?:lint|linter|linting|mypy|pyright|flake8|pylint|ruff|eslint|clippy|golangci-lint|staticcheck|go vet|vet|rubocop|ktlint|detekt|shellcheck|type[- ]?check(?:er|ing)?|typing)\s*(?:finding|warning|error|issue|complaint|lint|nit|problem)s?\b|(?:lint|mypy|pyright|ruff|clippy|eslint|rubocop)\s+fix(?:es)?\s*$)`)

// placeholder: subjects that say nothing ("wip", "misc"), where the
// model would guess from the paths alone.
var placeholder = regexp.MustCompile(`^(wip|tmp|temp|misc|stuff|changes|save|\.+|-+|update[sd]?|fixup!.*|squash!.*)$`)

// classCategory maps the first stage's classes to categories, for a model
// without a second stage; "chore" is none.
var classCategory = map[string]work.Category{
	"feature": work.Feature, "fix": work.Fix, "docs": work.Docs, "test": work.Testing,
	"ci": work.Automation, "build": work.Automation, "perf": work.Performance,
	"refactor": work.Refactor, "style": work.Refactor,
	"release": work.Release, "deps": work.Dependencies,
}

// ccReason says which part of the prefix decided.
func ccReason(f *facts) string {
	if f.cc.Scope != "" && scopeCategories[strings.ToLower(f.cc.Scope)] == f.ccCat {
		return fmt.Sprintf("the author's Conventional Commits scope (%s)", f.cc.Scope)
	}
	return fmt.Sprintf("the author's Conventional Commits type %q", f.cc.Type+":")
}

// labelKinds maps the words of common pull request labels ("bug",
// "type: enhancement", "kind/documentation") to kinds of work.
var labelKinds = map[string]work.Category{
	"bug": work.Fix, "bugfix": work.Fix, "fix": work.Fix, "regression": work.Fix,
	"enhancement": work.Feature, "feature": work.Feature, "feat": work.Feature, "new feature": work.Feature,
	"documentation": work.Docs, "docs": work.Docs, "doc": work.Docs,
	"test": work.Testing, "tests": work.Testing, "testing": work.Testing,
	"ci": work.Automation, "infrastructure": work.Automation, "build": work.Automation,
	"performance": work.Performance, "perf": work.Performance,
	"refactor": work.Refactor, "refactoring": work.Refactor, "cleanup": work.Refactor, "tech debt": work.Refactor,
	"dependencies": work.Dependencies, "deps": work.Dependencies, "dependency": work.Dependencies,
	"release": work.Release, "security": work.Security,
}

// labelPrefix strips the namespaces teams put on labels.
var labelPrefix = regexp.MustCompile(`^(type|kind|t|area|category|c)\s*[:/-]\s*`)

// labelKind returns the kind the first recognised label names.
func labelKind(labels []string) (work.Category, string) {
	for _, l := range labels {
		n := strings.ToLower(strings.TrimSpace(l))
		n = strings.TrimSpace(labelPrefix.ReplaceAllString(n, ""))
		n = strings.Trim(n, " :-_🐛✨📝🚀⚡️♻️")
		if k, ok := labelKinds[n]; ok {
			return k, l
		}
	}
	return "", ""
}

// releaseSubject: a subject that is only a version, or "release vX".
var releaseSubject = regexp.MustCompile(`^(release[sd]?:?\s+|version\s+)?v?\d+\.\d+(\.\d+)?([-.+][0-9a-z.-]+)?( \(#\d+\))?$|^(release|publish|cut|prepare|prep)( for)?( the)?( next)? (v?\d|release|version|new version|development version|development iteration)|^release (of )?[@\w/.-]+@?v?\d+\.\d+|^start (version|release) v?\d|^\[maven-release-plugin\]`)

// versionBump: the project's own version, as opposed to a dependency's
// ("bump version to 1.2.3", "update version number", "1.2.3 → 1.2.4").
var versionBump = regexp.MustCompile(`^(bump|update|increment|set|prepare)( the)?( package| project| gem| crate| app| library)? versions?( number)?( to v?\d\S*| for release| for v?\d\S*)?( \(#\d+\))?$|^(bump|update) to v?\d+\.\d+\S*$`)

// depUpdate: "update dependency x to v3", "bump x from 1 to 2",
// "upgrade x to 1.2", "update cross-repo angular dependencies".
var depUpdate = regexp.MustCompile(`^(bump|update|upgrade|pin)s?( the)?( \S+)? (dependenc(y|ies)|deps?|packages?|lockfile|lock file)\b|^(bump|update|upgrade)s?( the)?( [\w@/.-]+){2} (dependencies|deps)( \(#\d+\))?$|^(bump|update|upgrade)s? \S+ from \S+ to \S+|^(update|upgrade|bump)s? (dependency|module|crate|package|action|image|docker tag) \S+ to v?\d`)

// codeDocWords name documentation written in code: API docs and doc
// comments.
var codeDocWords = regexp.MustCompile(`\b(java ?docs?|jsdocs?|tsdocs?|kdocs?|rustdocs?|godocs?|docstrings?|doc ?comments?|doc-comments?|api docs?)\b`)

// areaKinds: areas (a subject's path prefix, first element) that are a
// kind of work by themselves, as a Conventional scope can be.
var areaKinds = map[string]work.Category{
	"t": work.Testing, "test": work.Testing, "tests": work.Testing, "testsuite": work.Testing,
	"doc": work.Docs, "docs": work.Docs, "documentation": work.Docs,
	"ci": work.Automation, ".github": work.Automation,
}

// releaseFirst and depFirst are the first words releaseSubject,
// versionBump and depUpdate can match after.
var (
	releaseFirst = map[string]bool{"release": true, "released": true, "releases": true, "release:": true, "version": true,
		"publish": true, "cut": true, "prepare": true, "prep": true, "bump": true, "update": true, "increment": true, "set": true,
		"start": true, "[maven-release-plugin]": true}
	depFirst = map[string]bool{"bump": true, "bumps": true, "update": true, "updates": true, "upgrade": true, "upgrades": true, "pin": true, "pins": true}
)

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// dependencyUpdate: the subject says so, or only lockfiles and manifests
// changed (a lockfile is proof; a manifest alone needs words about
// versions, since it also holds scripts and metadata), or the subject
// moves something to a version and a manifest, lockfile or build file
// (where Gradle and Maven keep versions) changed.
func dependencyUpdate(f *facts) string {
	first := firstWord(f.subject)
	if depFirst[first] && (depUpdate.MatchString(f.subject) || bumpFromTo.MatchString(f.subject)) {
		return "subject updates dependencies"
	}
	if f.all(f.deps) && (f.locks > 0 || depWords.MatchString(f.subject)) {
		return "only dependency manifests or lockfiles changed"
	}
	if f.deps+f.auto == 0 {
		return ""
	}
	// The subject moves something to a version, and a manifest, a
	// lockfile or a build file (where Gradle and Maven keep versions)
	// changed.
	if depFirst[first] && upgradeTo.MatchString(f.subject) || toolchain.MatchString(f.subject) ||
		f.all(f.deps+f.auto) && nameVersion.MatchString(f.subject) {
		return "subject moves a dependency or the toolchain to a version, and " + firstPath(f, func(p string) bool {
			k := commitmodel.KindOf(p)
			return k == commitmodel.ManifestFile || k == commitmodel.LockFile || k == commitmodel.BuildFile || k == commitmodel.CIFile
		}) + " changed"
	}
	return ""
}

// toolchain: "build with go 1.13", "use node 20", "require java 17". Not
// "test with python 3.13": a version added to the test matrix, CI work.
var toolchain = regexp.MustCompile(`^(build|compile|run)s? (with|on|against|using) [a-z]+ v?\d+(\.\d+)*\b|^(use|require|requires|switch to|move to|migrate to|upgrade to|update to|bump to) (go|golang|node|nodejs|node\.js|java|jdk|python|rust|rustc|kotlin|gradle|ruby|typescript|php|dotnet|\.net|zig|swift|scala|elixir|erlang|deno|bun) v?\d`)

// nameVersion: the subject is a name and a version ("kotlin 1.4.30").
var nameVersion = regexp.MustCompile(`^[a-z][\w.@/-]* v?\d+\.\d+(\.\d+)?([-.+][0-9a-z.-]+)?( \(#\d+\))?$`)

// upgradeTo: "upgrade okio to 3.12.0", "update go to 1.22", "upgrade to
// bouncy castle 1.50".
var upgradeTo = regexp.MustCompile(`^(bump|update|upgrade)s?( the)?( [\w@/.+-]+){1,3} to v?\d|^(bump|update|upgrade)s? to [\w@/.+-]+( [\w@/.+-]+)? v?\d`)
