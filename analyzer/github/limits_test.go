package github

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/git-career/git-career/analyzer/work"
	"github.com/git-career/git-career/internal/fakegithub"
)

func TestGitHubPrimaryLimitNearResetWaits(t *testing.T) {
	s := loadScenario(t, "ada.json")
	s.Fail("/repos/lovelace/engine", fakegithub.Failure{Status: 403, Primary: true, ResetAfter: 90 * time.Second, Times: 1})
	r := newGHRun(t, s, afterGHQ3)
	ev := r.mustRead(r.options())
	if got, want := fmt.Sprint(r.clock.Slept()), "[1m31s]"; got != want {
		t.Errorf("slept %s, want %s (the reset and a second)", got, want)
	}
	if !strings.Contains(r.progress.String(), "rate limit reached; waiting 1m31s") {
		t.Errorf("progress %q does not say it waits", r.progress.String())
	}
	if len(ev.PullRequests) != 2 || ev.Requests != 13 {
		t.Errorf("got %d PRs in %d requests, want 2 in 13 (12 and the refused one)", len(ev.PullRequests), ev.Requests)
	}
}

func TestGitHubPrimaryLimitNear429(t *testing.T) {
	s := loadScenario(t, "ada.json")
	s.Fail("/search/issues", fakegithub.Failure{Status: 429, Primary: true, ResetAfter: 30 * time.Second, Times: 1})
	r := newGHRun(t, s, afterGHQ3)
	r.mustRead(r.options())
	if got, want := fmt.Sprint(r.clock.Slept()), "[31s]"; got != want {
		t.Errorf("slept %s, want %s", got, want)
	}
}

func TestGitHubPrimaryLimitFarResetStops(t *testing.T) {
	s := loadScenario(t, "ada.json")
	s.Fail("/search/issues", fakegithub.Failure{Status: 403, Primary: true, ResetAfter: 37 * time.Minute})
	r := newGHRun(t, s, afterGHQ3)
	_, err := r.read(r.options())
	want := "github rate limit exhausted until 10:37 (resets in 37m); try again then"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
	if len(r.clock.Slept()) != 0 {
		t.Errorf("slept %v before giving up, want no wait", r.clock.Slept())
	}
}

func TestGitHubSecondaryLimitBacksOff(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    fakegithub.Failure
		want string
	}{
		{"403 Retry-After", fakegithub.Failure{Status: 403, Secondary: true, RetryAfter: 45, Times: 1}, "[45s]"},
		{"403 no Retry-After", fakegithub.Failure{Status: 403, Secondary: true, Times: 1}, "[1m0s]"},
		{"429 Retry-After", fakegithub.Failure{Status: 429, RetryAfter: 20, Times: 2}, "[20s 20s]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := loadScenario(t, "ada.json")
			s.Fail("/repos/lovelace/engine/pulls/12/reviews", tc.f)
			r := newGHRun(t, s, afterGHQ3)
			ev := r.mustRead(r.options())
			if got := fmt.Sprint(r.clock.Slept()); got != tc.want {
				t.Errorf("slept %s, want %s", got, tc.want)
			}
			if len(ev.Reviews) != 2 {
				t.Errorf("got %d reviews after backing off, want 2", len(ev.Reviews))
			}
			if !strings.Contains(r.progress.String(), "secondary rate limit; backing off") {
				t.Errorf("progress %q does not say it backs off", r.progress.String())
			}
		})
	}
}

func TestGitHubServerErrorsRetried(t *testing.T) {
	s := loadScenario(t, "ada.json")
	s.Fail("/repos/lovelace/engine/issues/14/comments", fakegithub.Failure{Status: 502, Times: 1})
	r := newGHRun(t, s, afterGHQ3)
	ev := r.mustRead(r.options())
	if got := fmt.Sprint(r.clock.Slept()); got != "[1s]" {
		t.Errorf("slept %s, want [1s]", got)
	}
	if len(ev.IssueComments) != 2 {
		t.Errorf("got %d issue comments after a retry, want 2", len(ev.IssueComments))
	}
}

func TestGitHubServerErrorsBounded(t *testing.T) {
	s := loadScenario(t, "ada.json")
	s.Fail("/repos/lovelace/engine/issues/14/comments", fakegithub.Failure{Status: 500})
	r := newGHRun(t, s, afterGHQ3)
	_, err := r.read(r.options())
	if err == nil || !strings.Contains(err.Error(), "500 Internal Server Error") {
		t.Fatalf("got %v, want a 500 error", err)
	}
	if got := fmt.Sprint(r.clock.Slept()); got != "[1s 2s 4s]" {
		t.Errorf("slept %s, want [1s 2s 4s]", got)
	}
	if got := r.scenario.PathRequests("/repos/lovelace/engine/issues/14/comments"); got != 4 {
		t.Errorf("sent %d requests, want 4 (one and 3 retries)", got)
	}
}

// refusingTransport fails the first n requests as a network would.
type refusingTransport struct {
	n    int
	next http.RoundTripper
}

func (rt *refusingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if rt.n > 0 {
		rt.n--
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connection refused")}
	}
	return rt.next.RoundTrip(req)
}

func TestGitHubNetworkErrorsRetried(t *testing.T) {
	r := newGHRun(t, loadScenario(t, "ada.json"), afterGHQ3)
	opt := r.options()
	opt.HTTPClient = &http.Client{Transport: &refusingTransport{n: 2, next: http.DefaultTransport}}
	ev := r.mustRead(opt)
	if got := fmt.Sprint(r.clock.Slept()); got != "[1s 2s]" {
		t.Errorf("slept %s, want [1s 2s]", got)
	}
	if ev.Requests != 14 {
		t.Errorf("requests: got %d, want 14 (12 and 2 refused)", ev.Requests)
	}
	opt.HTTPClient = &http.Client{Transport: &refusingTransport{n: 100, next: http.DefaultTransport}}
	if _, err := r.read(opt); err == nil || !strings.Contains(err.Error(), "connection refused") {
		t.Errorf("got %v, want connection refused after retries", err)
	}
}

// TestGitHubSearchPacing runs 33 searches (11 repositories, 3 searches
// each): the 31st must wait for the first to be a minute old. The clock
// starts now, so that go-github's own refusal (it remembers an exhausted
// limit by the real clock) would show if the limiter let it see one.
func TestGitHubSearchPacing(t *testing.T) {
	s := generated(fakegithub.Gen{Repos: 11, AuthoredPRs: 11, Issues: 11})
	start := time.Now().Truncate(time.Second)
	r := newGHRun(t, s, start)
	opt := r.options()
	opt.Period = work.Period{Since: work.Day(start).AddDate(0, 0, -90), Until: work.Day(start)}
	for _, repo := range s.Repos {
		opt.Repos = append(opt.Repos, repo.FullName)
	}
	r.mustRead(opt)
	times := r.scenario.SearchTimes()
	if len(times) != 44 {
		t.Fatalf("%d searches, want 44 (4 per repository)", len(times))
	}
	for i := 30; i < len(times); i++ {
		if d := times[i].Sub(times[i-30]); d < time.Minute {
			t.Errorf("search %d came %s after search %d: more than 30 a minute", i+1, d, i-29)
		}
	}
	if len(r.clock.Slept()) == 0 || !strings.Contains(r.progress.String(), "search limit (30 a minute); waiting") {
		t.Errorf("no pacing wait: slept %v, progress %q", r.clock.Slept(), r.progress.String())
	}
}

func TestShortDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		37 * time.Minute: "37m", time.Hour: "1h", 65 * time.Minute: "1h5m", 20 * time.Second: "under a minute",
		3*time.Hour + 90*time.Second: "3h2m",
	} {
		if got := shortDuration(d); got != want {
			t.Errorf("shortDuration(%s): got %q, want %q", d, got, want)
		}
	}
}

func TestRateLimitErrorOtherDay(t *testing.T) {
	now := time.Date(2026, 10, 5, 23, 0, 0, 0, time.UTC)
	e := &rateLimitError{reset: now.Add(90 * time.Minute), now: now}
	want := "github rate limit exhausted until 2026-10-06 00:30 (resets in 1h30m); try again then"
	if e.Error() != want {
		t.Errorf("got %q, want %q", e.Error(), want)
	}
}
