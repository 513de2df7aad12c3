package classify

import (
	"fmt"
	"sort"
	"strings"

	"github.com/git-career/git-career/analyzer/classify/commitmodel"
	"github.com/git-career/git-career/analyzer/work"
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
	// Labels are a pull request's or an issue's labels ("bug",
	// "enhancement", "documentation"): they name the kind of work.
	Labels []string
	// Model classifies what no rule decides; nil means the model the tool
	// ships with. The evals pass one trained without the repository they
	// score.
	Model *commitmodel.Model
}

// rule gives Category to a commit when Match says so; the reason it returns
// is shown to the reader, so it is a short plain sentence.
type rule struct {
	Category work.Category
	Name     string
	Match    func(f *facts) (reason string, ok bool)
}

// rules are the categories besides the one kind of work (see kind.go):
// every rule runs, a commit may get several of these categories, and the
// first matching rule of a category gives its reason.
var rules = []rule{
	{work.FlakyTests, "message names flakiness", func(f *facts) (string, bool) {
		// Only the subject counts when no test changed (below): the
		// body is read only when it can matter.
		if f.tests == 0 && !mayNameFlakiness(f.subject) || f.tests > 0 && !mayNameFlakiness(f.message) {
			return "", false
		}
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
		if f.tests == 0 || !strings.Contains(f.message, "rac") {
			return "", false
		}
		w, ok := find(raceWords, f.message)
		if !ok || !(f.all(f.tests) || testWords.MatchString(f.subject)) {
			return "", false
		}
		return fmt.Sprintf("message says %q about tests", w), true
	}},
	{work.FlakyTests, "test-only state reset", testOnlyWith(stateWords, "resets shared state")},
	{work.FlakyTests, "test-only ordering", testOnlyWith(orderWords, "makes an order deterministic")},
	{work.FlakyTests, "test-only waiting", testOnlyWith(waitWords, "changes how tests wait")},
	{work.Cleanup, "removes unused code", func(f *facts) (string, bool) {
		if !containsAny(f.subject, "remov", "delet", "drop", "prun", "purg", "retir", "clean", "dead") {
			return "", false
		}
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
	{work.Design, "design doc paths", func(f *facts) (string, bool) {
		if f.design == 0 {
			return "", false
		}
		return "changes design document " + firstPath(f, func(p string) bool { return commitmodel.KindOf(p) == commitmodel.DocFile && isDesignPath(p) }), true
	}},
	{work.Design, "pull request weighs alternatives", func(f *facts) (string, bool) {
		// A description that explains the options it did not take is design
		// communication. Only for pull requests: "use X instead of Y" is
		// common in commit messages and says much less there.
		if !f.ctx.PullRequest {
			return "", false
		}
		w, ok := find(alternativesWords, f.message)
		if !ok {
			return "", false
		}
		return fmt.Sprintf("description weighs alternatives (%q)", w), true
	}},
	{work.Design, "subject names a design doc", func(f *facts) (string, bool) {
		if f.docs == 0 || !containsAny(f.subject, "design", "rfc", "adr", "architecture", "proposal") {
			return "", false
		}
		w, ok := find(designWords, f.subject)
		if !ok || f.docs == 0 {
			return "", false
		}
		return fmt.Sprintf("subject says %q", w), true
	}},
	{work.Security, "message names a vulnerability", func(f *facts) (string, bool) {
		// The subject, or a CVE/GHSA id anywhere in the message; other body
		// words are too often template boilerplate ("security policy").
		w, ok := "", false
		if containsAny(f.subject, securityHints...) {
			w, ok = find(securityWords, f.subject)
		}
		if !ok && (strings.Contains(f.message, "cve-") || strings.Contains(f.message, "ghsa-")) {
			w, ok = find(advisoryID, f.message)
		}
		if !ok || f.code()+f.tests+f.deps == 0 {
			return "", false
		}
		return fmt.Sprintf("message says %q", w), true
	}},
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
	{work.CrossTeam, "code owned by others", ownedByOthers},
	{work.CrossTeam, "area others work in", othersArea},
}

// AreaActivity is how many commits of a scan changed one area.
type AreaActivity struct {
	Mine   int
	Others int
}

// Commit returns the categories of c, in the order of Categories, and one
// reason per category given. ctx may be nil. A commit gets at most one
// kind of work (feature, fix, docs, testing, automation, performance,
// refactor, release, dependencies, security; see kindOf) and any of the
// categories of the rules.
func Commit(c *work.Commit, ctx *Context) ([]work.Category, []string) {
	f := newFacts(c, ctx)
	reasons := map[work.Category]string{}
	kind, kindWhy, guessed := kindOf(f)
	if kind != "" {
		reasons[kind] = kindWhy
	}
	for _, r := range rules {
		if _, done := reasons[r.Category]; done {
			continue
		}
		if why, ok := r.Match(f); ok {
			reasons[r.Category] = why
		}
	}
	// Removing dead code is refactoring (so the Conventional Commits study
	// files it), whatever the model guessed from "remove" (a fix, often).
	if _, ok := reasons[work.Cleanup]; ok && guessed && (kind == work.Fix || kind == work.Feature) {
		delete(reasons, kind)
		reasons[work.Refactor] = "removes code that is no longer used"
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
