package analyzer

import (
	"fmt"
	"sort"
	"strings"
)

// Context is what the rules know beyond the commit itself.
type Context struct {
	// Owners returns the CODEOWNERS owners of a path ("@org/team",
	// "@login", "email"); nil when the repository has no CODEOWNERS file.
	Owners func(path string) []string
	// Us are the owner handles that mean the user: their team
	// (career.team) and their own @login and emails, lower-cased.
	Us []string
	// Areas counts, for each top-level area (first path element), the
	// commits of the scan that changed it: the user's and everyone else's.
	// Without CODEOWNERS, an area where others do nearly all the work is
	// taken to be another team's.
	Areas map[string]AreaActivity
	// Credited is true when someone else authored the commit and credited
	// the user as a co-author.
	Credited bool
	// PullRequest is true when the "commit" is a pull request's (or an
	// issue's) title and description: a few rules read only those.
	PullRequest bool
}

// rule gives Category to a commit when Match says so; the reason it returns
// is shown to the reader, so it is a short plain sentence.
type rule struct {
	Category Category
	Name     string
	Match    func(f *facts) (reason string, ok bool)
}

// rules is the whole classifier. Rules are independent: every rule runs,
// a commit may get several categories, and the first matching rule of a
// category gives its reason. Rules that guess a kind of work from words
// (feature, fix, refactor) stand back when a Conventional prefix already
// names it (f.typed()), because the author's label beats our guess.
var rules = []rule{
	// Feature.
	{Feature, "conventional feature", ccIs(Feature)},
	{Feature, "subject adds behaviour", func(f *facts) (string, bool) {
		// "add X" to product code; "add tests"/"add docs" are caught by the
		// path rules instead, so code files must be among the changes.
		w, ok := find(featureWords, f.subject)
		if f.typed() || !ok || f.product == 0 || fixWords.MatchString(f.subject) {
			return "", false
		}
		return fmt.Sprintf("subject starts with %q", w), true
	}},

	// Fix.
	{Fix, "conventional fix", func(f *facts) (string, bool) {
		if f.ccCat != Fix || proseEdit(f) || styleFixWords.MatchString(f.subject) {
			return "", false
		}
		return "conventional type " + f.cc.Type + ":", true
	}},
	{Fix, "subject says fix", func(f *facts) (string, bool) {
		w, ok := find(fixWords, f.subject)
		if f.typed() || !ok || f.product+f.tests == 0 || proseEdit(f) || styleFixWords.MatchString(f.subject) {
			return "", false
		}
		return fmt.Sprintf("subject says %q", w), true
	}},

	// Flaky tests: see words.go for the root causes each vocabulary covers.
	{FlakyTests, "message names flakiness", func(f *facts) (string, bool) {
		w, ok := find(flakyWords, nixFlake.ReplaceAllString(f.message, ""))
		if !ok {
			return "", false
		}
		// A body that only mentions flakiness in passing ("scores the
		// flaky-test rule") is not a fix unless tests changed too.
		if _, inSubject := find(flakyWords, nixFlake.ReplaceAllString(f.subject, "")); !inSubject && f.tests == 0 {
			return "", false
		}
		return fmt.Sprintf("message says %q", w), true
	}},
	{FlakyTests, "race in tests", func(f *facts) (string, bool) {
		w, ok := find(raceWords, f.message)
		if !ok || f.tests == 0 || !(f.all(f.tests) || testWords.MatchString(f.subject)) {
			return "", false
		}
		return fmt.Sprintf("message says %q about tests", w), true
	}},
	{FlakyTests, "test-only state reset", testOnlyWith(stateWords, "resets shared state")},
	{FlakyTests, "test-only ordering", testOnlyWith(orderWords, "makes an order deterministic")},
	{FlakyTests, "test-only waiting", testOnlyWith(waitWords, "changes how tests wait")},

	// Automation.
	{Automation, "conventional automation", ccIs(Automation)},
	{Automation, "CI or build files", func(f *facts) (string, bool) {
		// Every file that is not prose is tooling: the change is about
		// how the project is built, tested or shipped.
		if f.auto == 0 || f.auto+f.docs < f.nFiles {
			return "", false
		}
		return "changes build or CI files: " + firstPath(f, isAutomationPath), true
	}},
	{Automation, "release commit", func(f *facts) (string, bool) {
		if !releaseSubject.MatchString(f.subject) {
			return "", false
		}
		return "subject is a release", true
	}},
	{Automation, "changelog only", func(f *facts) (string, bool) {
		// Changelogs are release notes, written as part of shipping.
		if !f.all(f.logs) {
			return "", false
		}
		return "only the changelog changed (release notes)", true
	}},
	{Automation, "subject names CI", func(f *facts) (string, bool) {
		w, ok := find(automationWords, f.subject)
		if f.typed() || !ok {
			return "", false
		}
		return fmt.Sprintf("subject says %q", w), true
	}},

	// Cleanup.
	{Cleanup, "removes unused code", func(f *facts) (string, bool) {
		w, ok := find(cleanupWords, f.subject)
		if !ok {
			return "", false
		}
		return fmt.Sprintf("subject says %q", firstLine(w)), true
	}},
	{Cleanup, "large net deletion", func(f *facts) (string, bool) {
		// Deleting far more than is added, at scale, is removal work even
		// when the message is terse.
		net := f.deleted - f.added
		if net < 500 || f.deleted < 4*f.added {
			return "", false
		}
		return "deletes " + thousands(net) + " lines net", true
	}},

	// Docs.
	{Docs, "conventional docs", ccIs(Docs)},
	{Docs, "only docs changed", func(f *facts) (string, bool) {
		// Not when the subject bumps a version (a docs-site dependency or a
		// pinned action in an example is dependency work), nor for TODO
		// lists and codes of conduct (planning and governance, not docs).
		if !f.all(f.docs) || depWords.MatchString(f.subject) || notDocsWork.MatchString(f.subject) ||
			firstPath(f, isGovernancePath) != "" || f.all(f.rootReadme) {
			return "", false
		}
		return "only documentation files changed", true
	}},
	{Docs, "conventional fix of prose", func(f *facts) (string, bool) {
		// "fix: typo in README": the author's fix is a docs edit.
		if f.ccCat != Fix || f.docs == 0 || !proseEdit(f) {
			return "", false
		}
		w, _ := find(proseFixWords, f.subject)
		return fmt.Sprintf("fixes prose in documentation; subject says %q", w), true
	}},
	{Docs, "README rewritten or explained", func(f *facts) (string, bool) {
		// The root README alone counts when the subject says it is about
		// the docs (not a badge or a sponsor link) and the edit is more than
		// a line or two: rewriting an onboarding README is the work this
		// tool exists to surface.
		w, ok := find(readmeWorkWords, f.subject)
		if !ok || !f.all(f.rootReadme) || f.added+f.deleted < 10 {
			return "", false
		}
		return fmt.Sprintf("edits the README; subject says %q", w), true
	}},
	{Docs, "typo in the root README", func(f *facts) (string, bool) {
		// The root README alone is left out of "only docs changed" (see
		// there), but a typo or grammar fix in it is docs by any reading.
		w, ok := find(typoWords, f.subject)
		if !ok || !f.all(f.rootReadme) {
			return "", false
		}
		return fmt.Sprintf("edits the README; subject says %q", w), true
	}},
	{Docs, "mostly docs, message about docs", func(f *facts) (string, bool) {
		// Docs updated alongside the code they describe: at least as many
		// doc files as code files, and the subject says it is about docs.
		w, ok := find(docWords, f.subject)
		if !ok || f.docs == 0 || f.code() == 0 || f.docs < f.code() || f.tests > 0 {
			return "", false
		}
		return fmt.Sprintf("mostly documentation files; subject says %q", w), true
	}},
	{Docs, "typo fixed in docs", func(f *facts) (string, bool) {
		// A typo fixed in doc files and the code next to them (docs
		// alone are the rule above). Typos and
		// JSDoc in code alone go to refactor below: measured on vite,
		// authors label those chore twice as often as docs.
		if !proseEdit(f) || f.docs == 0 || f.code() == 0 || f.tests > 0 {
			return "", false
		}
		w, _ := find(proseFixWords, f.subject)
		return fmt.Sprintf("small in-place edit of documentation; subject says %q", w), true
	}},

	// Design.
	{Design, "design doc paths", func(f *facts) (string, bool) {
		if f.design == 0 {
			return "", false
		}
		return "changes design document " + firstPath(f, func(p string) bool { return isDocPath(p) && isDesignPath(p) }), true
	}},
	{Design, "pull request weighs alternatives", func(f *facts) (string, bool) {
		// A description that explains the options it did not take is design
		// communication. Only for pull requests: "use X instead of Y" is
		// common in commit messages and says much less there.
		w, ok := find(alternativesWords, f.message)
		if !f.ctx.PullRequest || !ok {
			return "", false
		}
		return fmt.Sprintf("description weighs alternatives (%q)", w), true
	}},
	{Design, "subject names a design doc", func(f *facts) (string, bool) {
		w, ok := find(designWords, f.subject)
		if !ok || f.docs == 0 {
			return "", false
		}
		return fmt.Sprintf("subject says %q", w), true
	}},

	// Testing.
	{Testing, "conventional test", ccIs(Testing)},
	{Testing, "only tests changed", func(f *facts) (string, bool) {
		if !f.all(f.tests) {
			return "", false
		}
		return "only test files changed", true
	}},
	{Testing, "adds tests", func(f *facts) (string, bool) {
		// "add tests for X" with test files among the changes.
		if f.typed() || f.tests == 0 || !featureWords.MatchString(f.subject) || !testWords.MatchString(f.subject) {
			return "", false
		}
		return "subject adds tests", true
	}},

	// Refactor.
	{Refactor, "conventional refactor", ccIs(Refactor)},
	{Refactor, "subject says refactor", func(f *facts) (string, bool) {
		w, ok := find(refactorWords, f.subject)
		if f.typed() || !ok || f.product+f.tests == 0 {
			return "", false
		}
		return fmt.Sprintf("subject says %q", w), true
	}},
	{Refactor, "typo or comment in code", func(f *facts) (string, bool) {
		// Tidying code comments and messages: not a bug fix, not docs.
		if !proseEdit(f) || f.docs > 0 || (f.typed() && f.ccCat != Fix) {
			return "", false
		}
		w, _ := find(proseFixWords, f.subject)
		return fmt.Sprintf("small in-place edit in code; subject says %q", w), true
	}},
	{Refactor, "lint or format fix", func(f *facts) (string, bool) {
		// "fix lint" is tidying, not a bug fix (Amit & Feitelson).
		w, ok := find(styleFixWords, f.subject)
		if !ok || f.code()+f.tests == 0 || (f.typed() && f.ccCat != Fix) {
			return "", false
		}
		return fmt.Sprintf("subject says %q", w), true
	}},

	// Performance.
	{Performance, "conventional perf", ccIs(Performance)},
	{Performance, "subject names performance", func(f *facts) (string, bool) {
		w, ok := find(perfWords, f.subject)
		if !ok || f.product+f.tests == 0 {
			return "", false
		}
		return fmt.Sprintf("subject says %q", w), true
	}},

	// Security.
	{Security, "conventional security", ccIs(Security)},
	{Security, "message names a vulnerability", func(f *facts) (string, bool) {
		// The subject, or a CVE/GHSA id anywhere in the message; other body
		// words are too often template boilerplate ("security policy").
		w, ok := find(securityWords, f.subject)
		if !ok {
			w, ok = find(advisoryID, f.message)
		}
		if !ok || f.code()+f.tests+f.deps == 0 {
			return "", false
		}
		return fmt.Sprintf("message says %q", w), true
	}},

	// Dependencies.
	{Dependencies, "conventional deps", ccIs(Dependencies)},
	{Dependencies, "only lockfiles and manifests", func(f *facts) (string, bool) {
		// A lockfile is the proof; a manifest alone (package.json) can be
		// scripts or metadata, so it needs words about versions.
		if !f.all(f.deps) || (f.locks == 0 && !depWords.MatchString(f.subject)) {
			return "", false
		}
		return "only dependency manifests or lockfiles changed", true
	}},
	{Dependencies, "bump from a to b", func(f *facts) (string, bool) {
		if !bumpFromTo.MatchString(f.subject) {
			return "", false
		}
		return "subject bumps a version", true
	}},

	// Mentoring.
	{Mentoring, "co-authors", func(f *facts) (string, bool) {
		var parts []string
		if n := len(f.c.Coauthors); n > 0 {
			names := make([]string, 0, n)
			for _, p := range f.c.Coauthors {
				names = append(names, personName(p))
			}
			parts = append(parts, "co-authored with "+joinNames(names))
		}
		if f.ctx.Credited {
			parts = append(parts, "credits you as co-author")
		}
		return strings.Join(parts, "; "), len(parts) > 0
	}},

	// Cross-team.
	{CrossTeam, "code owned by others", ownedByOthers},
	{CrossTeam, "area others work in", othersArea},
}

// AreaActivity is how many commits of a scan changed one area.
type AreaActivity struct {
	Mine   int
	Others int
}

// Classify returns the categories of c, in the order of Categories, and one
// reason per category given. ctx may be nil.
func Classify(c *Commit, ctx *Context) ([]Category, []string) {
	f := newFacts(c, ctx)
	reasons := map[Category]string{}
	for _, r := range rules {
		if _, done := reasons[r.Category]; done {
			continue
		}
		if why, ok := r.Match(f); ok {
			reasons[r.Category] = why
		}
	}
	cats := make([]Category, 0, len(reasons))
	for k := range reasons {
		cats = append(cats, k)
	}
	sort.Slice(cats, func(i, j int) bool { return categoryRank(cats[i]) < categoryRank(cats[j]) })
	why := make([]string, len(cats))
	for i, k := range cats {
		why[i] = reasons[k]
	}
	return cats, why
}
