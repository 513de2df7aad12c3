package github

import (
	"io"
	"net/http"
	"time"

	"github.com/git-career/git-career/analyzer/work"
)

// PullRequest is a pull request the user authored, as GitHub's search
// reports it.
type PullRequest struct {
	Repo      string // "owner/name"
	Number    int
	URL       string // html_url
	Title     string
	Body      string
	State     string // "open", "closed" or "merged"
	Draft     bool
	Labels    []string
	CreatedAt time.Time
	MergedAt  time.Time // zero unless merged
	ClosedAt  time.Time // zero unless closed
	Private   bool
}

// Review is a review the user submitted on someone else's pull request.
type Review struct {
	ID          int64
	Repo        string
	PRNumber    int
	PRTitle     string
	PRAuthor    string // login
	URL         string // html_url of the review
	State       string // "APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED"
	Body        string
	SubmittedAt time.Time
	Private     bool
}

// ReviewComment is an inline comment the user wrote in a pull request's
// diff.
type ReviewComment struct {
	ID        int64
	Repo      string
	PRNumber  int
	PRTitle   string
	PRAuthor  string
	URL       string
	Path      string
	Body      string
	InReplyTo int64 // 0 for the first comment of a thread
	CreatedAt time.Time
	Private   bool
}

// IssueComment is a comment the user wrote on an issue or in a pull
// request's conversation.
type IssueComment struct {
	ID          int64
	Repo        string
	Number      int
	IsPR        bool
	Title       string
	IssueAuthor string
	URL         string
	Body        string
	CreatedAt   time.Time
	Private     bool
}

// Issue is an issue the user opened.
type Issue struct {
	Repo        string
	Number      int
	URL         string
	Title       string
	Body        string
	State       string // "open" or "closed"
	StateReason string // "completed", "not_planned", "duplicate", "reopened" or ""
	Labels      []string
	CreatedAt   time.Time
	ClosedAt    time.Time
	Private     bool
}

// Evidence is everything read from GitHub for one user and period.
type Evidence struct {
	Login          string // whose work
	PullRequests   []PullRequest
	Reviews        []Review
	ReviewComments []ReviewComment
	IssueComments  []IssueComment
	Issues         []Issue
	// Teams are the token's user's teams, "@org/slug" lower-cased, when
	// Options.Teams asked for them and the token may list them (a classic
	// token needs read:org); nil when unknown.
	Teams       []string
	Requests    int // HTTP requests made, 304s included
	NotModified int // of which answered 304 from the cache (free)
	Warnings    []string
}

// Options is what Read needs; it reads nothing else.
type Options struct {
	// HTTPClient sends the requests; its transport may add caching.
	HTTPClient *http.Client
	// BaseURL is the API root, "https://api.github.com/" by default, or a
	// GitHub Enterprise or test server's (GITHUB_API_URL).
	BaseURL string
	Token   string // never printed
	// User is the login whose work is read; "" means the token's own user.
	User string
	// Repos ("owner/name") and Orgs scope the searches; with neither, every
	// repository the token can see.
	Repos  []string
	Orgs   []string
	Period work.Period
	// Now and Sleep are the clock, so that waits for rate limits are
	// testable.
	Now      func() time.Time
	Sleep    func(time.Duration)
	Progress io.Writer // nil for none
	// Teams asks for the user's teams (one request more), to tell which
	// CODEOWNERS entries are theirs. Only the token's own user's teams can
	// be listed, so they are read only when User is "" or that user.
	Teams bool
}
