// Package impact measures what came after a piece of work, from evidence
// the caller read: fix commits around a cleanup, refactor or fix
// (regressions), the numbers its author measured (quoted), the other
// people who changed or used what it added (reach), flakiness again in
// tests it made reliable (reflakes), and, from GitHub, the runs of a
// workflow it added (usage), the issues a pull request closed (demand)
// and what the people it taught merged since (mentees).
//
// It is pure: evidence in, impacts out, no I/O and no clock (the caller
// says what "now" is). Every impact says what happened after the work,
// with its windows and every event counted, never that the work caused
// it; blame-based attribution (SZZ) is never used. docs/impact.md
// describes each measure and its limits.
package impact
