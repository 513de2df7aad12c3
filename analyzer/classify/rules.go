package classify

import (
	"fmt"
	"github.com/git-career/git-career/analyzer/work"
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
	// commits that changed it in the year up to the end of the commit's
	// quarter: the user's and everyone else's, shared folders left out.
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
	Category work.Category
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
	{work.Feature, "conventional feature", ccIs(work.Feature)},
	{work.Feature, "subject adds behaviour", func(f *facts) (string, bool) {
		// "add X" to product code; "add tests"/"add docs" are caught by the
		// path rules instead, so code files must be among the changes.
		w, ok := find(featureWords, f.subject)
		if f.typed() || !ok || f.product == 0 || fixWords.MatchString(f.subject) {
			return "", false
		}
		return fmt.Sprintf("subject starts with %q", w), true
	}},

	// Fix.
	{work.Fix, "conventional fix", func(f *facts) (string, bool) {
		if f.ccCat != work.Fix || proseEdit(f) || styleFixWords.MatchString(f.subject) {
			return "", false
		}
		return "conventional type " + f.cc.Type + ":", true
	}},
	{work.Fix, "subject says fix", func(f *facts) (string, bool) {
		w, ok := find(fixWords, f.subject)
		if f.typed() || !ok || f.product+f.tests == 0 || proseEdit(f) || styleFixWords.MatchString(f.subject) {
			return "", false
		}
		return fmt.Sprintf("subject says %q", w), true
	}},

	// Flaky tests: see words.go for the root causes each vocabulary covers.
	{work.FlakyTests, "message names flakiness", func(f *facts) (string, bool) {
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
	{work.FlakyTests, "race in tests", func(f *facts) (string, bool) {
		w, ok := find(raceWords, f.message)
		if !ok || f.tests == 0 || !(f.all(f.tests) || testWords.MatchString(f.subject)) {
			return "", false
		}
		return fmt.Sprintf("message says %q about tests", w), true
	}},
	{work.FlakyTests, "test-only state reset", testOnlyWith(stateWords, "resets shared state")},
	{work.FlakyTests, "test-only ordering", testOnlyWith(orderWords, "makes an order deterministic")},
	{work.FlakyTests, "test-only waiting", testOnlyWith(waitWords, "changes how tests wait")},

	// Automation.
	{work.Automation, "conventional automation", ccIs(work.Automation)},
	{work.Automation, "CI or build files", func(f *facts) (string, bool) {
		// Every file that is not prose is tooling: the change is about
		// how the project is built, tested or shipped.
		if f.auto == 0 || f.auto+f.docs < f.nFiles {
			return "", false
		}
		return "changes build or CI files: " + firstPath(f, isAutomationPath), true
	}},
	{work.Automation, "release commit", func(f *facts) (string, bool) {
		if !releaseSubject.MatchString(f.subject) {
			return "", false
		}
		return "subject is a release", true
	}},
	{work.Automation, "changelog only", func(f *facts) (string, bool) {
		// Changelogs are release notes, written as part of shipping.
		if !f.all(f.logs) {
			return "", false
		}
		return "only the changelog changed (release notes)", true
	}},
	{work.Automation, "subject names CI", func(f *facts) (string, bool) {
		w, ok := find(automationWords, f.subject)
		if f.typed() || !ok {
			return "", false
		}
		return fmt.Sprintf("subject says %q", w), true
	}},

	// Cleanup.
	{work.Cleanup, "removes unused code", func(f *facts) (string, bool) {
		w, ok := find(cleanupWords, f.subject)
		if !ok {
			return "", false
		}
		return fmt.Sprintf("subject says %q", firstLine(w)), true
	}},
	{work.Cleanup, "large net deletion", func(f *facts) (string, bool) {
		// Deleting far more than is added, at scale, is removal work even
		// when the message is terse.
		net := f.deleted - f.added
		if net < 500 || f.deleted < 4*f.added {
			return "", false
		}
		return "deletes " + thousands(net) + " lines net", true
	}},

	// Docs.
	{work.Docs, "conventional docs", ccIs(work.Docs)},
	{work.Docs, "only docs changed", func(f *facts) (string, bool) {
		// Not when the subject bumps a version (a docs-site dependency or a
		// pinned action in an example is dependency work), nor for TODO
		// lists and codes of conduct (planning and governance, not docs).
		if !f.all(f.docs) || depWords.MatchString(f.subject) || notDocsWork.MatchString(f.subject) ||
			firstPath(f, isGovernancePath) != "" || f.all(f.rootReadme) {
			return "", false
		}
		return "only documentation files changed", true
	}},
	{work.Docs, "conventional fix of prose", func(f *facts) (string, bool) {
		// "fix: typo in README": the author's fix is a docs edit.
		if f.ccCat != work.Fix || f.docs == 0 || !proseEdit(f) {
			return "", false
		}
		w, _ := find(proseFixWords, f.subject)
		return fmt.Sprintf("fixes prose in documentation; subject says %q", w), true
	}},
	{work.Docs, "README rewritten or explained", func(f *facts) (string, bool) {
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
	{work.Docs, "typo in the root README", func(f *facts) (string, bool) {
		// The root README alone is left out of "only docs changed" (see
		// there), but a typo or grammar fix in it is docs by any reading.
		w, ok := find(typoWords, f.subject)
		if !ok || !f.all(f.rootReadme) {
			return "", false
		}
		return fmt.Sprintf("edits the README; subject says %q", w), true
	}},
	{work.Docs, "mostly docs, message about docs", func(f *facts) (string, bool) {
		// Docs updated alongside the code they describe: at least as many
		// doc files as code files, and the subject says it is about docs.
		w, ok := find(docWords, f.subject)
		if !ok || f.docs == 0 || f.code() == 0 || f.docs < f.code() || f.tests > 0 {
			return "", false
		}
		return fmt.Sprintf("mostly documentation files; subject says %q", w), true
	}},
	{work.Docs, "typo fixed in docs", func(f *facts) (string, bool) {
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
	{work.Design, "design doc paths", func(f *facts) (string, bool) {
		if f.design == 0 {
			return "", false
		}
		return "changes design document " + firstPath(f, func(p string) bool { return isDocPath(p) && isDesignPath(p) }), true
	}},
	{work.Design, "pull request weighs alternatives", func(f *facts) (string, bool) {
		// A description that explains the options it did not take is design
		// communication. Only for pull requests: "use X instead of Y" is
		// common in commit messages and says much less there.
		w, ok := find(alternativesWords, f.message)
		if !f.ctx.PullRequest || !ok {
			return "", false
		}
		return fmt.Sprintf("description weighs alternatives (%q)", w), true
	}},
	{work.Design, "subject names a design doc", func(f *facts) (string, bool) {
		w, ok := find(designWords, f.subject)
		if !ok || f.docs == 0 {
			return "", false
		}
		return fmt.Sprintf("subject says %q", w), true
	}},

	// Testing.
	{work.Testing, "conventional test", ccIs(work.Testing)},
	{work.Testing, "only tests changed", func(f *facts) (string, bool) {
		if !f.all(f.tests) {
			return "", false
		}
		return "only test files changed", true
	}},
	{work.Testing, "adds tests", func(f *facts) (string, bool) {
		// "add tests for X" with test files among the changes.
		if f.typed() || f.tests == 0 || !featureWords.MatchString(f.subject) || !testWords.MatchString(f.subject) {
			return "", false
		}
		return "subject adds tests", true
	}},

	// Refactor.
	{work.Refactor, "conventional refactor", ccIs(work.Refactor)},
	{work.Refactor, "subject says refactor", func(f *facts) (string, bool) {
		w, ok := find(refactorWords, f.subject)
		if f.typed() || !ok || f.product+f.tests == 0 {
			return "", false
		}
		return fmt.Sprintf("subject says %q", w), true
	}},
	{work.Refactor, "typo or comment in code", func(f *facts) (string, bool) {
		// Tidying code comments and messages: not a bug fix, not docs.
		if !proseEdit(f) || f.docs > 0 || (f.typed() && f.ccCat != work.Fix) {
			return "", false
		}
		w, _ := find(proseFixWords, f.subject)
		return fmt.Sprintf("small in-place edit in code; subject says %q", w), true
	}},
	{work.Refactor, "lint or format fix", func(f *facts) (string, bool) {
		// "fix lint" is tidying, not a bug fix (Amit & Feitelson).
		w, ok := find(styleFixWords, f.subject)
		if !ok || f.code()+f.tests == 0 || (f.typed() && f.ccCat != work.Fix) {
			return "", false
		}
		return fmt.Sprintf("subject says %q", w), true
	}},

	// Performance.
	{work.Performance, "conventional perf", ccIs(work.Performance)},
	{work.Performance, "subject names performance", func(f *facts) (string, bool) {
		w, ok := find(perfWords, f.subject)
		if !ok || f.product+f.tests == 0 {
			return "", false
		}
		return fmt.Sprintf("subject says %q", w), true
	}},

	// Security.
	{work.Security, "conventional security", ccIs(work.Security)},
	{work.Security, "message names a vulnerability", func(f *facts) (string, bool) {
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
	{work.Dependencies, "conventional deps", ccIs(work.Dependencies)},
	{work.Dependencies, "only lockfiles and manifests", func(f *facts) (string, bool) {
		// A lockfile is the proof; a manifest alone (package.json) can be
		// scripts or metadata, so it needs words about versions.
		if !f.all(f.deps) || (f.locks == 0 && !depWords.MatchString(f.subject)) {
			return "", false
		}
		return "only dependency manifests or lockfiles changed", true
	}},
	{work.Dependencies, "bump from a to b", func(f *facts) (string, bool) {
		if !bumpFromTo.MatchString(f.subject) {
			return "", false
		}
		return "subject bumps a version", true
	}},

	// Mentoring.
	{work.Mentoring, "co-authors", func(f *facts) (string, bool) {
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
	{work.CrossTeam, "code owned by others", ownedByOthers},
	{work.CrossTeam, "area others work in", othersArea},
}

// AreaActivity is how many commits of a scan changed one area.
type AreaActivity struct {
	Mine   int
	Others int
}

// Commit returns the categories of c, in the order of Categories, and one
// reason per category given. ctx may be nil.
func Commit(c *work.Commit, ctx *Context) ([]work.Category, []string) {
	f := newFacts(c, ctx)
	reasons := map[work.Category]string{}
	for _, r := range rules {
		if _, done := reasons[r.Category]; done {
			continue
		}
		if why, ok := r.Match(f); ok {
			reasons[r.Category] = why
		}
	}
	cats := make([]work.Category, 0, len(reasons))
	for k := range reasons {
		cats = append(cats, k)
	}
	sort.Slice(cats, func(i, j int) bool { return cats[i].Rank() < cats[j].Rank() })
	why := make([]string, len(cats))
	for i, k := range cats {
		why[i] = reasons[k]
	}
	return cats, why
}
