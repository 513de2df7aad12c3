package report

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/git-career/git-career/analyzer"
)

// Markdown writes r as a brag document to w. The output depends only on r
// and opt (no clock, no environment), so the same input always gives the
// same bytes. See the package documentation for the layout.
func Markdown(w io.Writer, r *analyzer.Report, opt Options) error {
	if r == nil {
		return errors.New("report: markdown: nil report")
	}
	opt, err := opt.withDefaults()
	if err != nil {
		return err
	}
	var b strings.Builder
	writeHeader(&b, r)
	if len(r.Contributions) == 0 {
		writeNothingFound(&b, r)
	} else {
		writeBody(&b, r, opt)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("report: write markdown: %w", err)
	}
	return nil
}

// writeNothingFound is the whole body of an empty document: one sentence
// and a hint, because an empty pie or empty sections would only suggest
// the tool is broken.
func writeNothingFound(b *strings.Builder, r *analyzer.Report) {
	fmt.Fprintf(b, "No contributions were found from %s to %s for %s. "+
		"If you also commit under another email or name, add it with `--author`.\n",
		periodDate(r.Period, r.Period.Since), periodDate(r.Period, r.Period.Until),
		escapeText(identities(r.Author)))
}

func writeBody(b *strings.Builder, r *analyzer.Report, opt Options) {
	items := byDate(r.Contributions)
	style := itemStyle{period: r.Period, showRepo: manyRepos(r)}

	writePie(b, r)
	if opt.Highlights > 0 {
		writeHighlights(b, style, topScored(items, opt.Score, opt.Highlights))
	}
	for _, s := range buildSections(items) {
		fmt.Fprintf(b, "## %s\n\n", s.heading)
		if s.intro != "" {
			fmt.Fprintf(b, "%s\n\n", s.intro)
		}
		for _, g := range s.groups {
			if g.heading != "" {
				fmt.Fprintf(b, "### %s\n\n", g.heading)
			}
			for _, c := range g.items {
				style.writeItem(b, c)
			}
			b.WriteString("\n")
		}
	}
	writeQuestions(b, opt.NextLevel)
	b.WriteString("## Appendix: every item\n\n")
	for _, c := range items {
		style.writeItem(b, c)
	}
}

// manyRepos reports whether item lines need to name their repository.
func manyRepos(r *analyzer.Report) bool {
	seen := map[string]bool{}
	for _, s := range r.Sources {
		if s.Kind != "github" { // its Repo is the user's login
			seen[s.Repo] = true
		}
	}
	for _, c := range r.Contributions {
		seen[c.Repo] = true
	}
	return len(seen) > 1
}

// writeHighlights spotlights the best items with prompts left blank for
// the person to fill in; the HTML comments are hints that stay invisible
// if the document is rendered before they are replaced.
func writeHighlights(b *strings.Builder, style itemStyle, top []*analyzer.Contribution) {
	if len(top) == 0 {
		return
	}
	b.WriteString("## Highlights\n\n")
	for i, c := range top {
		fmt.Fprintf(b, "### %d. %s\n\n", i+1, title(c))
		fmt.Fprintf(b, "- Evidence: %s — %s\n", evidence(c), style.facts(c))
		if w := why(c); w != "" {
			fmt.Fprintf(b, "  - %s\n", w)
		}
		if c.Summary != "" {
			// A pull request's description is the author's own first
			// draft of why it mattered.
			fmt.Fprintf(b, "- **Why it mattered:** %s\n", escapeText(strings.Join(strings.Fields(c.Summary), " ")))
		} else {
			b.WriteString("- **Why it mattered:** <!-- who benefited, what it unblocked, numbers if you have them -->\n")
		}
		b.WriteString("- **What I'd do differently:** <!-- optional: what you learned -->\n\n")
	}
}

// writeQuestions ends the narrative with the questions that turn the
// document into a conversation about the next level.
func writeQuestions(b *strings.Builder, nextLevel string) {
	b.WriteString("## Questions for my next 1:1\n\n")
	fmt.Fprintf(b, "- What would I need to do to be considered %s here?\n", escapeText(nextLevel))
	b.WriteString("- Is there something I should be owning that I'm not?\n")
	b.WriteString("- What am I doing today that looks like next-level work, and what's missing?\n\n")
}
