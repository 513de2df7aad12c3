package work

import "time"

// Person is a name and an email as git records them.
type Person struct {
	Name  string
	Email string
}

// String formats p the way git trailers do: "Name <email>".
func (p Person) String() string {
	if p.Email == "" {
		return p.Name
	}
	return p.Name + " <" + p.Email + ">"
}

// Trailer is one "Key: value" line from the trailer block of a message.
type Trailer struct {
	Key   string
	Value string
}

// FileChange is one changed path with the line counts that
// `git log --numstat` prints with git's defaults (renames detected).
// Binary files count 0 lines.
type FileChange struct {
	Path string
	// OldPath is the path a renamed file came from ("" when not a
	// rename): a pure rename is one file with no lines changed.
	OldPath   string
	Additions int
	Deletions int
	Binary    bool
}

// Commit is the evidence one non-merge commit gives, before classification.
type Commit struct {
	Repo          string // short name of the repository
	SHA           string // 40 hex digits
	Author        Person // after .mailmap
	AuthorDate    time.Time
	CommitterDate time.Time
	Subject       string // first line of the message
	Body          string // the rest, trailers included
	Trailers      []Trailer
	Coauthors     []Person // Co-authored-by, without bots and the commit's own author
	Files         []FileChange
	// CountsUnknown is true when objects the diff needs are not in the
	// repository: Files are those under the trees that are there, and
	// the line counts are a lower bound.
	CountsUnknown bool
}

// Added and Deleted are the line totals over all files.
func (c *Commit) Added() int {
	n := 0
	for _, f := range c.Files {
		n += f.Additions
	}
	return n
}

func (c *Commit) Deleted() int {
	n := 0
	for _, f := range c.Files {
		n += f.Deletions
	}
	return n
}

// Kinds of contribution.
const (
	KindCommit        = "commit"
	KindPullRequest   = "pull-request"
	KindReview        = "review"
	KindReviewComment = "review-comment"
	KindIssueComment  = "issue-comment"
	KindIssue         = "issue"
)

// Contribution is one classified piece of work, as the brag doc lists it.
type Contribution struct {
	// ID is "git:<sha>", "pr:owner/name#12", "review:<id>",
	// "review-comment:<id>", "issue-comment:<id>" or "issue:owner/name#7".
	ID         string
	Kind       string // one of the Kind constants
	Repo       string
	SHA        string
	URL        string // https link when the remote is on GitHub, else ""
	Title      string
	Date       time.Time
	Author     string // the commit author's email
	Categories []Category
	Reasons    []string // why each category was given, in plain words
	Files      int
	Additions  int
	Deletions  int
	Coauthors  []string // "Name <email>"
	// Areas are the top-level folders a commit changed, sorted, "." for
	// files at the root: a series of commits is told by where it happened.
	Areas []string
	// Paths are the files a commit changed, and Refs the issues and
	// tickets its message names ("#123", "ABC-123"): the evidence that
	// ties commits into one story.
	Paths, Refs []string
	// Written are the lines a tool wrote among Additions and Deletions
	// (lockfiles, generated code): they say nothing of the work's size,
	// and the Highlights score leaves them out.
	Written int
	// FollowsUp are the earlier changes its message says it follows up
	// or fixes: "#123" ("After #123, ...", "introduced in #123"), or
	// "sha:" and an abbreviated commit id (a Fixes: trailer). The doc
	// says so when that change is the person's own, listed beside it.
	FollowsUp []string
	// Landed names the batch of the person's commits that reached the
	// mainline together (a rebase merge), "" for none: one piece of work.
	Landed string
	// Credited is true when someone else authored the commit and credited
	// the user with a Co-authored-by trailer.
	Credited bool
	// CreditedAs is the trailer that credits them ("Co-authored-by",
	// "Helped-by", "Based-on-patch-by", "Mentored-by", "Suggested-by").
	CreditedAs string
	// CountsUnknown is true when Files, Additions and Deletions are not
	// all known: objects were missing (a partial clone, a broken branch).
	CountsUnknown bool
	// Unmerged is true for work not shipped yet: a commit only on
	// branches other than the mainline, or an open pull request. It is
	// listed apart, never in Highlights nor among what shipped.
	Unmerged bool
	// RevertedBy is the commit that undid this work after its period, ""
	// for none, and RevertedOn when: it shipped, and is listed saying so,
	// never in Highlights. (Work reverted within its period is not listed.)
	RevertedBy string
	RevertedOn time.Time

	// GitHub items.
	Number  int      // pull request or issue number
	State   string   // "merged", "open", "closed"; a review's "approved", "changes-requested", "commented"
	Labels  []string // pull request or issue labels
	Private bool     // from a private repository
	Commits []string // SHAs of the local commits grouped under a pull request
	// CommitKinds are those commits' own categories (primary first), in
	// the order of Commits: a pull request's kind is decided for the
	// pull request, and each commit's claim can still be checked.
	CommitKinds []CommitKind
	Summary     string // a pull request's first paragraph, the seed of "Why it mattered"
	Quote       string // a short quote of a review or comment
	Class       string // a comment's class: educational, suggestion, question, ...
	Label       string // a comment's Conventional Comments label ("suggestion"), whatever its class
	On          string // a review's or comment's target: "owner/name#34"

	// Impact is what was measured after the work (see impact.go).
	Impact []Impact
}

// CommitKind is what one commit of a pull request was recognised as.
type CommitKind struct {
	SHA        string
	Categories []Category
}

// Primary is the kind of work an item is: the first of its categories
// that is not a flag (the classifier puts it first); "" for none.
func (c *Contribution) Primary() Category {
	return PrimaryOf(c.Categories)
}

// PrimaryOf is the first category of cs that is not a flag, "" for none.
func PrimaryOf(cs []Category) Category {
	for _, k := range cs {
		if !IsFlag(k) {
			return k
		}
	}
	return ""
}

// Has reports whether c was given category k.
func (c *Contribution) Has(k Category) bool {
	for _, x := range c.Categories {
		if x == k {
			return true
		}
	}
	return false
}

// Identity is who a report is about.
type Identity struct {
	Emails []string
	Names  []string
	Logins []string
	All    bool // "*": every author
}

// Period is a range of calendar days in one time zone, both ends inclusive.
type Period struct {
	Since time.Time // midnight starting the first day
	Until time.Time // midnight starting the last day
	Label string    // "2026Q3", or "2026-07-01..2026-09-30"
}

// Contains reports whether t falls on one of the period's days, in the
// period's time zone.
func (p Period) Contains(t time.Time) bool {
	t = t.In(p.Since.Location())
	return !t.Before(p.Since) && t.Before(p.Until.AddDate(0, 0, 1))
}

// Source says what one source read, for the doc's title and the JSON.
type Source struct {
	Kind           string // "git" or "github"
	Repo           string // short name
	Path           string
	CommitsScanned int
	Shallow        bool
	Warnings       []string
	// Notes are advice for the person running the tool (how to configure
	// it), said once on stderr and never written into the doc.
	Notes       []string
	Requests    int // GitHub: API requests made
	NotModified int // GitHub: of which answered 304 from the cache
	// Active are the people (bots left out) who wrote most of the
	// period's commits here, most first, at most five: whom a run that
	// found nothing of the person's suggests they meant. Never rendered.
	Active []Person
}

// Report is everything a brag doc is rendered from.
type Report struct {
	Author Identity
	// Name is what the person's own commits call them (after .mailmap),
	// the most frequent spelling: the doc's title names a person, not an
	// address. "" when no commit of theirs was read.
	Name          string
	Period        Period
	Sources       []Source
	Contributions []Contribution // sorted by date, newest first, then ID
	Summary       map[Category]int
	// Toward measures the contributions against the next level; nil when
	// no ladder applies.
	Toward *Toward
	// Later are pull requests of the person's that the period's commits
	// went into and that merged after the period: work in progress when
	// it ended, listed apart (it counts in the period it merged in).
	Later []Later
	// Tagged are the releases the person tagged in the period (annotated
	// version tags they made), oldest first: release work no commit of
	// theirs may show.
	Tagged []Tagged
}

// Tagged is a release tag the person made.
type Tagged struct {
	Repo, Tag, URL string
	When           time.Time
}

// Later is a pull request merged after the period it was worked on in.
type Later struct {
	Repo, Title, URL string
	Number           int
	Commits          int       // the person's commits of it written in the period
	First, Last      time.Time // their author dates
	Merged           time.Time
}
