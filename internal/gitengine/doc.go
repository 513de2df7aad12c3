// Package gitengine is git-career's git object engine: it opens a
// repository as git finds it, reads objects through its own pack reader
// (mapped pack files, a cache of resolved delta bases), walks commits in
// committer-time order (with the commit-graph file when there is one),
// diffs trees by descending only into subtrees whose hashes differ, and
// counts changed lines as git's xdiff does, with git's modes, binary rules
// and diff attributes. Diffs run on two goroutines of their own beside the
// walk ([Repo.StartDiffs]).
//
// It knows nothing of people, periods or kinds of work: that is the
// history package's, above it. It must never shell out to git, use the
// network, or import a package of the domain.
package gitengine
