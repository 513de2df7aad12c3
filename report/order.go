package report

import (
	"cmp"
	"github.com/git-career/git-career/analyzer/work"
	"slices"
	"strings"
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
