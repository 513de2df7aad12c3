package ladder

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/git-career/git-career/analyzer/work"
)

// towardEvidenceMax caps the evidence listed per expectation: the doc
// links the best few pieces, and the rest of the doc already lists
// everything.
const towardEvidenceMax = 5

// Measure checks contribs against the expectations of a target
// level. current is the user's level ("" when unknown); an empty target
// means the level after current on its track. Any level may be a target,
// including one on another track (senior to engineering-manager) or the
// current level itself (to check that it is met).
//
// For each expectation of the target, in order, the evidence is the IDs
// of the contributions having any of its categories, best first by
// [Score], then newest, then by ID, at most five. The result depends only
// on the arguments.
func Measure(l *Ladder, current, target string, contribs []work.Contribution) (*work.Toward, error) {
	allowed := strings.Join(l.LevelIDs(), ", ")
	if current != "" {
		if _, _, _, ok := l.Level(current); !ok {
			return nil, fmt.Errorf("unknown current level %q (allowed: %s)", current, allowed)
		}
	}
	if target == "" {
		if current == "" {
			return nil, errors.New("no level to measure toward: give the current level or a target level")
		}
		next, ok := l.Next(current)
		if !ok {
			_, tr, _, _ := l.Level(current)
			return nil, fmt.Errorf("%q is the top of the %q track, so there is no next level: give a target level", current, tr.ID)
		}
		target = next.ID
	}
	tl, _, _, ok := l.Level(target)
	if !ok {
		return nil, fmt.Errorf("unknown target level %q (allowed: %s)", target, allowed)
	}

	ranked := rankContributions(contribs)
	t := &work.Toward{Current: current, Target: tl}
	for _, e := range tl.Expectations {
		item := work.TowardItem{Expectation: e}
		for _, c := range ranked {
			if len(item.Evidence) == towardEvidenceMax {
				break
			}
			if slices.ContainsFunc(e.Categories, c.Has) {
				item.Evidence = append(item.Evidence, c.ID)
			}
		}
		t.Items = append(t.Items, item)
	}
	return t, nil
}

// rankContributions orders pointers to contribs best first: by Score, then
// newest, then by ID so that equal work always lists the same way. The
// caller's slice is left as it was.
func rankContributions(contribs []work.Contribution) []*work.Contribution {
	type scored struct {
		c     *work.Contribution
		score float64
	}
	s := make([]scored, len(contribs))
	for i := range contribs {
		s[i] = scored{&contribs[i], work.Score(&contribs[i])}
	}
	slices.SortFunc(s, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := b.c.Date.Compare(a.c.Date); c != 0 {
			return c
		}
		return strings.Compare(a.c.ID, b.c.ID)
	})
	out := make([]*work.Contribution, len(s))
	for i, x := range s {
		out[i] = x.c
	}
	return out
}
