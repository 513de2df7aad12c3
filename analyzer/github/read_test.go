package github

import (
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/git-career/git-career/analyzer/work"
	"github.com/git-career/git-career/internal/fakegithub"
)

func TestReadGitHubAda(t *testing.T) {
	r := newGHRun(t, loadScenario(t, "ada.json"), afterGHQ3)
	ev := r.mustRead(r.options())

	if ev.Login != "ada" {
		t.Errorf("login: got %q, want the token's user %q", ev.Login, "ada")
	}
	var prs []string
	for _, p := range ev.PullRequests {
		prs = append(prs, fmt.Sprintf("%s#%d %s draft=%v private=%v labels=%v", p.Repo, p.Number, p.State, p.Draft, p.Private, p.Labels))
	}
	want := []string{
		"lovelace/engine#11 merged draft=false private=false labels=[performance enhancement]",
		"lovelace/notes#4 open draft=true private=true labels=[]",
	}
	if fmt.Sprint(prs) != fmt.Sprint(want) {
		t.Errorf("pull requests:\ngot  %q\nwant %q", prs, want)
	}
	if p := ev.PullRequests[0]; p.URL != "https://github.test/lovelace/engine/pull/11" || p.Body != "Parsing took 40% of start-up." ||
		!p.MergedAt.Equal(time.Date(2026, 7, 4, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("pull request fields: got %+v", p)
	}

	var reviews []string
	for _, rv := range ev.Reviews {
		reviews = append(reviews, fmt.Sprintf("%d %s on %s#%d by %s", rv.ID, rv.State, rv.Repo, rv.PRNumber, rv.PRAuthor))
	}
	wantReviews := []string{"7001 CHANGES_REQUESTED on lovelace/engine#12 by bob", "7003 APPROVED on lovelace/engine#12 by bob"}
	if fmt.Sprint(reviews) != fmt.Sprint(wantReviews) {
		t.Errorf("reviews:\ngot  %q\nwant %q", reviews, wantReviews)
	}
	var rcs []string
	for _, c := range ev.ReviewComments {
		rcs = append(rcs, fmt.Sprintf("%d %s reply-to=%d", c.ID, c.Path, c.InReplyTo))
	}
	wantRCs := []string{"8001 upload/retry.go reply-to=0", "8003 upload/retry.go reply-to=8001"}
	if fmt.Sprint(rcs) != fmt.Sprint(wantRCs) {
		t.Errorf("review comments:\ngot  %q\nwant %q", rcs, wantRCs)
	}

	if len(ev.Issues) != 1 {
		t.Fatalf("issues: got %d, want 1", len(ev.Issues))
	}
	if is := ev.Issues[0]; is.Number != 13 || is.State != "closed" || is.StateReason != "not_planned" ||
		fmt.Sprint(is.Labels) != "[feature]" || is.URL != "https://github.test/lovelace/engine/issues/13" {
		t.Errorf("issue: got %+v", is)
	}

	var ics []string
	for _, c := range ev.IssueComments {
		ics = append(ics, fmt.Sprintf("%d %s#%d pr=%v author=%s", c.ID, c.Repo, c.Number, c.IsPR, c.IssueAuthor))
	}
	wantICs := []string{"502 lovelace/engine#11 pr=true author=ada", "504 lovelace/engine#14 pr=false author=cy"}
	if fmt.Sprint(ics) != fmt.Sprint(wantICs) {
		t.Errorf("issue comments:\ngot  %q\nwant %q", ics, wantICs)
	}

	wantWarn := []string{`github: repository "babbage/gone" not found or not visible to this token; skipped`}
	if !reflect.DeepEqual(ev.Warnings, wantWarn) {
		t.Errorf("warnings: got %q, want %q", ev.Warnings, wantWarn)
	}
	// /user, 4 searches, 3 repositories, 2 for the reviewed PR, 2 threads.
	if ev.Requests != 12 || ev.Requests != r.scenario.Requests() {
		t.Errorf("requests: got %d (server saw %d), want 12", ev.Requests, r.scenario.Requests())
	}
	if got := r.scenario.PathRequests("/repos/lovelace/engine"); got != 1 {
		t.Errorf("repository read %d times, want once", got)
	}
}

func TestReadGitHubEnterprisePrefix(t *testing.T) {
	r := newGHRun(t, loadScenario(t, "ada.json"), afterGHQ3)
	plain := r.mustRead(r.options())
	opt := r.options()
	opt.BaseURL = strings.TrimSuffix(r.url, "/") + "/api/v3" // no trailing slash: added
	ghe := r.mustRead(opt)
	plain.Requests, ghe.Requests = 0, 0
	// URLs of the API differ, evidence must not.
	if !reflect.DeepEqual(plain, ghe) {
		t.Errorf("evidence through /api/v3 differs:\n%+v\n%+v", plain, ghe)
	}
}

func TestReadGitHubExplicitUserAndScopes(t *testing.T) {
	r := newGHRun(t, loadScenario(t, "ada.json"), afterGHQ3)
	opt := r.options()
	opt.User = "ada"
	opt.Repos = []string{"lovelace/notes"}
	ev := r.mustRead(opt)
	if r.scenario.PathRequests("/user") != 0 {
		t.Error("GET /user sent although the user was given")
	}
	if len(ev.PullRequests) != 1 || ev.PullRequests[0].Repo != "lovelace/notes" || len(ev.Issues) != 0 {
		t.Errorf("repo:lovelace/notes: got %+v", ev)
	}
	opt.Repos, opt.Orgs = []string{"lovelace/engine"}, []string{"lovelace"}
	ev = r.mustRead(opt)
	if len(ev.PullRequests) != 2 {
		t.Errorf("repo and org overlapping: got %d pull requests, want 2 without duplicates", len(ev.PullRequests))
	}
}

func TestReadGitHubPagination(t *testing.T) {
	s := generated(fakegithub.Gen{AuthoredPRs: 250, ReviewedPRs: 1, ReviewComments: 150, Issues: 101})
	r := newGHRun(t, s, afterGHQ3)
	ev := r.mustRead(r.options())
	if len(ev.PullRequests) != 250 || len(ev.Issues) != 101 || len(ev.ReviewComments) != 150 {
		t.Errorf("got %d PRs, %d issues, %d review comments; want 250, 101, 150",
			len(ev.PullRequests), len(ev.Issues), len(ev.ReviewComments))
	}
	// 4 pages of the 351 PRs and issues opened, 2 of the 250 PRs merged,
	// 1 of reviewed PRs, 1 of commented.
	if got := r.scenario.PathRequests("/search/issues"); got != 4+2+1+1 {
		t.Errorf("search requests: got %d, want 8 (4+2+1+1 pages)", got)
	}
	// ada's 150 inline comments and the author's 150 answers: 3 pages.
	if len(ev.ReviewComments) > 0 {
		c := ev.ReviewComments[0]
		path := fmt.Sprintf("/repos/%s/pulls/%d/comments", c.Repo, c.PRNumber)
		if got := r.scenario.PathRequests(path); got != 3 {
			t.Errorf("%s: %d requests, want 3 pages", path, got)
		}
	}
}

func TestReadGitHubSplitsPastTheThousandWall(t *testing.T) {
	s := generated(fakegithub.Gen{AuthoredPRs: 2500})
	r := newGHRun(t, s, afterGHQ3)
	ev := r.mustRead(r.options())
	seen := map[string]bool{}
	for _, p := range ev.PullRequests {
		k := fmt.Sprintf("%s#%d", p.Repo, p.Number)
		if seen[k] {
			t.Fatalf("%s read twice", k)
		}
		seen[k] = true
	}
	if len(seen) != 2500 {
		t.Errorf("got %d pull requests, want all 2500", len(seen))
	}
	fmt.Printf("github: 2500 PRs in a quarter read with %d requests (%d searches)\n",
		ev.Requests, r.scenario.PathRequests("/search/issues"))
}

func TestReadGitHubRepoNotFound(t *testing.T) {
	s := loadScenario(t, "ada.json")
	s.Fail("/repos/lovelace/engine/pulls/12/reviews", fakegithub.Failure{Status: 404})
	r := newGHRun(t, s, afterGHQ3)
	ev := r.mustRead(r.options())
	if len(ev.Reviews) != 0 || len(ev.PullRequests) != 2 {
		t.Errorf("got %d reviews, %d PRs; want 0 and 2", len(ev.Reviews), len(ev.PullRequests))
	}
	want := `github: repository "lovelace/engine" not found or not visible to this token; skipped`
	if !strings.Contains(strings.Join(ev.Warnings, "\n"), want) {
		t.Errorf("warnings %q lack %q", ev.Warnings, want)
	}
}

func TestReadGitHubTokenRejected(t *testing.T) {
	s := loadScenario(t, "ada.json")
	s.Fail("/user", fakegithub.Failure{Status: 401, Echo: true})
	r := newGHRun(t, s, afterGHQ3)
	_, err := r.read(r.options())
	want := "github token rejected (401): check GITHUB_TOKEN or GH_TOKEN"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}

func TestReadGitHubTokenNeverShown(t *testing.T) {
	for _, f := range []fakegithub.Failure{
		{Status: 500, Echo: true},
		{Status: 422, Echo: true},
		{Status: 403, Echo: true}, // a permission 403, not a limit
		{Status: 403, Primary: true, ResetAfter: time.Hour, Echo: true},
		{Status: 403, Secondary: true, RetryAfter: 1, Echo: true},
	} {
		t.Run(fmt.Sprint(f.Status), func(t *testing.T) {
			s := loadScenario(t, "ada.json")
			s.Fail("/search/issues", f)
			r := newGHRun(t, s, afterGHQ3)
			_, err := r.read(r.options()) // read checks every text
			if err == nil {
				t.Fatal("no error")
			}
			t.Log(err)
		})
	}
}

func TestReadGitHubBadBaseURL(t *testing.T) {
	_, err := Read(t.Context(), Options{BaseURL: "api.example.com", Period: ghQ3, Now: time.Now, Sleep: func(time.Duration) {}})
	if err == nil || !strings.Contains(err.Error(), `"api.example.com"`) {
		t.Errorf("got %v, want a bad URL error quoting it", err)
	}
}

func TestReadGitHubCapsCommentedThreads(t *testing.T) {
	s := generated(fakegithub.Gen{CommentedIssues: 60})
	r := newGHRun(t, s, afterGHQ3)
	ev := r.mustRead(r.options())
	if len(ev.IssueComments) != maxCommentedItems {
		t.Errorf("got %d issue comments, want %d (the cap)", len(ev.IssueComments), maxCommentedItems)
	}
	want := "github: comments found on 60 issues and pull requests; read on the 50 most recently updated only"
	if !reflect.DeepEqual(ev.Warnings, []string{want}) {
		t.Errorf("warnings: got %q, want %q", ev.Warnings, want)
	}
}

// TestReadGitHubLocalDays reads a period in a zone far from UTC: a comment
// at 23:30 local on the last day is in, one at 00:30 local after it is out.
func TestReadGitHubLocalDays(t *testing.T) {
	loc := time.FixedZone("UTC+10", 10*3600)
	p := work.Period{Since: time.Date(2026, 7, 1, 0, 0, 0, 0, loc), Until: time.Date(2026, 9, 30, 0, 0, 0, 0, loc)}
	s := &fakegithub.Scenario{Login: "ada", Repos: []fakegithub.Repo{{FullName: "o/r"}}}
	for i, at := range []time.Time{
		time.Date(2026, 9, 30, 23, 30, 0, 0, loc), // in: 13:30 UTC on the 30th
		time.Date(2026, 10, 1, 0, 30, 0, 0, loc),  // out: 14:30 UTC on the 30th
		time.Date(2026, 7, 1, 0, 30, 0, 0, loc),   // in: 14:30 UTC on June 30th
	} {
		s.Items = append(s.Items, &fakegithub.Item{Repo: "o/r", Number: i + 1, PR: true, Author: "ada", State: "open", CreatedAt: at})
	}
	r := newGHRun(t, s, afterGHQ3)
	opt := r.options()
	opt.Period = p
	ev := r.mustRead(opt)
	var got []int
	for _, pr := range ev.PullRequests {
		got = append(got, pr.Number)
	}
	if fmt.Sprint(got) != "[3 1]" {
		t.Errorf("got PRs %v, want [3 1]", got)
	}
}

// TestReadGitHubCoreLimitUsedUp: a success that leaves the core limit at 0
// makes the next request wait for the reset rather than be refused by
// go-github (which would check the real clock).
func TestReadGitHubCoreLimitUsedUp(t *testing.T) {
	start := time.Now().Truncate(time.Second)
	s := loadScenario(t, "ada.json")
	r := newGHRun(t, s, start)
	tr := &exhaustingTransport{next: http.DefaultTransport, reset: start.Add(40 * time.Second)}
	opt := r.options()
	opt.HTTPClient = &http.Client{Transport: tr}
	ev := r.mustRead(opt)
	if len(ev.PullRequests) != 2 {
		t.Errorf("got %d PRs", len(ev.PullRequests))
	}
	if got := fmt.Sprint(r.clock.Slept()); got != "[41s]" {
		t.Errorf("slept %s, want [41s]", got)
	}
}

// exhaustingTransport makes the first answer say the core limit is used up
// until reset.
type exhaustingTransport struct {
	next  http.RoundTripper
	reset time.Time
	done  bool
}

func (e *exhaustingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := e.next.RoundTrip(req)
	if err == nil && !e.done {
		e.done = true
		resp.Header.Set("X-RateLimit-Remaining", "0")
		resp.Header.Set("X-RateLimit-Reset", fmt.Sprint(e.reset.Unix()))
	}
	return resp, err
}
