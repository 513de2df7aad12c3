// Package classify recognises kinds of work. [Commit] gives a commit one
// primary kind of the labelling guide (feature, fix, performance,
// security, testing, docs, automation, refactor, cleanup, dependencies,
// release, design, other), decided in kind.go by what the files prove,
// the Conventional prefix, labels and rules that are sure, then the
// learned model in commitmodel; then the flags that are not kinds
// (flaky-tests, mentoring, cross-team; rules.go), each with one plain
// reason. [PullRequest] decides a pull request as a whole, from its
// title, description, labels and its commits' change. [Comment] classes a
// review comment (educational, suggestion, question, nitpick, praise,
// approval), honouring Conventional Comments labels.
//
// It must never do I/O or import a source (history, github): what it knows
// beyond the evidence itself comes in through [Context].
package classify
