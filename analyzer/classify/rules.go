package classify

import (
	"fmt"
	"slices"
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
	// Credited is true when someone else authored the commit and credited
	// the user as a co-author, or by another trailer: CreditedAs names it
	// ("Helped-by", "Based-on-patch-by", "Mentored-by", "Suggested-by";
	// "" or "Co-authored-by" for a co-author).
	Credited   bool
	CreditedAs string
	// PullRequest is true when the "commit" is a pull request's (or an
	// issue's) title and description, with its commits' files when
	// PullRequest gives them.
	PullRequest bool
	// Labels are a pull request's or an issue's labels ("bug",
	// "enhancement", "documentation"): they name the kind of work.
	Labels []string
	// Model classifies what no rule decides; nil means the model the tool
	// ships with. The evals pass one trained without the repository they
	// score.
	Model *commitmodel.Model
}

// flag is one rule for a flag: a category that is not a kind of work
// (flaky-tests, mentoring, cross-team). The reason Match returns is shown
// to the reader, so it is a short plain sentence.
type flagRule struct {
	Category work.Category
	Name     string
	Match    func(f *facts) (reason string, ok bool)
}

// flags run after the kind is decided: every rule runs, and the first
// matching rule of a flag gives its reason.
var flags = []flagRule{
	{work.FlakyTests, "message names flakiness", namesFlakiness},
	{work.FlakyTests, "race or timing in tests", func(f *facts) (string, bool) {
		if !f.aboutTests() || !containsAny(f.msg(), "rac", "timing", "retr") {
			return "", false
		}
		w, ok := find(raceWords, f.msg())
		if !ok {
			return "", false
		}
		return fmt.Sprintf("message says %q about tests", w), true
	}},
	{work.FlakyTests, "tests made reliable", func(f *facts) (string, bool) {
		if !f.aboutTests() {
			return "", false
		}
		w, ok := find(reliableWords, f.subject)
		if !ok {
			return "", false
		}
		return fmt.Sprintf("makes tests reliable (%q)", w), true
	}},
	{work.FlakyTests, "test-only state reset", func(f *facts) (string, bool) {
		// Order-dependent tests (IDoFT "OD") are fixed by resetting the
		// state one test leaves for the next. The word alone ("reset",
		// "clear", "restore") is not enough: it must be about what is
		// left between tests, or be the whole of a small addition to
		// tests.
		if !f.all(f.tests) {
			return "", false
		}
		w, ok := find(stateWords, f.msg())
		if !ok {
			return "", false
		}
		if c, ok := find(betweenTestsWords, f.msg()); ok {
			return fmt.Sprintf("message says %q, %q, on test files only", w, c), true
		}
		if resetFirst[firstWord(f.subject)] && f.deleted == 0 && f.added <= 30 && strings.Contains(f.msg(), "test") {
			return fmt.Sprintf("only adds a few lines to tests that %s state", firstWord(f.subject)), true
		}
		return "", false
	}},
	{work.FlakyTests, "test-only ordering", testOnlyWith(orderWords, "makes an order deterministic")},
	{work.FlakyTests, "test-only waiting", testOnlyWith(waitWords, "changes how tests wait")},
	{work.FlakyTests, "fixed seed or clock", func(f *facts) (string, bool) {
		if !f.all(f.tests) || !containsAny(f.msg(), "seed", "clock", "time") {
			return "", false
		}
		w, ok := find(seedClockWords, f.msg())
		if !ok {
			return "", false
		}
		return fmt.Sprintf("tests changed; message says %q", w), true
	}},
	{work.Mentoring, "co-authors", func(f *facts) (string, bool) {
		// Credit is the flag: someone else's commit naming the person.
		// Co-authors on the person's own commit are who they worked
		// with (the doc names them), not mentoring: a reviewer's
		// accepted suggestion or a maintainer's touch-up adds a trailer
		// too.
		if !f.ctx.Credited {
			return "", false
		}
		var parts []string
		if n := len(f.c.Coauthors); n > 0 {
			names := make([]string, 0, n)
			for _, p := range f.c.Coauthors {
				names = append(names, personName(p))
			}
			parts = append(parts, "co-authored with "+joinNames(names))
		}
		if f.ctx.Credited {
			parts = append(parts, creditPhrase(f.ctx.CreditedAs))
		}
		return strings.Join(parts, "; "), len(parts) > 0
	}},
	{work.CrossTeam, "code owned by others", ownedByOthers},
}

// namesFlakiness: the message names the symptom. "Flaky" and
// "flakiness" name it wherever they are; the words that can also describe
// the product ("nondeterministic", "intermittent", "a flake" of Nix)
// count only when the change is about tests. The body counts only then
// too: a body that mentions flakiness in passing ("scores the flaky-test
// rule") does not make the change a fix of it.
func namesFlakiness(f *facts) (string, bool) {
	tests := f.aboutTests()
	m := f.subject
	if tests {
		m = f.msg()
	}
	if !mayNameFlakiness(m) {
		return "", false
	}
	for _, w := range flakyWords.FindAllString(nixFlake.ReplaceAllString(m, ""), -1) {
		if tests || strongFlaky.MatchString(w) {
			return fmt.Sprintf("message says %q", w), true
		}
	}
	return "", false
}

// resetFirst: first words of a subject that resets state.
var resetFirst = map[string]bool{"reset": true, "resets": true, "clear": true, "clears": true, "restore": true, "restores": true, "clean": true, "cleans": true}

// Commit returns what c is: its one primary kind of work first (one of
// the guide's kinds: feature, fix, performance, security, testing, docs,
// automation, refactor, cleanup, dependencies, release, design, other;
// see primaryKind), then the flags that are not kinds, in the order of
// work.Categories (flaky-tests, mentoring, cross-team), with one plain
// reason each, in the same order. ctx may be nil. The kind is never
// missing: a commit nothing recognises is work.Other.
func Commit(c *work.Commit, ctx *Context) ([]work.Category, []string) {
	f := newFacts(c, ctx)
	kind, why := primaryKind(f)
	cats := []work.Category{kind}
	reasons := []string{why}
	for _, r := range flags {
		if slices.Contains(cats, r.Category) {
			continue
		}
		if why, ok := r.Match(f); ok {
			cats = append(cats, r.Category)
			reasons = append(reasons, why)
		}
	}
	return cats, reasons
}

// removesDeadCode: the subject removes what is no longer used or wanted
// ("remove unused X", "drop the deprecated flag", "dead code"), or
// removes something and the change mostly deletes.
func removesDeadCode(f *facts) (string, bool) {
	if strings.Contains(f.subject, "dead code") {
		return `subject says "dead code"`, true
	}
	if !removeFirst[firstWord(f.subject)] {
		return "", false
	}
	if w, ok := find(cleanupWords, f.subject); ok {
		return fmt.Sprintf("subject says %q", firstLine(w)), true
	}
	if f.deleted >= 20 && f.deleted >= 4*f.added && f.product > 0 {
		return fmt.Sprintf("subject removes something and the change deletes %s lines, adds %s", thousands(f.deleted), thousands(f.added)), true
	}
	return "", false
}

// removeFirst: first words of a subject that removes something.
var removeFirst = map[string]bool{"remove": true, "removes": true, "removed": true, "removing": true, "delete": true, "deletes": true,
	"deleted": true, "drop": true, "drops": true, "dropped": true, "prune": true, "purge": true, "retire": true, "kill": true,
	"cleanup": true, "clean": true, "eliminate": true, "strip": true}

// root is the start of a word, enough to tell "sanitize" and "sanitized"
// are one word.
func root(w string) string {
	if len(w) > 6 {
		return w[:6]
	}
	return w
}

// mayNameAdvisory is a cheap test before advisoryID: "CVE-" or "GHSA-" in
// any case.
func mayNameAdvisory(s string) bool {
	for i := strings.IndexByte(s, '-'); i >= 0; {
		if i >= 3 && strings.EqualFold(s[i-3:i], "cve") || i >= 4 && strings.EqualFold(s[i-4:i], "ghsa") {
			return true
		}
		j := strings.IndexByte(s[i+1:], '-')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return false
}

// namesVulnerability: security needs more than one word such as
// "injection" (a tutorial warns of SQL injection, a query builder
// supports "injection" of parameters): an advisory id (CVE, GHSA); or a
// word of security in the subject with another in the message, or with
// what is done against it ("prevent XSS", "fix the injection"); and a
// change to code, tests or dependencies.
func namesVulnerability(f *facts) (string, bool) {
	if f.code()+f.tests+f.deps == 0 {
		return "", false
	}
	if mayNameAdvisory(f.c.Subject) || mayNameAdvisory(f.c.Body) {
		if w, ok := find(advisoryID, f.msg()); ok {
			return fmt.Sprintf("message names advisory %s", strings.ToUpper(w)), true
		}
	}
	if !containsAny(f.subject, securityHints...) {
		return "", false
	}
	w, ok := find(securityWords, f.subject)
	if !ok {
		return "", false
	}
	for _, m := range securityWords.FindAllString(f.msg(), -1) {
		if root(m) != root(w) {
			return fmt.Sprintf("message says %q and %q", w, m), true
		}
	}
	for _, v := range defenceWords.FindAllString(f.subject, -1) {
		if !strings.Contains(w, v) && !strings.Contains(v, w) {
			return fmt.Sprintf("subject says %q against %q", v, w), true
		}
	}
	return "", false
}

// creditPhrase says how a commit credits the person, by its trailer.
func creditPhrase(trailer string) string {
	switch trailer {
	case "Helped-by":
		return "credits your help (Helped-by)"
	case "Based-on-patch-by":
		return "grew from your patch (Based-on-patch-by)"
	case "Mentored-by":
		return "credits you as mentor (Mentored-by)"
	case "Suggested-by":
		return "credits your idea (Suggested-by)"
	}
	return "credits you as co-author"
}
