// Package report renders an [analyzer.Report] as a brag document in
// Markdown ([Markdown]) and as versioned JSON ([JSON]).
//
// The package does no I/O of its own beyond the io.Writer it is handed and
// reads no clock: the same report and [Options] always give the same
// bytes, so documents can be diffed and golden-tested.
//
// # Markdown layout
//
// A brag document is a draft for a person to edit and hand to their
// manager. In order:
//
//   - "# Brag document: <who> — <period label>", then the date range and
//     what was scanned (each repository with its commit count). Source
//     warnings follow as a blockquote; a shallow clone names its fix,
//     `git fetch --unshallow`.
//   - "## At a glance": a Mermaid pie chart of r.Summary, largest count
//     first, ties in [analyzer.Categories] order.
//   - "## Highlights": the top [Options.Highlights] items by
//     [Options.Score], ties broken by date (newest first) then ID. Items
//     scoring zero or less are never highlighted. Each gets a heading, its
//     evidence, and "Why it mattered" / "What I'd do differently" prompts
//     left blank (an HTML comment holds a hint).
//   - The body sections, described below.
//   - "## Questions for my next 1:1": three fixed questions, the first
//     naming [Options.NextLevel].
//   - "## Appendix: every item": every contribution, newest first.
//
// Sections with nothing in them are left out. A report with no
// contributions gets only the title, the scan line, any warnings and one
// sentence saying nothing was found for the identity, with a hint to pass
// more identities with --author.
//
// # Placement
//
// Each contribution appears in exactly one body section, so the sections
// read as a list of distinct accomplishments rather than the same commit
// several times; its line still shows all of its categories. It may also
// appear in Highlights (a spotlight, not a section) and always appears in
// the appendix. The first rule that matches wins:
//
//  1. credited (another author listed the user as co-author):
//     "Mentoring and collaboration", so the document never claims the user
//     shipped or owned someone else's commit;
//  2. cross-team: "Cross-team contributions";
//  3. design: "Design and communication";
//  4. flaky-tests, automation, cleanup or docs: "Problems I owned that
//     slowed others down", under a "###" sub-heading for the first of
//     those categories it has, in that order;
//  5. mentoring, or any co-author: "Mentoring and collaboration";
//  6. feature, fix, performance, security, refactor, testing or
//     dependencies, or a merged pull request: "What I shipped".
//
// Reviews and review comments (category review) that are not mentoring
// are not listed one by one, since a quarter holds hundreds: "Mentoring
// and collaboration" opens with a sentence that sums them up ("Reviewed 12
// pull requests in 3 repositories (8 approved, 2 with changes requested)
// and wrote 40 review comments, 9 of them educational."), and the
// appendix lists them. Educational comments on others' work are mentoring
// and are listed, quoted. Issues reported and triage comments go under
// "Problems I owned…", sub-heading "Issues reported and triaged".
//
// An item with none of these categories is listed only in the appendix.
// Within a section items are newest first, then by ID.
//
// # Item lines
//
// Each item is a bullet reading
//
//	<title> (<evidence>) — <date> · [<repo> ·] <categories> · +A/−D in F files [· with <co-authors>]
//
// with its reasons, when it has any, in one indented sub-bullet
// "why: <reason>; <reason>". A credited item also says whose commit it was.
//
// GitHub items add their state (merged, approved, closed…), a pull
// request's size and commit count, an issue's labels, a comment's class,
// and "private" for an item from a private repository; a comment's quote
// follows on its own line. A highlighted pull request's "Why it mattered"
// is seeded with the first paragraph of its description.
//
// Evidence is a link labelled with the short SHA ("#12", "review of #12",
// "comment on #12" for GitHub items) when the contribution has a URL,
// else the short SHA in backticks. The repository is named
// only when more than one was scanned. Dates are calendar days in the
// period's time zone; numbers use comma thousands separators ("1,200").
// Titles and reasons are escaped so Markdown syntax in a commit subject
// (leading "#", "[", "]", "<", "|", backticks, emphasis) shows as text.
//
// # JSON
//
// [JSON] writes the "git-career/v1" schema ([SchemaV1]) from its own
// structs, indented by two spaces, with a trailing newline. Lists are []
// and never null; period dates are YYYY-MM-DD in the period's zone;
// contribution dates are RFC 3339 with the commit's own offset; summary
// keys are sorted. Two fields appear only when true: "credited" on a
// contribution someone else authored and credited the user on, and "all"
// on the author of a report covering every author.
package report
