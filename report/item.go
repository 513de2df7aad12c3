package report

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/git-career/git-career/analyzer/work"
)

// itemStyle carries what an item line needs to know about the whole
// report.
type itemStyle struct {
	period   work.Period
	showRepo bool // more than one repository was scanned
	// stories are the series the body tells as one item, by their lead.
	stories map[*work.Contribution]*series
	// measured writes the items' measured lines (the body sections; not
	// the appendix, which is one line an item).
	measured bool
	// own finds the person's own shipped items of the period by what a
	// later change may call them: "#N" (a pull request, or a commit
	// that a squash merge ended with "(#N)") and "sha:" and its full id.
	own map[string]*work.Contribution
}

// ownIndex indexes items for itemStyle.own.
func ownIndex(items []*work.Contribution) map[string]*work.Contribution {
	own := map[string]*work.Contribution{}
	for _, c := range items {
		if c.Credited || c.Unmerged {
			continue
		}
		if c.SHA != "" {
			own["sha:"+c.SHA] = c
		}
		switch {
		case c.Kind == work.KindPullRequest && c.Number > 0:
			own[fmt.Sprintf("#%d", c.Number)] = c
		case c.Kind == work.KindCommit:
			if m := squashSuffix.FindStringSubmatch(c.Title); m != nil {
				own["#"+m[1]] = c
			}
		}
	}
	return own
}

// squashSuffix is the "(#12)" a squash merge ends a subject with.
var squashSuffix = regexp.MustCompile(`\(#(\d+)\)\s*$`)

// followsUp says which of the person's own earlier items c follows up or
// fixes, as its message says: "follows up your #13072 (2024-02-06)"; ""
// for none.
func (s itemStyle) followsUp(c *work.Contribution) string {
	var parts []string
	for _, r := range c.FollowsUp {
		var y *work.Contribution
		if strings.HasPrefix(r, "sha:") {
			for k, it := range s.own {
				if strings.HasPrefix(k, r) {
					y = it
					break
				}
			}
		} else {
			y = s.own[r]
		}
		if y == nil || y == c || !y.Date.Before(c.Date) {
			continue
		}
		what := r
		if strings.HasPrefix(r, "sha:") {
			what = shortSHA(y.SHA)
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", what, periodDate(s.period, y.Date)))
	}
	if len(parts) == 0 {
		return ""
	}
	return "follows up your " + strings.Join(parts, ", ")
}

// evidence is the link a reader follows; a series, whose links would not
// fit, names its size here and lists its commits on a line of their own.
func (s itemStyle) evidence(c *work.Contribution) string {
	if st := s.stories[c]; st != nil {
		return count(len(st.members), "commit", "commits")
	}
	return evidence(c)
}

// linkTarget percent-encodes the few characters that would end a Markdown
// link destination early; GitHub commit URLs never contain them, but other
// forges' might.
var linkTarget = strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E")

// evidence is the link a reader follows to check a claim: the item's URL
// labelled with its short SHA, "#12", "review" or "comment"; without a URL
// the short SHA as code so it can be pasted into git.
func evidence(c *work.Contribution) string {
	ref := shortSHA(c.SHA)
	switch c.Kind {
	case work.KindPullRequest, work.KindIssue:
		ref = fmt.Sprintf("#%d", c.Number)
	case work.KindReview:
		ref = "review of #" + fmt.Sprint(c.Number)
	case work.KindReviewComment, work.KindIssueComment:
		ref = "comment on #" + fmt.Sprint(c.Number)
	}
	if ref == "" {
		ref = c.ID
	}
	if c.URL != "" {
		return "[" + ref + "](" + linkTarget.Replace(c.URL) + ")"
	}
	return "`" + ref + "`"
}

// facts is "2026-08-14 · api · feature, fix · +1,200/−30 in 4 files" for a
// commit, with the state, size and commits of a pull request, the verdict
// of a review and the labels of an issue.
func (s itemStyle) facts(c *work.Contribution) string {
	if st := s.stories[c]; st != nil {
		return s.seriesFacts(st)
	}
	parts := []string{periodDate(s.period, c.Date)}
	if s.showRepo && c.Repo != "" {
		parts = append(parts, escapeText(c.Repo))
	}
	if c.State != "" {
		parts = append(parts, escapeText(c.State))
	}
	if cs := shownCategories(c); len(cs) > 0 {
		parts = append(parts, joinCategories(cs))
	}
	switch c.Kind {
	case work.KindCommit:
		parts = append(parts, size(c))
	case work.KindPullRequest:
		if len(c.Commits) > 0 {
			parts = append(parts, size(c), count(len(c.Commits), "commit", "commits"))
		}
	case work.KindIssue:
		if len(c.Labels) > 0 {
			parts = append(parts, "labels: "+escapeText(strings.Join(c.Labels, ", ")))
		}
	}
	if c.Class != "" && c.Class != "other" && c.Class != "remark" { // "remark": documents before the seven kinds
		parts = append(parts, escapeText(c.Class))
	}
	if c.Private {
		parts = append(parts, "private")
	}
	if len(c.Coauthors) > 0 {
		parts = append(parts, "with "+escapeText(coauthorNames(c.Coauthors)))
	}
	if c.RevertedBy != "" {
		parts = append(parts, fmt.Sprintf("reverted on %s (%s)", c.RevertedOn.Format(time.DateOnly), shortSHA(c.RevertedBy)))
	}
	if f := s.followsUp(c); f != "" {
		parts = append(parts, f)
	}
	if c.Credited {
		if c.CreditedAs == "" || c.CreditedAs == "Co-authored-by" {
			parts = append(parts, "credited as co-author of "+escapeText(personOf(c.Author))+"'s commit")
		} else {
			parts = append(parts, "credited ("+escapeText(c.CreditedAs)+") on "+escapeText(personOf(c.Author))+"'s commit")
		}
	}
	return strings.Join(parts, " · ")
}

// seriesFacts is "2026-07-02 to 2026-09-28 · fix · +1,200/−30 · in src,
// test": when, what kind, how much and where.
func (s itemStyle) seriesFacts(st *series) string {
	c := st.lead
	first, last := periodDate(s.period, st.firstDate().Date), periodDate(s.period, c.Date)
	parts := []string{first}
	if first != last {
		parts[0] = first + " to " + last
	}
	if s.showRepo && c.Repo != "" {
		parts = append(parts, escapeText(c.Repo))
	}
	if len(c.Categories) > 0 {
		parts = append(parts, joinCategories(c.Categories))
	}
	parts = append(parts, fmt.Sprintf("+%s/−%s", thousands(c.Additions), thousands(c.Deletions)))
	if len(c.Areas) > 0 {
		parts = append(parts, "in "+escapeText(areaNames(c.Areas)))
	}
	if len(c.Coauthors) > 0 {
		parts = append(parts, "with "+escapeText(coauthorNames(c.Coauthors)))
	}
	return strings.Join(parts, " · ")
}

// areaNames lists top-level folders, "the root" for files outside any.
func areaNames(as []string) string {
	out := make([]string, len(as))
	for i, a := range as {
		if a == "." {
			a = "the root"
		}
		out[i] = a
	}
	return strings.Join(out, ", ")
}

// size is "+1,200/−30 in 4 files", or says the counts are unknown when
// objects were missing from the repository.
func size(c *work.Contribution) string {
	if c.CountsUnknown {
		return "line counts unknown (objects missing from the repository)"
	}
	return fmt.Sprintf("+%s/−%s in %s", thousands(c.Additions), thousands(c.Deletions), count(c.Files, "file", "files"))
}

// coauthorNames keeps the names from "Name <email>" entries: the doc is
// read by people, and addresses add noise (and invite scraping). A name
// is said once, however many addresses it came with.
func coauthorNames(cs []string) string {
	var names []string
	seen := map[string]bool{}
	for _, c := range cs {
		name, _, found := strings.Cut(c, " <")
		if !found || name == "" {
			name = c
		}
		if k := strings.ToLower(strings.Join(strings.Fields(name), " ")); !seen[k] {
			seen[k] = true
			names = append(names, name)
		}
	}
	return strings.Join(names, ", ")
}

// why is the compact "why classified" note, or "" when there are no
// reasons.
func why(c *work.Contribution) string {
	if len(c.Reasons) == 0 {
		return ""
	}
	// Rules of different categories may say the same thing ("only test
	// files changed" for both flaky-tests and testing): say it once.
	var rs []string
	seen := map[string]bool{}
	for _, r := range c.Reasons {
		for _, part := range strings.Split(r, "; ") {
			if !seen[part] {
				seen[part] = true
				rs = append(rs, escapeText(part))
			}
		}
	}
	return "why: " + strings.Join(rs, "; ")
}

// writeItem writes one bullet: the title, its evidence, the facts and the
// item's id marker, then the reasons as an indented sub-bullet (readable
// both raw and rendered). A merge takes the bullet and its indented lines
// as the item.
func (s itemStyle) writeItem(b *strings.Builder, c *work.Contribution) {
	fmt.Fprintf(b, "- %s (%s) — %s%s\n", title(c), s.evidence(c), s.facts(c), idMarker(c.ID))
	s.writeDetails(b, c)
	if s.measured {
		writeMeasured(b, "  ", measuredItemLabel, c.ID, c.Impact)
	}
}

// writeDetails writes an item's indented lines: its quote, its reasons,
// and a series' commits, every one linked.
func (s itemStyle) writeDetails(b *strings.Builder, c *work.Contribution) {
	// Only a comment recognised as educational is quoted: a quote is a
	// claim in front of a manager, and a nit or an "ok" quoted as evidence
	// embarrasses its author. Items without a class are not comments.
	if c.Quote != "" && (c.Class == "" || c.Class == "educational") {
		fmt.Fprintf(b, "  > %s\n", escapeText(c.Quote))
	}
	if w := why(c); w != "" {
		fmt.Fprintf(b, "  - %s\n", w)
	}
	if st := s.stories[c]; st != nil {
		links := make([]string, len(st.members))
		for i, m := range st.members {
			links[i] = evidence(m)
		}
		fmt.Fprintf(b, "  - commits: %s\n", strings.Join(links, " "))
	}
}

// title is the escaped title, or a placeholder so a line never starts with
// its link.
func title(c *work.Contribution) string {
	if t := escapeText(c.Title); t != "" {
		return t
	}
	return "(no subject)"
}

// shownCategories are the categories an item's line names: for a commit
// that credits the person as co-author, not "mentoring" (the placement
// flag that files it under mentoring and collaboration): the line says
// it was co-authored, and co-authoring is not teaching.
func shownCategories(c *work.Contribution) []work.Category {
	if !c.Credited {
		return c.Categories
	}
	var out []work.Category
	for _, k := range c.Categories {
		if k != work.Mentoring {
			out = append(out, k)
		}
	}
	return out
}

// personOf names a commit's author by their GitHub login when the email
// is GitHub's noreply address ("@octocat"), else by the email.
func personOf(email string) string {
	if login, ok := work.NoreplyLogin(email); ok {
		return "@" + login
	}
	return email
}
