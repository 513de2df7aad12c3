package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/git-career/git-career/analyzer/work"
)

// pieBlock is the "At a glance" heading and the period's category counts
// as a Mermaid pie chart, which GitHub renders in Markdown. Slices are
// sorted by count, largest first, then in category order, so equal inputs
// give identical charts. It is "" when no category has a positive count.
func pieBlock(r *work.Report) string {
	type slice struct {
		k work.Category
		n int
	}
	// Each piece of the person's shipped work once, by its primary kind:
	// flags (flaky tests, cross-team) would count it twice, and a commit
	// that only credits them is someone else's.
	counts := map[work.Category]int{}
	for _, c := range r.Contributions {
		if c.Unmerged || c.Credited {
			continue
		}
		if k := c.Primary(); k != "" {
			counts[k]++
		}
	}
	var ss []slice
	for k, n := range counts {
		ss = append(ss, slice{k, n})
	}
	if len(ss) == 0 {
		return ""
	}
	slices.SortFunc(ss, func(a, b slice) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		if c := cmp.Compare(categoryIndex(a.k), categoryIndex(b.k)); c != 0 {
			return c
		}
		return strings.Compare(string(a.k), string(b.k))
	})
	var b strings.Builder
	b.WriteString("### At a glance\n\n")
	b.WriteString("```mermaid\n")
	fmt.Fprintf(&b, "pie title Contributions by kind, %s\n", mermaidLabel(periodLabel(r.Period)))
	for _, s := range ss {
		fmt.Fprintf(&b, "    \"%s\" : %d\n", mermaidLabel(string(s.k)), s.n)
	}
	b.WriteString("```\n")
	return b.String()
}

// mermaidLabel drops characters that would end a Mermaid label or line.
func mermaidLabel(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '"', '\n', '\r':
			return -1
		}
		return r
	}, s)
}
