package classify

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/git-career/git-career/analyzer/work"
)

// PullRequest returns what a pull request is, decided for the pull request
// as a whole: its one primary kind first, then its flags (as [Commit]
// gives them), with one plain reason each. It reads the title and
// description, the labels, and the change its commits make together (the
// files of every commit, their lines summed), as one commit: so a lint
// bump among ten commits of a feature is one small part of the change,
// not a second kind. Where no rule is sure of the title (the model
// guesses, or the title says nothing), the commits' own kinds weigh in:
// a kind that holds two thirds or more of the changed lines, each commit
// classified on its own, decides. The flaky-tests flag is set when the
// pull request's own evidence says so, or when commits flagged flaky hold
// half of the changed lines or more. commits may be empty (a pull request
// known only by its title and description); ctx may be nil.
func PullRequest(title, body string, labels []string, commits []*work.Commit, ctx *Context) ([]work.Category, []string) {
	pctx := Context{}
	if ctx != nil {
		pctx = *ctx
	}
	pctx.PullRequest, pctx.Labels = true, labels
	f := newFacts(mergeCommits(title, body, commits), &pctx)
	kind, why, sure := decideKind(f)

	// The commits, each on its own, weighed by the lines they change.
	var cctx *Context
	if ctx != nil {
		c := *ctx
		c.PullRequest, c.Labels = false, nil
		cctx = &c
	}
	churn := map[work.Category]int{}
	flakyChurn, total := 0, 0
	for _, c := range commits {
		cats, _ := Commit(c, cctx)
		n := max(c.Added()+c.Deleted(), 1)
		churn[cats[0]] += n
		total += n
		if slices.Contains(cats, work.FlakyTests) {
			flakyChurn += n
		}
	}
	// A title of some words read as a feature, a fix, a speed-up or
	// security work says what the pull request is better than the
	// model's guesses at its commits one by one (cli/cli's "Add
	// projectsV2 to JSON fields of gh repo commands": its commits
	// "Include URL in ProjectV2 type", "Add missing title field" read as
	// fixes); a title that says nothing ("Update", "WIP"), or one read as
	// another kind through the files its commits change together (a lint
	// bump's CI files), leaves it to the commits.
	if kind == work.Other || !sure && (vagueTitle(title) || !productKind(kind)) {
		// Tests and docs that come with a change are part of it (the
		// guide: "a fix that also adds a test is fix; a feature with its
		// docs and tests is feature"): they outvote the title only when
		// no commit of the pull request does anything else.
		point := false
		for k, n := range churn {
			if n > 0 && !supporting(k) && k != work.Other {
				point = true
			}
		}
		top := work.Category("")
		for _, k := range work.Categories {
			if churn[k] > churn[top] && !(point && supporting(k)) {
				top = k
			}
		}
		if top != "" && top != kind && 3*churn[top] >= 2*total {
			kind = top
			why = fmt.Sprintf("%s of its commits' %s changed lines are %s", thousands(churn[top]), thousands(total), top)
		}
	}

	cats, reasons := []work.Category{kind}, []string{why}
	for _, r := range flags {
		if slices.Contains(cats, r.Category) {
			continue
		}
		why, ok := r.Match(f)
		if !ok && r.Category == work.FlakyTests && total > 0 && 2*flakyChurn >= total && isLastFlakyRule(r) {
			why, ok = fmt.Sprintf("commits that fix flaky tests change %s of its %s lines", thousands(flakyChurn), thousands(total)), true
		}
		if ok {
			cats = append(cats, r.Category)
			reasons = append(reasons, why)
		}
	}
	return cats, reasons
}

// supporting reports whether k is work that comes with a change rather
// than being its point when other work is beside it.
func supporting(k work.Category) bool { return k == work.Testing || k == work.Docs }

// mergeCommits is the pull request as one commit: its title and
// description, every file its commits change with their lines summed,
// and their co-authors; the author of the first commit.
func mergeCommits(title, body string, commits []*work.Commit) *work.Commit {
	c := &work.Commit{Subject: title, Body: body}
	at := map[string]int{}
	seen := map[string]bool{}
	for _, cm := range commits {
		if c.Author == (work.Person{}) {
			c.Author, c.Repo = cm.Author, cm.Repo
		}
		for _, fc := range cm.Files {
			i, ok := at[fc.Path]
			if !ok {
				at[fc.Path] = len(c.Files)
				c.Files = append(c.Files, fc)
				continue
			}
			c.Files[i].Additions += fc.Additions
			c.Files[i].Deletions += fc.Deletions
			c.Files[i].Binary = c.Files[i].Binary || fc.Binary
		}
		for _, p := range cm.Coauthors {
			key := strings.ToLower(p.Email)
			if key == "" {
				key = p.Name
			}
			if !seen[key] {
				seen[key] = true
				c.Coauthors = append(c.Coauthors, p)
			}
		}
		c.CountsUnknown = c.CountsUnknown || cm.CountsUnknown
	}
	return c
}

// isLastFlakyRule reports whether r is the last flaky-tests rule of flags:
// the commits' evidence is weighed once the pull request's own is not.
func isLastFlakyRule(r flagRule) bool {
	last := ""
	for _, x := range flags {
		if x.Category == work.FlakyTests {
			last = x.Name
		}
	}
	return r.Name == last
}

// vagueTitle reports whether a pull request's title says too little to
// decide its kind by: fewer than four words once its "(#12)" is gone.
func vagueTitle(title string) bool {
	return len(strings.Fields(prNumberSuffix.ReplaceAllString(title, ""))) < 4
}

var prNumberSuffix = regexp.MustCompile(`\s*\(#\d+\)\s*$`)

// productKind reports whether k is work on the product itself.
func productKind(k work.Category) bool {
	return k == work.Feature || k == work.Fix || k == work.Performance || k == work.Security
}
