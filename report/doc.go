// Package report renders a [work.Report] as a brag document in
// Markdown ([Markdown], [MarkdownPeriods]), merges a fresh rendering into
// a document a person has edited ([Merge]), and writes versioned JSON
// ([JSON]).
//
// The package does no I/O of its own beyond the io.Writer it is handed and
// reads no clock: the same report and [Options] always give the same
// bytes, so documents can be diffed and golden-tested.
//
// # Markdown layout
//
// A brag document is a living draft: kept for a year, written in by its
// owner, handed to a manager at review time. One layout serves one period
// ([Markdown]) and several ([MarkdownPeriods], e.g. the quarters of a
// year). In order:
//
//   - the document marker (see Markers), "# Brag document: <who>" and a
//     short intro line;
//   - one section per period, newest first, headed
//     "## 2026Q3 · 2026-07-01 to 2026-09-30" (just the range when the
//     period has no label).
//
// A period holds, each part at "###" and between its markers:
//
//   - what was scanned (each repository with its commit count), and
//     source warnings as a blockquote; a shallow clone names its fix,
//     `git fetch --unshallow`;
//   - "At a glance": a Mermaid pie chart of the shipped items by primary
//     kind, each once (no flags, no credit on others' commits), largest
//     count first, ties in [work.Categories] order;
//   - "Highlights": the top [Options.Highlights] of the person's own work
//     (their commits, series of them and their pull requests; never a
//     commit that only credits them, a review, a comment or an issue):
//     stories first (a series, or a pull request of several commits),
//     then by [Options.Score], ties broken by date (newest first) then ID;
//     never two with the same title, never one the person deleted from
//     the document merged into ([Options.Deleted]). Items scoring zero or less are never
//     highlighted. Each gets a "####" heading, its evidence, and "Why it
//     mattered" / "What I'd do differently" prompts left blank (an HTML
//     comment holds a hint). It is a generated block: picked again on
//     every run until the person writes in it;
//   - the body sections, described below;
//   - "Toward <level>", when r.Toward is set: each expectation of the
//     target level with its evidence, linked like items, or "no evidence
//     yet" and the expectation's ideas as a short list;
//   - "Questions for my next 1:1": three fixed questions, the first
//     naming [Options.NextLevel];
//   - "Appendix: every item": every contribution, newest first, one line
//     each (series unpacked), folded in a <details> block;
//   - the period's seen record.
//
// Sections with nothing in them are left out. A period with no
// contributions gets only the scan line, any warnings and one sentence
// saying nothing was found for the identity, with a hint to pass more
// identities with --author.
//
// # Markers
//
// HTML comments, which GitHub does not render, let a later run find its
// own structure in a document a person has edited. Every marker but the
// item id is a line of its own:
//
//	<!-- git-career:doc v1 -->                                 first line
//	<!-- git-career:period 2026Q3 2026-07-01..2026-09-30 -->   opens a period
//	<!-- git-career:section shipped -->                        opens a section
//	<!-- git-career:section glance sum=1f2e3d4c5b6a7988 -->    opens a generated block
//	<!-- git-career:end-section shipped -->                    closes it
//	<!-- git-career:seen 2026Q3                                every id written
//	git:a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1               into the period,
//	pr:acme/api#12                                             one a line, sorted
//	-->                                                        when first written
//	<!-- git-career:end-period 2026Q3 -->                      closes the period
//
// A measured line (see Item lines) ends with a marker of its own, after
// its words, as an item's id does:
//
//   - Measured: … <!-- git-career:measured regressions git:<sha> at=2026-05-03 to=2026-07-15 sum=0123456789abcdef -->
//
// naming the measure and the item, the day of the work's first commit
// (at=), while the window after the work was incomplete the day it was
// read up to (to=), the work's commits abbreviated to twelve digits when
// the id does not name them (c=), and the checksum of the line's words.
// Inside a generated block a measured line that still reads as written
// counts toward the block's checksum by its measure and item only, so
// that measuring it again does not make the block look edited.
//
// Section keys never change once released: scan, empty, glance,
// highlights (a generated block since Highlights are refreshed; one
// written before that, without a sum, is kept as it is), shipped, problems (holding problems/flaky-tests,
// problems/automation, problems/cleanup, problems/docs, problems/issue),
// mentoring (holding mentoring/reviews), cross-team, design, toward,
// questions, appendix; that is also their canonical order. A generated
// block (scan, empty, glance, highlights, mentoring/reviews, toward) is a summary the
// tool owns; its marker carries an FNV-1a checksum of the lines between
// its markers, each ended by "\n". Each item's first line ends with its id,
// " <!-- id:git:<sha> -->": at the end of the line it travels with the item
// when the person moves it and is the part nobody needs to touch when
// rewording. Labels and ids are written with "%", space, tab, line breaks
// and ">" percent-encoded so a marker cannot end early.
//
// # Merging
//
// [Merge] folds a freshly rendered document into the existing file:
//
//   - The existing file must parse as ours: a document marker, periods
//     opened and closed in order with matching labels, no period twice,
//     sections nested and closed, at most one seen record per period,
//     and no malformed marker line (a note typed on a marker line makes
//     it malformed). Otherwise Merge returns a [*ParseError] naming the
//     line, and the file should be left untouched.
//   - A period the file lacks is inserted whole, before the first period
//     that starts earlier (by the dates in its marker), else after the
//     last period, else at the end of the file.
//   - In a period both hold, an item is new when its id is neither in the
//     seen record nor in an id marker anywhere in the period. New items
//     are appended at the end of their section (before its end marker)
//     and of the appendix, and their ids to the seen record. Items
//     already seen are never touched, wherever they are and whatever they
//     now say; a deleted item stays deleted. New items in the appendix
//     go inside its fold.
//   - A fresh period that shares days with a period the file holds under
//     another label (July into a file holding 2026Q3) is refused with an
//     [*OverlapError] naming both: merged beside it, the work of the days
//     they share would be listed twice. The same label is the same
//     period, whatever its dates ("2026Q4" to date grows).
//   - A section the period lacks (the person deleted it, or it had no
//     items before) is created holding only the new items, before the
//     first existing sibling that comes later in the canonical order,
//     else after the last sibling, else at the end of its parent (before
//     the seen record for a top-level section).
//   - A generated block is replaced by its fresh version only while it
//     is intact: its lines, marker lines included, still read exactly as
//     written (checked with the sum). A block the person edited is kept
//     as it is; one they deleted is not brought back.
//   - A period still running ("2026Q4" ends today) moves its end date:
//     the period marker and the heading take the fresh dates while each
//     still reads as written for the old ones.
//   - A period in which nothing was ever listed (an early run found no
//     work) and the person wrote nothing (only intact generated blocks,
//     markers, the heading and empty lines) is written anew.
//   - If the seen record was deleted it is rebuilt from the id markers
//     still in the period; items deleted before that come back.
//   - A measured line written while the window after its work was
//     incomplete (to=), and still reading as written, is measured again:
//     replaced by the same measure of the same item from the fresh
//     document, or from the impacts the caller measured again for items
//     of periods the fresh document does not hold ([Doc.Open],
//     [Doc.MergeWith]). A line whose window was complete, or that the
//     person edited, never changes; no measured line is added to an item
//     already listed.
//   - Everything else is kept byte for byte: the title and intro, text
//     before, between and after periods, the person's own sections and
//     notes. Inserted text uses the file's line ending (that of its first
//     line). Merging the same fresh document again changes nothing, and a
//     fresh document merged into itself is unchanged.
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
//  4. flaky-tests, automation, cleanup or docs: "Keeping the project
//     healthy", under a "####" sub-heading for the first of
//     those categories it has, in that order;
//  5. mentoring, or any co-author: "Mentoring and collaboration";
//  6. feature, fix, performance, security, refactor, testing or
//     dependencies, or a merged pull request: "What I shipped".
//
// Reviews and review comments (category review) that are not mentoring
// are not listed one by one, since a quarter holds hundreds: "Mentoring
// and collaboration" opens with a sentence that sums them up ("Reviewed 12
// pull requests in 3 repositories (8 approved, 2 with changes requested)
// and wrote 40 review comments, 9 of them educational. 7 educational
// comments are quoted below; the appendix lists 12 reviews and 33 other
// review comments."), and the appendix lists them. Educational comments
// on others' work are mentoring and are listed, quoted; no other comment
// is quoted anywhere, since a quoted nit or "ok" would be an
// embarrassing claim. Issues reported and triage comments go under
// "Keeping the project healthy", sub-heading "Issues reported and triaged".
//
// An item with none of these categories is listed only in the appendix.
// Within a section items are newest first, then by ID. A section (or
// sub-heading) shows its 5 most telling items by score (a series counting
// one more) and folds the rest in a <details> block, "and 37 more", so a
// quarter of 600 commits reads in a few minutes.
//
// # Stories
//
// Related commits are told as one item. The commits of a pull request are
// listed under it (the analyzer groups them). A series is three or more of
// the user's own commits in one repository, placed in the same section
// and sub-heading, whose subjects start with the same two words of letters
// once a Conventional prefix and a "(#12)" are dropped: "fix leaking …"
// ×140 is one item, titled with the words all the subjects share, with
// the number of commits, the dates, the categories, the lines, the
// top-level folders ("in src, test") and, on an indented line, a link to
// every commit. Its id is "series:" and its newest commit's id. Commits a
// document already lists ([Options.Known], from [DocIDs]) never join a
// series, so a merge never lists a commit twice; a series that grows
// between runs gets a new item for its new commits.
//
// # Item lines
//
// Each item is a bullet reading
//
//	<title> (<evidence>) — <date> · [<repo> ·] <categories> · +A/−D in F files [· with <co-authors>] <!-- id:<id> -->
//
// with its reasons, when it has any, in one indented sub-bullet
// "why: <reason>; <reason>". A credited item also says whose commit it was.
//
// What was measured after an item ([work.Impact]) follows, one indented
// line a measure: "- Measured: " and the impact's words, then every event
// it counted linked (at most six a side, "and N more"), then its marker.
// A highlight shows the same lines as "- **Measured:** …", before "Why it
// mattered". The appendix shows none.
//
// GitHub items add their state (merged, approved, closed…), a pull
// request's size and commit count, an issue's labels, a comment's class,
// and "private" for an item from a private repository; an educational
// comment's quote follows on its own line. A highlighted pull request's "Why it mattered"
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
// keys are sorted. A contribution with measured impacts carries "impact":
// each with its measure, its text, the numbers that apply to it
// (before, after, window_days, after_days, baseline_before,
// baseline_after, people, commits, merged, runs, succeeded, issues,
// reactions, comments, quote, subject) and every event it counted
// ("evidence": id, url, and window before or after). Two fields appear only when true: "credited" on a
// contribution someone else authored and credited the user on, and "all"
// on the author of a report covering every author.
package report
