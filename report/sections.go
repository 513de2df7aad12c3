package report

import (
	"fmt"
	"strings"

	"github.com/git-career/git-career/analyzer/work"
)

// section is one "## " part of the body. Sections with groups print a
// "### " sub-heading per group.
type section struct {
	key     string // its marker key, see sectionOrder
	heading string
	intro   string // a paragraph before the items, "" for none
	groups  []group
}

type group struct {
	key     string // "problems/flaky-tests"; "" for a section without sub-headings
	heading string // "" for a section without sub-headings
	items   []*work.Contribution
}

// Section headings, in the order the document prints them.
const (
	headShipped  = "What I shipped"
	headProblems = "Keeping the project healthy"
	headMentor   = "Mentoring and collaboration"
	headCross    = "Cross-team contributions"
	headDesign   = "Design and communication"
)

// problemCategories get a sub-heading each under headProblems.
var problemCategories = []work.Category{
	work.FlakyTests, work.Automation, work.Cleanup, work.Docs, work.Issues,
}

// shippedCategories are the catch-all: an item lands in headShipped only
// when no more specific section claims it.
var shippedCategories = []work.Category{
	work.Feature, work.Fix, work.Performance, work.Security,
	work.Refactor, work.Testing, work.Dependencies, work.Release,
}

// problemTitles are the sub-headings under headProblems.
var problemTitles = map[work.Category]string{
	work.FlakyTests: "Flaky tests",
	work.Automation: "Automation",
	work.Cleanup:    "Cleanup",
	work.Docs:       "Docs",
	work.Issues:     "Issues reported and triaged",
}

// place returns the heading of the one section c is listed in, and for
// headProblems the category whose sub-heading it goes under; "" means the
// item appears only in the appendix. The rules, first match wins:
//
//  1. credited (someone else authored it): mentoring and collaboration,
//     so the doc never claims the user shipped or owned another's commit;
//  2. cross-team; 3. design: the rarest, most promotion-relevant evidence;
//  4. flaky-tests, automation, cleanup, docs: problems owned;
//  5. mentoring, or co-authored: mentoring and collaboration;
//  6. any shipped category (releases cut included), or a merged pull
//     request: what I shipped.
//
// Reviews and review comments that are not mentoring are not listed one by
// one (a quarter has hundreds): the mentoring section sums them up, and the
// appendix lists them.
func place(c *work.Contribution) (string, work.Category) {
	// An item is filed under its primary kind (its first category) and
	// its flags (flaky-tests, cross-team, mentoring), never under a second
	// kind it also touches.
	primary := work.Category("")
	if len(c.Categories) > 0 && !work.IsFlag(c.Categories[0]) {
		primary = c.Categories[0]
	}
	switch {
	case c.Has(work.Reviews) && !c.Has(work.Mentoring):
		return "", ""
	case c.Credited:
		return headMentor, ""
	case c.Has(work.CrossTeam):
		return headCross, ""
	case primary == work.Design:
		return headDesign, ""
	case c.Has(work.FlakyTests):
		return headProblems, work.FlakyTests
	}
	for _, k := range problemCategories {
		if primary == k {
			return headProblems, k
		}
	}
	if c.Has(work.Mentoring) {
		return headMentor, ""
	}
	for _, k := range shippedCategories {
		if primary == k {
			return headShipped, ""
		}
	}
	if c.Kind == work.KindPullRequest && c.State == "merged" {
		return headShipped, "" // a merged pull request shipped, whatever its kind
	}
	return "", ""
}

// buildSections distributes items (already in display order) into the
// body sections, dropping empty sections and groups.
func buildSections(items []*work.Contribution) []section {
	flat := map[string][]*work.Contribution{}
	problems := map[work.Category][]*work.Contribution{}
	for _, c := range items {
		head, k := place(c)
		switch {
		case head == headProblems:
			problems[k] = append(problems[k], c)
		case head != "":
			flat[head] = append(flat[head], c)
		}
	}
	var out []section
	addFlat := func(head string) {
		if len(flat[head]) > 0 {
			out = append(out, section{key: sectionKeys[head], heading: head, groups: []group{{"", "", flat[head]}}})
		}
	}
	addFlat(headShipped)
	var gs []group
	for _, k := range problemCategories {
		if len(problems[k]) > 0 {
			gs = append(gs, group{problemKey(k), problemTitles[k], problems[k]})
		}
	}
	if len(gs) > 0 {
		out = append(out, section{key: keyProblems, heading: headProblems, groups: gs})
	}
	if intro := reviewSummary(items); intro != "" || len(flat[headMentor]) > 0 {
		var gs []group
		if len(flat[headMentor]) > 0 {
			gs = []group{{"", "", flat[headMentor]}}
		}
		out = append(out, section{key: keyMentoring, heading: headMentor, intro: intro, groups: gs})
	}
	addFlat(headCross)
	addFlat(headDesign)
	return out
}

// reviewSummary sums up the reviews given: "Reviewed 12 pull requests in 3
// repositories (8 approved, 2 with changes requested) and wrote 40 review
// comments, 9 of them educational."; when some are quoted below (the
// educational ones on others' work), a second sentence says so and how
// many more the appendix lists. It is "" when there were none.
func reviewSummary(items []*work.Contribution) string {
	prs := map[string]bool{}
	repos := map[string]bool{}
	verdicts := map[string]map[string]bool{} // state → pull requests
	comments, educational := 0, 0
	quoted, moreReviews, moreComments := 0, 0, 0
	for _, c := range items {
		listed := c.Has(work.Mentoring) && c.Class == "educational"
		switch {
		case listed && (c.Kind == work.KindReview || c.Kind == work.KindReviewComment):
			quoted++
		case c.Kind == work.KindReview:
			moreReviews++
		case c.Kind == work.KindReviewComment:
			moreComments++
		}
		switch c.Kind {
		case work.KindReview:
			prs[c.On] = true
			repos[c.Repo] = true
			if verdicts[c.State] == nil {
				verdicts[c.State] = map[string]bool{}
			}
			verdicts[c.State][c.On] = true
		case work.KindReviewComment:
			prs[c.On] = true
			repos[c.Repo] = true
			comments++
			if c.Class == "educational" {
				educational++
			}
		}
	}
	if len(prs) == 0 {
		return ""
	}
	s := fmt.Sprintf("Reviewed %s in %s", count(len(prs), "pull request", "pull requests"), count(len(repos), "repository", "repositories"))
	var v []string
	if n := len(verdicts["approved"]); n > 0 {
		v = append(v, fmt.Sprintf("%d approved", n))
	}
	if n := len(verdicts["changes-requested"]); n > 0 {
		v = append(v, fmt.Sprintf("%d with changes requested", n))
	}
	if len(v) > 0 {
		s += " (" + strings.Join(v, ", ") + ")"
	}
	if comments > 0 {
		s += " and wrote " + count(comments, "review comment", "review comments")
		if educational > 0 {
			s += fmt.Sprintf(", %d of them educational", educational)
		}
	}
	s += "."
	if quoted > 0 {
		s += " " + count(quoted, "educational comment is", "educational comments are") + " quoted below"
		var more []string
		if moreReviews > 0 {
			more = append(more, count(moreReviews, "review", "reviews"))
		}
		if moreComments > 0 {
			more = append(more, count(moreComments, "other review comment", "other review comments"))
		}
		if len(more) > 0 {
			s += "; the appendix lists " + strings.Join(more, " and ")
		}
		s += "."
	}
	return s
}
