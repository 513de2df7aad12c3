// Package classify recognises kinds of work: [Commit] gives a commit (or a
// pull request's title, description and labels) at most one kind of work
// (kind.go: the Conventional prefix, labels and rules that are sure, then
// the learned model in commitmodel) and the categories of one table of
// rules (rules.go) over the message, the kinds of paths changed and the
// shape of the diff, with one plain reason each; [Comment] classes a review comment (educational, suggestion,
// question, nitpick, praise, approval), honouring Conventional Comments
// labels.
//
// It must never do I/O or import a source (history, github): what it knows
// beyond the evidence itself comes in through [Context].
package classify
