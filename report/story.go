package report

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/git-career/git-career/analyzer/work"
)

// kindSeries is the kind of a story the renderer makes: several commits
// told as one item. It never reaches JSON, which lists every contribution.
const kindSeries = "series"

// minSeries is the fewest commits that make a series: two similar subjects
// are a coincidence, three are a habit worth one line.
const minSeries = 3

// A series is commits of one intent, in one repository, that would land in
// the same section: "fix leaking …" ×140 is one piece of work told 140
// times. Its lead is a contribution made up for the doc: the newest
// member's id prefixed "series:", the members' categories, reasons, areas
// and co-authors merged, and their lines summed.
type series struct {
	lead    *work.Contribution
	members []*work.Contribution // newest first
}

// conventionalPrefix is "fix(api)!: " at the start of a subject.
var conventionalPrefix = regexp.MustCompile(`^[A-Za-z]+(\([^)]*\))?!?:\s*`)

// prSuffix is the "(#12)" a squash merge ends a subject with.
var prSuffix = regexp.MustCompile(`\s*\(#\d+\)\s*$`)

// subjectWords is a subject without its Conventional prefix and pull
// request number, split into words.
func subjectWords(subject string) []string {
	s := conventionalPrefix.ReplaceAllString(subject, "")
	s = prSuffix.ReplaceAllString(s, "")
	return strings.Fields(s)
}

// intent is what a commit says it does, as its first two words but
// articles (the verb and what it acts on: "fix leaking", "add testcase"),
// lowercased; "" when
// the subject does not start with two words of letters, since numbers and
// names there say which thing, not what kind of change.
func intent(subject string) string {
	var ws []string
	for _, w := range subjectWords(subject) {
		// "Fix the parser" and "Fix the cache" are not one intent.
		if !filler[strings.ToLower(w)] {
			ws = append(ws, w)
		}
	}
	if len(ws) < 2 {
		return ""
	}
	for _, w := range ws[:2] {
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '-' && r != '\'' {
				return ""
			}
		}
	}
	return strings.ToLower(ws[0] + " " + ws[1])
}

// filler are words that say nothing about what a change does.
var filler = map[string]bool{"a": true, "an": true, "the": true, "some": true, "more": true, "all": true}

// seriesKey groups the commits that tell one story: the same repository,
// the same section and sub-heading, and the same intent. Only the user's
// own commits form series; a pull request already groups its commits.
func seriesKey(c *work.Contribution) string {
	if c.Kind != work.KindCommit || c.Credited || c.Number != 0 {
		return ""
	}
	head, k := place(c)
	if head == "" {
		return ""
	}
	in := intent(c.Title)
	if in == "" {
		return ""
	}
	return c.Repo + "\x00" + head + "\x00" + string(k) + "\x00" + in
}

// groupSeries replaces each series among items (newest first) by its lead,
// at the place of its newest member. Items in known (ids already in the
// document being merged into) are left as they are and never join a
// series: the document already tells them, and a series made of them again
// would tell them twice.
func groupSeries(items []*work.Contribution, known map[string]bool) ([]*work.Contribution, map[*work.Contribution]*series) {
	byKey := map[string][]*work.Contribution{}
	for _, c := range items {
		if known[c.ID] {
			continue
		}
		if k := seriesKey(c); k != "" {
			byKey[k] = append(byKey[k], c)
		}
	}
	stories := map[*work.Contribution]*series{}
	member := map[*work.Contribution]bool{}
	for _, ms := range byKey {
		if len(ms) < minSeries {
			continue
		}
		s := &series{lead: seriesLead(ms), members: ms}
		stories[ms[0]] = s
		for _, m := range ms {
			member[m] = true
		}
	}
	if len(stories) == 0 {
		return items, nil
	}
	out := make([]*work.Contribution, 0, len(items))
	leads := map[*work.Contribution]*series{}
	for _, c := range items {
		switch s := stories[c]; {
		case s != nil:
			out = append(out, s.lead)
			leads[s.lead] = s
		case !member[c]:
			out = append(out, c)
		}
	}
	return out, leads
}

// seriesLead makes the one item a series is listed as.
func seriesLead(ms []*work.Contribution) *work.Contribution {
	newest := ms[0]
	lead := &work.Contribution{
		ID: "series:" + newest.ID, Kind: kindSeries, Repo: newest.Repo,
		Title: seriesTitle(ms), Date: newest.Date, Author: newest.Author,
	}
	seenReason := map[string]bool{}
	for _, m := range ms {
		for _, k := range m.Categories {
			if !lead.Has(k) {
				lead.Categories = append(lead.Categories, k)
			}
		}
		for _, r := range m.Reasons {
			if !seenReason[r] {
				seenReason[r] = true
				lead.Reasons = append(lead.Reasons, r)
			}
		}
		for _, a := range m.Areas {
			if !slices.Contains(lead.Areas, a) {
				lead.Areas = append(lead.Areas, a)
			}
		}
		for _, co := range m.Coauthors {
			if !slices.Contains(lead.Coauthors, co) {
				lead.Coauthors = append(lead.Coauthors, co)
			}
		}
		lead.Files += m.Files
		lead.Additions += m.Additions
		lead.Deletions += m.Deletions
		lead.Commits = append(lead.Commits, m.SHA)
	}
	slices.SortStableFunc(lead.Categories, func(a, b work.Category) int { return categoryIndex(a) - categoryIndex(b) })
	slices.Sort(lead.Areas)
	// The reasons of 140 commits would drown the line: the first few say
	// why the series got its categories.
	if len(lead.Reasons) > 3 {
		lead.Reasons = lead.Reasons[:3]
	}
	return lead
}

// seriesTitle is the words every member's subject starts with (at least
// the intent), in the newest member's spelling, followed by "…" unless the
// subjects are all the same.
func seriesTitle(ms []*work.Contribution) string {
	first := subjectWords(ms[0].Title)
	n := len(first)
	same := true
	for _, m := range ms[1:] {
		ws := subjectWords(m.Title)
		if len(ws) != len(first) {
			same = false
		}
		i := 0
		for i < n && i < len(ws) && strings.EqualFold(ws[i], first[i]) {
			i++
		}
		if i < len(first) {
			same = false
		}
		n = i
	}
	if same {
		return strings.Join(first, " ")
	}
	return strings.Join(first[:max(n, 2)], " ") + " …"
}

// firstDate is the oldest member's date.
func (s *series) firstDate() *work.Contribution { return s.members[len(s.members)-1] }
