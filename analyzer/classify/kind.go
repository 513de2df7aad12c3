package classify

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/git-career/git-career/analyzer/classify/commitmodel"
	"github.com/git-career/git-career/analyzer/work"
)

// kindOf decides the one kind of work a commit is. Rules decide first,
// where they are sure: the author's Conventional type (an author's "fix:"
// is a fix), a pull request's labels, a release or version bump, a
// dependency update, a changelog alone. Everything else is asked of the
// learned model (commitmodel), which reads the subject after any prefix,
// the body and the kinds of paths changed. It returns "" when the model
// finds the commit a chore with no kind of work.
func kindOf(f *facts) (k work.Category, why string, guessed bool) {
	k, why = decidedKind(f)
	if k != "" || why != "" {
		return k, why, false
	}
	if work.IsBot(f.c.Author) {
		// A bot's commit is the output of automation someone set up,
		// not a kind of work: its words are a template ("auto-update
		// generated files") the model would read as docs or a fix.
		return "", "written by a bot", false
	}
	k, why = modelKind(f)
	return k, why, k != ""
}

// decidedKind is the kind the rules are sure of; why is "" when they do
// not decide, and k "" with a reason when they decide there is none.
func decidedKind(f *facts) (work.Category, string) {
	switch {
	case f.typed():
		return f.ccCat, ccReason(f)
	}
	if k, l := labelKind(f.ctx.Labels); k != "" {
		return k, fmt.Sprintf("labelled %q", l)
	}
	if k := areaKinds[strings.ToLower(strings.SplitN(f.area, "/", 2)[0])]; k != "" {
		// git's "t/unit-tests: ...", "Documentation: ...", "ci: ...".
		return k, fmt.Sprintf("area %s", f.area)
	}
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
	if why := dependencyUpdate(f); why != "" {
		return work.Dependencies, why
	}
	if f.all(f.ci) && !ciDocWords.MatchString(f.subject) {
		// Build files alone are left to the model: authors file them
		// under fixes and features about as often as under the build.
		return work.Automation, "only CI files changed: " + firstPath(f, func(p string) bool {
			return commitmodel.KindOf(p) == commitmodel.CIFile
		})
	}
	if strings.Contains(f.subject, "doc") {
		if w, ok := find(codeDocWords, f.subject); ok {
			// Doc comments live in code files, where paths cannot tell.
			return work.Docs, fmt.Sprintf("subject documents code (%q)", w)
		}
	}
	if f.all(f.logs) {
		// Release notes are documentation; authors label them docs more
		// often than anything else.
		return work.Docs, "only the changelog changed (release notes)"
	}
	if len(f.subject) <= 12 && placeholder.MatchString(f.subject) && strings.TrimSpace(f.c.Body) == "" {
		return "", "the subject says nothing"
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
	k := classCategory[p.Class]
	if k == "" {
		return "", ""
	}
	minP, ok := m.MinP(p.Class)
	if !ok {
		minP = minModelP[p.Class]
	}
	if p.P < minP {
		// Unsure, but a fix the author calls one: "Fix the login" on
		// code is a fix even when the model hesitates.
		if !(p.Class == "fix" && fixFirst[firstWord(f.subject)] && f.product > 0) {
			return "", ""
		}
	}
	return k, "model: " + strings.Join(p.Reasons, "; ")
}

// minModelP is the least probability at which the model's guess is
// shown, for the classes the model has no calibrated one for (see
// commitmodel.TrainOptions.Calibrate): below it, the commit gets no kind
// of work rather than a guess.
// Docs and fixes need more: guessed at the model's first choice, they are
// the commonest false claims (chores that touch a README, refactors that
// read like fixes), and leaving a few out costs the reader less.
var minModelP = map[string]float64{
	"feature": 0.3, "fix": 0.4, "docs": 0.45, "test": 0.3, "ci": 0.3, "build": 0.3,
	"perf": 0.3, "refactor": 0.3, "style": 0.3, "release": 0.3, "deps": 0.3,
}

// placeholder: subjects that say nothing ("wip", "misc"), where the
// model would guess from the paths alone.
var placeholder = regexp.MustCompile(`^(wip|tmp|temp|misc|stuff|changes|save|\.+|-+|update[sd]?|fixup!.*|squash!.*)$`)

// classCategory maps the model's classes to categories. "chore" is no
// kind of work; the model predicts it only when nothing else is likely
// (see commitmodel.Model.Predict).
var classCategory = map[string]work.Category{
	"feature": work.Feature, "fix": work.Fix, "docs": work.Docs, "test": work.Testing,
	"ci": work.Automation, "build": work.Automation, "perf": work.Performance,
	"refactor": work.Refactor, "style": work.Refactor,
	"release": work.Release, "deps": work.Dependencies,
}

// ccReason says which part of the prefix decided.
func ccReason(f *facts) string {
	if f.cc.Scope != "" && scopeCategories[strings.ToLower(f.cc.Scope)] == f.ccCat {
		return fmt.Sprintf("conventional scope (%s)", f.cc.Scope)
	}
	return "conventional type " + f.cc.Type + ":"
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
var releaseSubject = regexp.MustCompile(`^(release[sd]?:?\s+|version\s+)?v?\d+\.\d+(\.\d+)?([-.+][0-9a-z.-]+)?( \(#\d+\))?$|^(release|publish|cut|prepare|prep)( the)? (v?\d|release|version|new version)|^release (of )?[@\w/.-]+@?v?\d+\.\d+`)

// versionBump: the project's own version, as opposed to a dependency's
// ("bump version to 1.2.3", "update version number", "1.2.3 → 1.2.4").
var versionBump = regexp.MustCompile(`^(bump|update|increment|set|prepare)( the)?( package| project)? versions?( number)?( to v?\d\S*| for release| for v?\d\S*)?( \(#\d+\))?$|^(bump|update) to v?\d+\.\d+\S*$`)

// depUpdate: "update dependency x to v3", "bump x from 1 to 2",
// "upgrade x to 1.2", "update cross-repo angular dependencies".
var depUpdate = regexp.MustCompile(`^(bump|update|upgrade|pin)s?( the)?( \S+)? (dependenc(y|ies)|deps?|packages?|lockfile|lock file)\b|^(bump|update|upgrade)s?( the)?( [\w@/.-]+){2} (dependencies|deps)( \(#\d+\))?$|^(bump|update|upgrade)s? \S+ from \S+ to \S+|^(update|upgrade|bump)s? (dependency|module|crate|package|action|image|docker tag) \S+ to v?\d`)

// ciDocWords: a subject about the words in a workflow ("update
// comments", "explain why we pin X") is left to the model, which weighs
// them against the CI paths.
var ciDocWords = regexp.MustCompile(`\b(comments?|docs?|documentation|document|typos?|explanation|explain|wording|readme)\b`)

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

// fixFirst are first words that say the commit is a fix.
var fixFirst = map[string]bool{"fix": true, "fixes": true, "fixed": true, "fixing": true, "bugfix": true, "hotfix": true}

// releaseFirst and depFirst are the first words releaseSubject,
// versionBump and depUpdate can match after.
var (
	releaseFirst = map[string]bool{"release": true, "released": true, "releases": true, "release:": true, "version": true,
		"publish": true, "cut": true, "prepare": true, "prep": true, "bump": true, "update": true, "increment": true, "set": true}
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
// versions, since it also holds scripts and metadata).
func dependencyUpdate(f *facts) string {
	if depFirst[firstWord(f.subject)] && (depUpdate.MatchString(f.subject) || bumpFromTo.MatchString(f.subject)) {
		return "subject updates dependencies"
	}
	if f.all(f.deps) && (f.locks > 0 || depWords.MatchString(f.subject)) {
		return "only dependency manifests or lockfiles changed"
	}
	return ""
}
