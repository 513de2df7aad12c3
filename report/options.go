package report

import (
	"errors"

	"github.com/git-career/git-career/analyzer/work"
)

// Options tune the Markdown brag document. The zero value is not usable:
// Score must be set.
type Options struct {
	// Score ranks contributions for the Highlights section; higher is
	// better. It is injected rather than called directly so the renderer
	// stays independent of how scoring evolves (callers pass
	// work.Score) and so tests can pin a ranking. Required.
	Score func(*work.Contribution) float64
	// NextLevel names the level the person is aiming for, as used in the
	// 1:1 questions, e.g. "Senior Engineer". Empty means "the next level".
	NextLevel string
	// Highlights is how many top-scored items to spotlight. Zero means 5;
	// a negative number leaves the Highlights section out.
	Highlights int
	// Known are the ids of the items a document being merged into already
	// holds (see [DocIDs]). They are rendered as usual, and a merge skips
	// them, but they never join a series: a series of commits the
	// document already lists would list them twice.
	Known map[string]bool
	// Deleted are the ids of items the person deleted from that document
	// (see [DocIDs]): they are never highlighted, alone or in a series.
	Deleted map[string]bool
	// Measure measures a story the renderer tells as one item (its
	// Commits are its members', its Categories theirs): what came after
	// it, as one piece of work. It must be pure over evidence read
	// before. Nil measures no story; the other items carry their
	// Impact already.
	Measure func(*work.Contribution) []work.Impact
}

const (
	defaultNextLevel  = "the next level"
	defaultHighlights = 5
)

// withDefaults validates opt and fills in the documented defaults.
func (opt Options) withDefaults() (Options, error) {
	if opt.Score == nil {
		return opt, errors.New("report: options: Score is required")
	}
	if opt.NextLevel == "" {
		opt.NextLevel = defaultNextLevel
	}
	if opt.Highlights == 0 {
		opt.Highlights = defaultHighlights
	}
	return opt, nil
}
