// Package fakegithub is a GitHub REST API stand-in for tests: an
// httptest server that answers the few endpoints git-career reads with
// responses shaped like GitHub's (fields, Link pagination, rate-limit
// headers, ETags and 304s), computed from a Scenario, with failures that
// tests can inject per path.
//
// It is a normal package rather than a _test file so that the analyzer's
// tests and the command's end-to-end tests share one server.
package fakegithub

import (
	"encoding/json"
	"fmt"
	"os"
	"sync"
	"time"
)

// Scenario is everything the fake GitHub knows. Fill the exported fields,
// then pass it to New; read the counters after the run.
type Scenario struct {
	Login string  `json:"login"` // the token's user, for GET /user
	Repos []Repo  `json:"repos"`
	Items []*Item `json:"items"` // issues and pull requests
	// Teams are the token's user's teams, for GET /user/teams.
	Teams []Team `json:"teams"`
	// Runs are workflow runs, for the Actions API (see actions.go).
	Runs []WorkflowRun `json:"runs"`

	// Now is the server's clock, for rate-limit headers and injected resets;
	// nil means time.Now. Tests share it with the client's clock.
	Now func() time.Time `json:"-"`

	mu          sync.Mutex
	failures    map[string][]*Failure
	requests    int
	byPath      map[string]int
	notModified int
	searchTimes []time.Time
	used        map[string]int        // rate-limit resource → requests used
	published   map[string]*Published // repository → what was published there
}

// Team is one of the token's user's teams.
type Team struct {
	Org  string `json:"org"`
	Slug string `json:"slug"`
}

// Repo is a repository.
type Repo struct {
	FullName string `json:"full_name"` // "owner/name"
	Private  bool   `json:"private"`
}

// Item is an issue or a pull request, with what happened on it.
type Item struct {
	Repo        string    `json:"repo"`
	Number      int       `json:"number"`
	PR          bool      `json:"pr"`
	Title       string    `json:"title"`
	Body        string    `json:"body"`
	Author      string    `json:"author"`
	State       string    `json:"state"`        // "open" or "closed"
	StateReason string    `json:"state_reason"` // issues: "completed", "not_planned"…
	Draft       bool      `json:"draft"`
	Labels      []string  `json:"labels"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"` // zero: the latest activity
	ClosedAt    time.Time `json:"closed_at"`
	MergedAt    time.Time `json:"merged_at"`
	Reactions   int       `json:"reactions"` // how many, all of them +1

	Reviews        []Review        `json:"reviews"`
	ReviewComments []ReviewComment `json:"review_comments"`
	Comments       []Comment       `json:"comments"` // conversation
}

// Review is a submitted pull-request review.
type Review struct {
	ID          int64     `json:"id"`
	User        string    `json:"user"`
	State       string    `json:"state"` // "APPROVED", "CHANGES_REQUESTED", "COMMENTED"
	Body        string    `json:"body"`
	SubmittedAt time.Time `json:"submitted_at"`
}

// ReviewComment is an inline comment in a pull request's diff.
type ReviewComment struct {
	ID        int64     `json:"id"`
	User      string    `json:"user"`
	Path      string    `json:"path"`
	Body      string    `json:"body"`
	InReplyTo int64     `json:"in_reply_to_id"`
	CreatedAt time.Time `json:"created_at"`
}

// Comment is a comment in an issue's or pull request's conversation.
type Comment struct {
	ID        int64     `json:"id"`
	User      string    `json:"user"`
	Body      string    `json:"body"`
	CreatedAt time.Time `json:"created_at"`
}

// Failure is an answer injected in place of the real one.
type Failure struct {
	// Status is 401, 403, 404, 429 or a 5xx.
	Status int
	// Primary makes a 403 or 429 a primary rate limit (remaining 0, reset
	// after ResetAfter); Secondary makes it a secondary limit. A 429 is
	// secondary by default; a plain 403 is a permission refusal.
	Primary    bool
	Secondary  bool
	ResetAfter time.Duration
	// RetryAfter is the Retry-After header in seconds; 0 leaves it out.
	RetryAfter int
	// Times is how many requests fail before the path recovers; 0 is
	// forever.
	Times int
	// Echo puts the request's URL and Authorization header in the error
	// message, as some proxies do, to prove clients never repeat them.
	Echo bool
	// Method limits the failure to one method ("POST"); "" is any.
	Method string
}

// LoadScenario reads a scenario written as JSON.
func LoadScenario(path string) (*Scenario, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var s Scenario
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("scenario %q: %w", path, err)
	}
	return &s, nil
}

// Fail makes requests to path (without any /api/v3 prefix, such as
// "/search/issues" or "/repos/o/n") answer f; failures queue in order.
func (s *Scenario) Fail(path string, f Failure) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failures == nil {
		s.failures = map[string][]*Failure{}
	}
	s.failures[path] = append(s.failures[path], &f)
}

// Requests is how many requests the server received, 304s included.
func (s *Scenario) Requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests
}

// NotModified is how many requests were answered 304.
func (s *Scenario) NotModified() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.notModified
}

// PathRequests is how many requests hit path (without /api/v3).
func (s *Scenario) PathRequests(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.byPath[path]
}

// SearchTimes is when (on the scenario's clock) each search request came.
func (s *Scenario) SearchTimes() []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Time(nil), s.searchTimes...)
}

func (s *Scenario) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// repo finds a repository by name, case-insensitively as GitHub does.
func (s *Scenario) repo(fullName string) (Repo, bool) {
	for _, r := range s.Repos {
		if equalFold(r.FullName, fullName) {
			return r, true
		}
	}
	return Repo{}, false
}

func (s *Scenario) item(repo string, number int) *Item {
	for _, it := range s.Items {
		if equalFold(it.Repo, repo) && it.Number == number {
			return it
		}
	}
	return nil
}

// updated is the item's last activity: its own field, or the latest event.
func (it *Item) updated() time.Time {
	if !it.UpdatedAt.IsZero() {
		return it.UpdatedAt
	}
	t := it.CreatedAt
	later := func(u time.Time) {
		if u.After(t) {
			t = u
		}
	}
	later(it.ClosedAt)
	later(it.MergedAt)
	for _, r := range it.Reviews {
		later(r.SubmittedAt)
	}
	for _, c := range it.ReviewComments {
		later(c.CreatedAt)
	}
	for _, c := range it.Comments {
		later(c.CreatedAt)
	}
	return t
}
