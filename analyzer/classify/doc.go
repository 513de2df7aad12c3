// Package classify recognises kinds of work: [Commit] gives a commit (or a
// pull request's title and description) its categories, one plain reason
// each, from one table of rules (rules.go) over the message, the
// Conventional Commit prefix, the kinds of paths changed and the shape of
// the diff; [Comment] classes a review comment (educational, suggestion,
// question, nitpick, praise, approval), honouring Conventional Comments
// labels.
//
// It must never do I/O or import a source (history, github): what it knows
// beyond the evidence itself comes in through [Context].
package classify
