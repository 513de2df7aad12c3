package report

import (
	"fmt"
	"strings"

	"github.com/git-career/git-career/analyzer"
)

// itemStyle carries what an item line needs to know about the whole
// report.
type itemStyle struct {
	period   analyzer.Period
	showRepo bool // more than one repository was scanned
}

// linkTarget percent-encodes the few characters that would end a Markdown
// link destination early; GitHub commit URLs never contain them, but other
// forges' might.
var linkTarget = strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E")

// evidence is the link a reader follows to check a claim: the commit's URL
// when known, else the short SHA as code so it can be pasted into git.
func evidence(c *analyzer.Contribution) string {
	ref := shortSHA(c.SHA)
	if ref == "" {
		ref = c.ID
	}
	if c.URL != "" {
		return "[" + ref + "](" + linkTarget.Replace(c.URL) + ")"
	}
	return "`" + ref + "`"
}

// facts is "2026-08-14 · api · feature, fix · +1,200/−30 in 4 files".
func (s itemStyle) facts(c *analyzer.Contribution) string {
	parts := []string{periodDate(s.period, c.Date)}
	if s.showRepo && c.Repo != "" {
		parts = append(parts, escapeText(c.Repo))
	}
	if len(c.Categories) > 0 {
		parts = append(parts, joinCategories(c.Categories))
	}
	parts = append(parts, fmt.Sprintf("+%s/−%s in %s",
		thousands(c.Additions), thousands(c.Deletions), count(c.Files, "file", "files")))
	if len(c.Coauthors) > 0 {
		parts = append(parts, "with "+escapeText(coauthorNames(c.Coauthors)))
	}
	if c.Credited {
		parts = append(parts, "credited as co-author of "+escapeText(c.Author)+"'s commit")
	}
	return strings.Join(parts, " · ")
}

// coauthorNames keeps the names from "Name <email>" entries: the doc is
// read by people, and addresses add noise (and invite scraping).
func coauthorNames(cs []string) string {
	names := make([]string, len(cs))
	for i, c := range cs {
		name, _, found := strings.Cut(c, " <")
		if !found || name == "" {
			name = c
		}
		names[i] = name
	}
	return strings.Join(names, ", ")
}

// why is the compact "why classified" note, or "" when there are no
// reasons.
func why(c *analyzer.Contribution) string {
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

// writeItem writes one bullet: the title, its evidence, the facts, and the
// reasons as an indented sub-bullet (readable both raw and rendered).
func (s itemStyle) writeItem(b *strings.Builder, c *analyzer.Contribution) {
	fmt.Fprintf(b, "- %s (%s) — %s\n", title(c), evidence(c), s.facts(c))
	if w := why(c); w != "" {
		fmt.Fprintf(b, "  - %s\n", w)
	}
}

// title is the escaped title, or a placeholder so a line never starts with
// its link.
func title(c *analyzer.Contribution) string {
	if t := escapeText(c.Title); t != "" {
		return t
	}
	return "(no subject)"
}
