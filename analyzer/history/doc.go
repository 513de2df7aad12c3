// Package history reads a person's work from a local git repository.
//
// [Read] walks every local branch and HEAD in committer-time order,
// stopping a few days before the period (with the commit-graph file when
// there is one), and returns the user's commits of the period, and others'
// commits that credit the user, each with its changed files and line
// counts as `git log --numstat --no-renames` prints them. It reads objects
// through its own pack reader (mapped pack files, a cache of resolved delta
// bases) and diffs trees by descending only into subtrees whose hashes
// differ, on two goroutines of its own beside the walk; its line counts are
// git's (git's xdiff search, git's modes, git's binary rules). Objects
// missing from the repository (a partial clone, a broken branch) leave a
// commit's counts unknown and are warned about once; they never end a scan. It also reads what the repository says about people and
// ownership: .mailmap, Co-authored-by trailers, CODEOWNERS, the remotes
// that name a GitHub repository, and the most frequent authors.
//
// It must never use the network, shell out to git, or classify: it reports
// evidence, and the classify package decides what kind of work it is.
package history
