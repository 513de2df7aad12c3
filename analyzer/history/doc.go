// Package history reads a person's work from a local git repository.
//
// A [Repo] is opened once per run ([Open]) and answers everything asked of
// the repository: its layered git config ([Repo.Config]), its GitHub
// remotes, its most frequent authors, and its history. [Repo.Read] walks
// every local branch and HEAD in committer-time order, stopping a few days
// before the period, and returns the user's commits of the period, and
// others' commits that credit the user, each with its changed files and
// line counts as git prints them. It applies the domain's reading rules:
// .mailmap (and mailmap.file), Co-authored-by trailers, CODEOWNERS, which
// commits make one pull request, who works where, a commit cancelled by
// its revert. Objects missing from the repository (a partial clone, a
// broken branch) leave a commit's counts unknown and are warned about
// once; they never end a scan.
//
// The git plumbing (packs, trees, diffs, line counts) is
// internal/gitengine's; this package keeps the rules.
//
// It must never use the network, shell out to git, or classify: it reports
// evidence, and the classify package decides what kind of work it is.
package history
