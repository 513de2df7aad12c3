package report

import (
	"fmt"
	"strings"

	"github.com/git-career/git-career/analyzer/work"
)

// towardBlock measures the period against the target level: each
// expectation with the evidence for it, linked the way items are, or "no
// evidence yet" and the expectation's ideas, so the gap reads as next
// steps rather than a verdict.
func towardBlock(t *work.Toward, cs []work.Contribution) string {
	byID := make(map[string]*work.Contribution, len(cs))
	for i := range cs {
		byID[cs[i].ID] = &cs[i]
	}
	var b strings.Builder
	fmt.Fprintf(&b, "### Toward %s\n\n", escapeText(towardTitle(t.Target)))
	if s := escapeText(t.Target.Summary); s != "" {
		b.WriteString(s + "\n\n")
	}
	for _, it := range t.Items {
		text := escapeText(it.Expectation.Text)
		if len(it.Evidence) == 0 {
			if len(it.Expectation.Ideas) == 0 {
				fmt.Fprintf(&b, "- %s: no evidence yet\n", text)
				continue
			}
			fmt.Fprintf(&b, "- %s: no evidence yet. Ideas:\n", text)
			for _, idea := range it.Expectation.Ideas {
				fmt.Fprintf(&b, "  - %s\n", escapeText(idea))
			}
			continue
		}
		// The work is named, with its link: a reader weighs "Automate the
		// release notes", not a bare commit id.
		links := make([]string, 0, len(it.Evidence))
		for _, id := range it.Evidence {
			if len(links) == towardShown {
				links = append(links, fmt.Sprintf("and %d more", len(it.Evidence)-towardShown))
				break
			}
			if c := byID[id]; c != nil {
				links = append(links, fmt.Sprintf("%s (%s)", title(c), evidence(c)))
			} else {
				// Evidence from outside this period still names
				// something the reader can look up.
				links = append(links, codeSpan(id))
			}
		}
		fmt.Fprintf(&b, "- %s: %s\n", text, strings.Join(links, "; "))
	}
	return b.String()
}

// towardShown is how many pieces of evidence an expectation names.
const towardShown = 3

// towardTitle names the level by its title, else its id.
func towardTitle(l work.Level) string {
	if l.Title != "" {
		return l.Title
	}
	if l.ID != "" {
		return l.ID
	}
	return "the next level"
}
