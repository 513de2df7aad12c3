package report

import (
	"cmp"
	"slices"
	"strings"

	"github.com/git-career/git-career/analyzer/work"
)

// byDate returns pointers to r's contributions, newest first, then by ID.
// The analyzer already sorts this way; sorting again means the output
// never depends on the caller having kept that promise.
func byDate(cs []work.Contribution) []*work.Contribution {
	out := make([]*work.Contribution, len(cs))
	for i := range cs {
		out[i] = &cs[i]
	}
	slices.SortStableFunc(out, compareDate)
	return out
}

func compareDate(a, b *work.Contribution) int {
	if c := b.Date.Compare(a.Date); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// topScored returns the n best items by score, ties broken by date (newest
// first) and then ID. Items scoring zero or less are never highlights: a
// highlight nobody can defend is worse than a shorter list.
func topScored(items []*work.Contribution, score func(*work.Contribution) float64, n int) []*work.Contribution {
	type scored struct {
		c *work.Contribution
		s float64
	}
	var all []scored
	for _, c := range items {
		if s := score(c); s > 0 {
			all = append(all, scored{c, s})
		}
	}
	slices.SortStableFunc(all, func(a, b scored) int {
		if c := cmp.Compare(b.s, a.s); c != 0 {
			return c
		}
		return compareDate(a.c, b.c)
	})
	if len(all) > n {
		all = all[:n]
	}
	out := make([]*work.Contribution, len(all))
	for i, x := range all {
		out[i] = x.c
	}
	return out
}

// highlights picks the Highlights: the person's own shipped work only
// (their commits, stories of them, and their pull requests; never a
// commit that merely credits them, a review or a comment, nor routine
// work such as releases), by score: a story ranks by what it adds up to,
// not by how many commits it took. Never two with the same title, which
// would read as a mistake; never an item the person deleted from the doc.
func highlights(items []*work.Contribution, stories map[*work.Contribution]*series, deleted map[string]bool, score func(*work.Contribution) float64, n int) []*work.Contribution {
	var cand []*work.Contribution
	for _, c := range items {
		switch {
		case c.Credited, c.Unmerged, c.RevertedBy != "", deleted[c.ID]:
		case stories[c] != nil && stories[c].routine:
		case stories[c] != nil, c.Kind == work.KindCommit, c.Kind == work.KindPullRequest:
			cand = append(cand, c)
		}
	}
	// A minor change is no Highlight while there is more to tell.
	substantial := cand[:0:0]
	for _, c := range cand {
		if stories[c] != nil || !minorChange(c) {
			substantial = append(substantial, c)
		}
	}
	if len(substantial) > 0 {
		cand = substantial
	}
	var out []*work.Contribution
	titles := map[string]bool{}
	for _, c := range topScored(cand, score, len(cand)) {
		t := strings.ToLower(strings.Join(strings.Fields(c.Title), " "))
		if titles[t] {
			continue
		}
		titles[t] = true
		out = append(out, c)
		if len(out) == n {
			break
		}
	}
	return out
}

// mostTelling splits a section's items (newest first) into the n it shows,
// the best by score (a series scoring one more, since it is many commits'
// worth), and the rest, folded; both stay newest first. Folding a single
// item hides nothing worth the fold, so up to n+1 items are all shown.
func mostTelling(items []*work.Contribution, score func(*work.Contribution) float64, n int) (shown, folded []*work.Contribution) {
	if len(items) <= n+1 {
		return items, nil
	}
	bonus := func(c *work.Contribution) float64 {
		if c.Kind == kindSeries {
			return score(c) + 1
		}
		return score(c)
	}
	keep := map[*work.Contribution]bool{}
	for _, c := range topScored(items, bonus, n) {
		keep[c] = true
	}
	// Items scoring zero are never picked by topScored: fill up with the
	// newest so a section of unclassified work still shows n.
	for _, c := range items {
		if len(keep) < n {
			keep[c] = true
		}
	}
	for _, c := range items {
		if keep[c] {
			shown = append(shown, c)
		} else {
			folded = append(folded, c)
		}
	}
	return shown, folded
}

// sortedSources orders sources by repository then path so the scan line
// reads the same whatever order the sources were read in.
func sortedSources(ss []work.Source) []work.Source {
	out := slices.Clone(ss)
	slices.SortStableFunc(out, func(a, b work.Source) int {
		if c := strings.Compare(a.Repo, b.Repo); c != 0 {
			return c
		}
		return strings.Compare(a.Path, b.Path)
	})
	return out
}

// categoryIndex orders categories as work.Categories does; unknown
// ids sort after every known one.
func categoryIndex(c work.Category) int {
	if i := slices.Index(work.Categories, c); i >= 0 {
		return i
	}
	return len(work.Categories)
}

// minorLines is the most lines (a tool's left out) a change may have and
// be minor: unless it carries a flag (flaky tests, cross-team) or is
// security work, it is no Highlight while the period has a change that
// is not minor (a README badge or a one-line config tweak is not the
// quarter's best work).
const minorLines = 10

func minorChange(c *work.Contribution) bool {
	if c.Has(work.FlakyTests) || c.Has(work.CrossTeam) || c.Has(work.Security) {
		return false
	}
	return max(c.Additions+c.Deletions-c.Written, 0) <= minorLines
}
