package report

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/git-career/git-career/analyzer/work"
)

// Markdown writes r as a brag document to w: the title and one period
// section. The output depends only on r and opt (no clock, no
// environment), so the same input always gives the same bytes. See the
// package documentation for the layout.
func Markdown(w io.Writer, r *work.Report, opt Options) error {
	return MarkdownPeriods(w, []*work.Report{r}, opt)
}

// MarkdownPeriods writes one brag document holding a section per report,
// newest period first, under one title named after the first report's
// author (a year is four quarters of the same person). Two reports may
// not share a period label, since a later merge could not tell them apart.
func MarkdownPeriods(w io.Writer, reports []*work.Report, opt Options) error {
	if len(reports) == 0 {
		return errors.New("report: markdown: no reports")
	}
	labels := map[string]bool{}
	for _, r := range reports {
		if r == nil {
			return errors.New("report: markdown: nil report")
		}
		l := periodLabel(r.Period)
		if labels[l] {
			return fmt.Errorf("report: markdown: two reports for period %s", l)
		}
		labels[l] = true
	}
	opt, err := opt.withDefaults()
	if err != nil {
		return err
	}
	rs := slices.Clone(reports)
	slices.SortStableFunc(rs, func(a, b *work.Report) int {
		if c := b.Period.Since.Compare(a.Period.Since); c != 0 {
			return c
		}
		return b.Period.Until.Compare(a.Period.Until)
	})

	var b strings.Builder
	writeTitle(&b, rs[0])
	for i, r := range rs {
		if i > 0 {
			b.WriteString("\n")
		}
		writePeriod(&b, r, opt)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("report: write markdown: %w", err)
	}
	return nil
}

// writeTitle starts the document. A merge never rewrites it, so the person
// can make the title and intro their own.
func writeTitle(b *strings.Builder, r *work.Report) {
	b.WriteString(docMarker + "\n")
	name := who(r.Author)
	if r.Name != "" && !r.Author.All {
		name = r.Name // the name their commits give, after .mailmap
	}
	fmt.Fprintf(b, "# Brag document: %s\n\n", escapeText(name))
	b.WriteString("What I worked on, newest first. Write in it freely: " +
		"generating it again into this file adds new work and keeps your edits.\n\n")
}

// writePeriod writes one period between its markers: the heading, what was
// scanned, the body and the record of every item id written.
func writePeriod(b *strings.Builder, r *work.Report, opt Options) {
	label := periodLabel(r.Period)
	since, until := periodDate(r.Period, r.Period.Since), periodDate(r.Period, r.Period.Until)
	b.WriteString(periodMarker(label, since, until) + "\n")
	b.WriteString(periodHeading(label, since, until) + "\n\n")
	writeBlock(b, keyScan, scanBlock(r))
	var ids []string
	if len(r.Contributions) == 0 {
		writeBlock(b, keyEmpty, nothingFound(r))
		if len(r.Tagged) > 0 {
			writeBlock(b, keyTagged, taggedBlock(r))
		}
		if len(r.Later) > 0 {
			writeBlock(b, keyLater, laterBlock(r))
		}
	} else {
		ids = writeBody(b, r, opt)
	}
	for _, c := range r.Contributions {
		// Work not merged yet is shown, not held: once merged it is new
		// work of the period it merged in (its id in the seen record,
		// with no item listing it, would read as deleted by the person).
		if !c.Unmerged {
			ids = append(ids, c.ID)
		}
	}
	slices.Sort(ids)
	b.WriteString(seenRecord(label, slices.Compact(ids), "\n"))
	b.WriteString(endPeriodMarker(label) + "\n")
}

// nothingFound is the whole body of an empty period: one sentence and a
// hint, because an empty pie or empty sections would only suggest the tool
// is broken.
func nothingFound(r *work.Report) string {
	return fmt.Sprintf("No contributions were found from %s to %s for %s. "+
		"If you also commit under another email or name, add it with `--author`.\n",
		periodDate(r.Period, r.Period.Since), periodDate(r.Period, r.Period.Until),
		escapeText(identities(r.Author)))
}

// writeBody writes the parts of a period with work in it, and returns the
// ids of the series it made (the seen record holds them too, so a merge
// knows which are new).
func writeBody(b *strings.Builder, r *work.Report, opt Options) []string {
	var items, unmerged []*work.Contribution
	for _, c := range byDate(r.Contributions) {
		if c.Unmerged {
			unmerged = append(unmerged, c)
		} else {
			items = append(items, c)
		}
	}
	body, stories := groupSeries(items, opt.Known)
	if opt.Measure != nil {
		// A story is measured as one piece of work: its windows are
		// around all its commits.
		for lead, st := range stories {
			if !st.routine {
				lead.Impact = append(lead.Impact, opt.Measure(lead)...)
			}
		}
	}
	style := itemStyle{period: r.Period, showRepo: manyRepos(r), stories: stories, measured: true, own: ownIndex(items)}

	if pie := pieBlock(r); pie != "" {
		writeBlock(b, keyGlance, pie)
	}
	if opt.Highlights > 0 {
		writeHighlights(b, style, highlights(body, stories, opt.Deleted, opt.Score, opt.Highlights))
	}
	for _, s := range buildSections(body) {
		beginSection(b, s.key, s.heading)
		if s.intro != "" {
			writeBlock(b, keyReviews, s.intro+"\n")
		}
		for _, g := range s.groups {
			if g.key != "" {
				beginSection(b, g.key, g.heading)
			}
			shown, folded := mostTelling(g.items, opt.Score, shownPerSection)
			for _, c := range shown {
				style.writeItem(b, c)
			}
			if len(folded) > 0 {
				fmt.Fprintf(b, "\n<details><summary>and %s more</summary>\n\n", thousands(len(folded)))
				for _, c := range folded {
					style.writeItem(b, c)
				}
				b.WriteString("\n</details>\n")
			}
			if g.key != "" {
				endSection(b, g.key)
			}
		}
		endSection(b, s.key)
	}
	if len(r.Tagged) > 0 {
		writeBlock(b, keyTagged, taggedBlock(r))
	}
	if len(unmerged) > 0 {
		writeBlock(b, keyUnmerged, unmergedBlock(style, unmerged))
	}
	if len(r.Later) > 0 {
		writeBlock(b, keyLater, laterBlock(r))
	}
	if r.Toward != nil {
		writeBlock(b, keyToward, towardBlock(r.Toward, r.Contributions))
	}
	writeQuestions(b, opt.NextLevel)
	// The appendix is the evidence behind everything above, one line per
	// contribution: folded, since it repeats the sections.
	beginSection(b, keyAppendix, "Appendix: every item")
	fmt.Fprintf(b, "<details><summary>%s</summary>\n\n", count(len(items), "item", "items"))
	plain := itemStyle{period: style.period, showRepo: style.showRepo, own: style.own}
	for _, c := range items {
		plain.writeItem(b, c)
	}
	b.WriteString("\n" + detailsEnd + "\n")
	endSection(b, keyAppendix)
	var ids []string
	for lead := range stories {
		ids = append(ids, lead.ID)
	}
	return ids
}

// unmergedBlock lists the work that is only on other branches, folded:
// it is not shipped, so it is neither highlighted nor among what shipped,
// and it is a generated block (no ids): a later run brings it up to date,
// as its work ships or is dropped.
func unmergedBlock(style itemStyle, items []*work.Contribution) string {
	var b strings.Builder
	b.WriteString("### Not merged yet\n\n")
	fmt.Fprintf(&b, "<details><summary>%s on branches the mainline does not have yet</summary>\n\n", count(len(items), "item", "items"))
	plain := itemStyle{period: style.period, showRepo: style.showRepo}
	for _, c := range items {
		fmt.Fprintf(&b, "- %s (%s) — %s\n", title(c), plain.evidence(c), plain.facts(c))
	}
	b.WriteString("\n" + detailsEnd + "\n")
	return b.String()
}

// taggedBlock names the releases the person tagged: "Tagged 4 releases
// of charmbracelet/bubbletea: v0.26.1 (2024-05-02), ...".
func taggedBlock(r *work.Report) string {
	var b strings.Builder
	b.WriteString("### Releases tagged\n\n")
	var repos []string
	byRepo := map[string][]string{}
	for _, t := range r.Tagged {
		if _, ok := byRepo[t.Repo]; !ok {
			repos = append(repos, t.Repo)
		}
		tag := "`" + strings.ReplaceAll(t.Tag, "`", "") + "`"
		if t.URL != "" {
			tag = fmt.Sprintf("[%s](%s)", tag, t.URL)
		}
		byRepo[t.Repo] = append(byRepo[t.Repo], fmt.Sprintf("%s (%s)", tag, periodDate(r.Period, t.When)))
	}
	for _, repo := range repos {
		fmt.Fprintf(&b, "- Tagged %s of %s: %s\n", count(len(byRepo[repo]), "release", "releases"), escapeText(repo), strings.Join(byRepo[repo], ", "))
	}
	return b.String()
}

// laterBlock lists the pull requests the period's commits went into that
// merged after it: what was in progress when it ended. They count in the
// period they merged in.
func laterBlock(r *work.Report) string {
	var b strings.Builder
	b.WriteString("### In progress when the period ended\n\n")
	fmt.Fprintf(&b, "<details><summary>%s merged after %s, counted when merged</summary>\n\n",
		count(len(r.Later), "pull request", "pull requests"), periodDate(r.Period, r.Period.Until))
	many := manyRepos(r)
	for _, l := range r.Later {
		title := l.Title
		if title == "" {
			title = fmt.Sprintf("Pull request #%d", l.Number)
		}
		ref := fmt.Sprintf("#%d", l.Number)
		if many && l.Repo != "" {
			ref = l.Repo + ref
		}
		if l.URL != "" {
			ref = fmt.Sprintf("[%s](%s)", ref, l.URL)
		}
		when := periodDate(r.Period, l.First)
		if last := periodDate(r.Period, l.Last); last != when {
			when += " to " + last
		}
		fmt.Fprintf(&b, "- %s (%s) — %s written %s · merged %s\n", escapeText(title), ref,
			count(l.Commits, "commit", "commits"), when, l.Merged.Format(time.DateOnly))
	}
	b.WriteString("\n" + detailsEnd + "\n")
	return b.String()
}

// detailsEnd closes a fold; a merge adds new appendix items before it.
const detailsEnd = "</details>"

// shownPerSection is how many items a section (or sub-heading) shows
// before folding the rest: a 600-commit quarter must read in minutes.
const shownPerSection = 5

// beginSection opens a section with its marker and its "###" heading
// ("####" for a sub-section, whose key has a "/").
func beginSection(b *strings.Builder, key, heading string) {
	level := "###"
	if strings.Contains(key, "/") {
		level = "####"
	}
	fmt.Fprintf(b, "%s\n%s %s\n\n", sectionMarker(key, ""), level, heading)
}

func endSection(b *strings.Builder, key string) {
	b.WriteString(endSectionMarker(key) + "\n\n")
}

// writeBlock writes a generated block, content (whole lines) between
// markers, the opening one carrying the content's checksum.
func writeBlock(b *strings.Builder, key, content string) {
	b.WriteString(sectionMarker(key, blockSum(content)) + "\n")
	b.WriteString(content)
	endSection(b, key)
}

// scanBlock is what was scanned and the warnings about it.
func scanBlock(r *work.Report) string {
	var b strings.Builder
	s := scanned(r.Sources)
	fmt.Fprintf(&b, "%s%s.\n", strings.ToUpper(s[:1]), s[1:])
	if w := warnings(r.Sources); w != "" {
		b.WriteString("\n" + w)
	}
	return b.String()
}

// manyRepos reports whether item lines need to name their repository.
func manyRepos(r *work.Report) bool {
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
// if the document is rendered before they are replaced. It is a generated
// block: a later run picks them again, from the work done since, until the
// person writes in them (or changes anything else in the block).
func writeHighlights(b *strings.Builder, style itemStyle, top []*work.Contribution) {
	if len(top) == 0 {
		return
	}
	var h strings.Builder
	h.WriteString("### Highlights\n\n")
	for i, c := range top {
		fmt.Fprintf(&h, "#### %d. %s\n\n", i+1, title(c))
		fmt.Fprintf(&h, "- Evidence: %s — %s\n", style.evidence(c), style.facts(c))
		style.writeDetails(&h, c)
		writeMeasured(&h, "", measuredHighlightLabel, c.ID, c.Impact)
		if c.Summary != "" {
			// A pull request's description is the author's own first
			// draft of why it mattered.
			fmt.Fprintf(&h, "- **Why it mattered:** %s\n", escapeText(strings.Join(strings.Fields(c.Summary), " ")))
		} else {
			h.WriteString("- **Why it mattered:** <!-- who benefited, what it unblocked, numbers if you have them -->\n")
		}
		h.WriteString("- **What I'd do differently:** <!-- optional: what you learned -->\n\n")
	}
	writeBlock(b, keyHighlights, strings.TrimSuffix(h.String(), "\n"))
}

// writeQuestions ends the narrative with the questions that turn the
// document into a conversation about the next level.
func writeQuestions(b *strings.Builder, nextLevel string) {
	beginSection(b, keyQuestions, "Questions for my next 1:1")
	fmt.Fprintf(b, "- What would I need to do to be considered %s here?\n", escapeText(nextLevel))
	b.WriteString("- Is there something I should be owning that I'm not?\n")
	b.WriteString("- What am I doing today that looks like next-level work, and what's missing?\n")
	endSection(b, keyQuestions)
}
