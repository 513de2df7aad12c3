package ladder

import "github.com/git-career/git-career/analyzer/work"

// Ladder is a career ladder: one or more tracks of levels, each level
// described by what it expects and which kinds of evidence show it.
type Ladder struct {
	Name   string
	Tracks []Track
}

// Track is a sequence of levels, lowest first (the IC track, the
// management track).
type Track struct {
	ID     string // "ic", "management"
	Name   string
	Levels []work.Level
}
