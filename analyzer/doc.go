// Package analyzer turns a person's history into classified contributions.
//
// It is the wiring, and only the wiring. Data flows one way:
//
//	history (local git) ─┐
//	                      ├─> evidence ─> classify ─> work.Report ─> report
//	github (GitHub API) ──┘
//
// [Analyze] asks [history.Read] for each repository's commits (the user's,
// and others' that credit the user), classifies each with
// [classify.Commit], turns the [github.Evidence] the command read (if any)
// into contributions, groups local commits under the pull requests they
// belong to, and returns a [work.Report] that the report package renders.
// The ladder package measures a report against a career level.
//
// The packages under it, one concern each:
//
//   - work: the domain types every other package shares (Category,
//     Contribution, Commit, Period, Identity, Report, Toward) and the
//     Highlights score. It imports nothing of this module.
//   - history: reading local git history with go-git. No network; never
//     classifies.
//   - github: reading pull requests, reviews, comments and issues from
//     GitHub's REST API, within its limits. Never classifies.
//   - classify: the rules and vocabularies that recognise kinds of work in
//     commits and review comments. No I/O; never reads a source.
//   - ladder: career ladders (built in, or a team's YAML) and "Toward
//     <level>". Never reads a source or classifies.
//
// The package never reads the environment, flags or the clock: everything
// it needs (time zone, "now", the identity to look for, a progress writer)
// is passed in through [Options].
package analyzer
