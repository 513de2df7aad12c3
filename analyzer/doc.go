// Package analyzer turns a person's history into classified contributions.
//
// Data flows one way: a source (the git reader in gitsource.go) produces
// [Commit] evidence; [Classify] applies the rule table in rules.go to each
// piece of evidence; the result is a [Report] of [Contribution] values that
// the report package renders.
//
// A second source, [ReadGitHub] (github*.go), reads a person's pull
// requests, reviews, comments and issues from GitHub's REST API into
// [GitHubEvidence], within the API's limits; [NewCacheTransport] makes its
// requests conditional.
//
// The package never reads the environment, flags or the clock: everything it
// needs (time zone, "now", the identity to look for, a progress writer) is
// passed in through [Options].
package analyzer
