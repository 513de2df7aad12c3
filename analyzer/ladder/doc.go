// Package ladder holds career ladders, the built-in one ([Builtin]) and a
// team's own in YAML ([Read], validated with file:line and the allowed
// values), and measures a period's contributions against the next level
// ([Measure]): each expectation with the contributions that show it, best
// first, or the ideas that would.
//
// It must never read a source (history, github) or classify: it works on
// contributions already classified.
package ladder
