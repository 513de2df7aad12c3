package github

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/git-career/git-career/analyzer/work"
)

// GitHub's limits are handled here, in the transport under go-github, so
// that go-github only ever sees final answers. That matters because
// go-github remembers limits and then refuses calls on its own (without a
// request) until the reset by the real clock: retrying above it would
// spin, and would ignore the injected clock. So this layer is the one
// authority on limits: it waits, retries or fails, and it hides an
// exhausted X-RateLimit-Remaining from go-github after noting it.

const (
	// maxPrimaryWait is the longest wait for a primary limit's reset;
	// beyond it a run stops rather than hang silently.
	maxPrimaryWait = 2 * time.Minute
	// defaultRetryAfter is the back-off for a secondary limit that does not
	// say how long: GitHub's documentation asks for at least a minute.
	defaultRetryAfter = time.Minute
	maxServerRetries  = 3 // 5xx and network errors: after 1s, 2s, 4s
	maxLimitRetries   = 5 // secondary limits and primary waits in a row
	searchPerMinute   = 30
)

// cacheHeader marks a response the cache transport answered from disk
// after a 304, so that the limiter counts it as not modified.
const cacheHeader = "X-Git-Career-Cache"

// errTokenRejected is the error for a 401.
var errTokenRejected = errors.New("github token rejected (401): check GITHUB_TOKEN or GH_TOKEN")

// rateLimitError stops a run when the primary limit resets too late to
// wait for.
type rateLimitError struct {
	reset, now time.Time
}

func (e *rateLimitError) Error() string {
	at := e.reset.In(e.now.Location())
	when := at.Format("15:04")
	if work.Day(at) != work.Day(e.now) {
		when = at.Format("2006-01-02 15:04")
	}
	return fmt.Sprintf("github rate limit exhausted until %s (resets in %s); try again then",
		when, shortDuration(at.Sub(e.now)))
}

// shortDuration is "37m" or "1h5m": minutes are precise enough to plan by.
func shortDuration(d time.Duration) string {
	d = d.Round(time.Minute)
	if d < time.Minute {
		return "under a minute"
	}
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	switch {
	case h == 0:
		return fmt.Sprintf("%dm", m)
	case m == 0:
		return fmt.Sprintf("%dh", h)
	}
	return fmt.Sprintf("%dh%dm", h, m)
}

// limiter is the http.RoundTripper between go-github and the network (or
// the cache transport). It paces searches, waits out rate limits, retries
// server errors, and counts requests.
type limiter struct {
	next     http.RoundTripper
	now      func() time.Time
	sleep    func(time.Duration)
	progress io.Writer
	token    string

	searches    []time.Time          // the last searchPerMinute search requests
	exhausted   map[string]time.Time // resource → reset, after a success left 0
	requests    int
	notModified int
}

func (l *limiter) RoundTrip(req *http.Request) (*http.Response, error) {
	resource := "core"
	if strings.Contains(req.URL.Path, "/search/") {
		resource = "search"
	}
	serverTries, limitTries := 0, 0
	for {
		// Pacing first: it usually outlasts a search reset noted below.
		if resource == "search" {
			l.paceSearch()
		}
		if err := l.waitExhausted(resource); err != nil {
			return nil, err
		}
		l.requests++
		// A clone per attempt: transports may not reuse a sent request.
		resp, err := l.next.RoundTrip(req.Clone(req.Context()))
		if err != nil {
			if req.Context().Err() != nil || serverTries == maxServerRetries {
				return nil, err
			}
			l.backoff(&serverTries, "network error")
			continue
		}
		if resp.Header.Get(cacheHeader) != "" {
			l.notModified++
		}
		switch kind, wait := l.classify(resp); kind {
		case limitPrimary:
			drain(resp)
			if wait > maxPrimaryWait || limitTries == maxLimitRetries {
				return nil, &rateLimitError{reset: l.now().Add(wait), now: l.now()}
			}
			limitTries++
			// A second past the reset, since the header has whole seconds.
			wait += time.Second
			l.say("github rate limit reached; waiting %s for the reset", wait.Round(time.Second))
			l.sleep(wait)
			continue
		case limitSecondary:
			drain(resp)
			if limitTries == maxLimitRetries {
				return nil, fmt.Errorf("github secondary rate limit still in force after %d waits; try again later", limitTries)
			}
			limitTries++
			l.say("github secondary rate limit; backing off %s", wait.Round(time.Second))
			l.sleep(wait)
			continue
		case serverError:
			if serverTries < maxServerRetries {
				drain(resp)
				l.backoff(&serverTries, resp.Status)
				continue
			}
		}
		l.noteRemaining(resource, resp)
		return resp, nil
	}
}

type limitKind int

const (
	limitNone limitKind = iota
	limitPrimary
	limitSecondary
	serverError
)

// classify tells a limit or a server error apart, and how long to wait.
func (l *limiter) classify(resp *http.Response) (limitKind, time.Duration) {
	code := resp.StatusCode
	switch {
	case code >= 500:
		return serverError, 0
	case code != http.StatusForbidden && code != http.StatusTooManyRequests:
		return limitNone, 0
	case resp.Header.Get("X-RateLimit-Remaining") == "0":
		return limitPrimary, max(l.resetAt(resp).Sub(l.now()), 0)
	}
	if code == http.StatusForbidden && !secondaryBody(resp) {
		return limitNone, 0 // a permission problem, for the caller
	}
	wait := defaultRetryAfter
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s >= 0 {
		wait = time.Duration(s) * time.Second
	}
	return limitSecondary, wait
}

// secondaryBody reports whether a 403's body is GitHub's secondary-limit
// answer (documentation URL ending in secondary-rate-limits, as go-github
// checks); the body is kept readable for go-github.
func secondaryBody(resp *http.Response) bool {
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(b))
	s := string(b)
	return strings.Contains(s, "secondary-rate-limits") || strings.Contains(s, "abuse-rate-limits") ||
		strings.Contains(strings.ToLower(s), "secondary rate limit")
}

func (l *limiter) resetAt(resp *http.Response) time.Time {
	v, err := strconv.ParseInt(resp.Header.Get("X-RateLimit-Reset"), 10, 64)
	if err != nil || v <= 0 {
		return l.now().Add(defaultRetryAfter)
	}
	return time.Unix(v, 0)
}

// noteRemaining remembers a resource used up by a successful request, so
// that the next one waits for the reset instead of being refused, and
// hides it from go-github (see the top of this file).
func (l *limiter) noteRemaining(resource string, resp *http.Response) {
	if resp.StatusCode >= 300 || resp.Header.Get("X-RateLimit-Remaining") != "0" {
		return
	}
	if l.exhausted == nil {
		l.exhausted = map[string]time.Time{}
	}
	l.exhausted[resource] = l.resetAt(resp)
	// Without both, go-github's Rate has no reset and it refuses nothing.
	resp.Header.Del("X-RateLimit-Remaining")
	resp.Header.Del("X-RateLimit-Reset")
}

// waitExhausted waits for a noted reset, or fails when it is too far.
func (l *limiter) waitExhausted(resource string) error {
	reset, ok := l.exhausted[resource]
	if !ok {
		return nil
	}
	delete(l.exhausted, resource)
	wait := reset.Sub(l.now())
	if wait <= 0 {
		return nil
	}
	if wait > maxPrimaryWait {
		return &rateLimitError{reset: reset, now: l.now()}
	}
	wait += time.Second
	l.say("github rate limit used up; waiting %s for the reset", wait.Round(time.Second))
	l.sleep(wait)
	return nil
}

// paceSearch keeps to 30 searches a minute: when the 30th last one is less
// than a minute old, it sleeps until it is not.
func (l *limiter) paceSearch() {
	if len(l.searches) == searchPerMinute {
		if wait := l.searches[0].Add(time.Minute).Sub(l.now()); wait > 0 {
			l.say("github search limit (30 a minute); waiting %s", wait.Round(time.Second))
			l.sleep(wait)
		}
		l.searches = l.searches[1:]
	}
	l.searches = append(l.searches, l.now())
}

// backoff sleeps 1s, 2s, 4s… before retrying a failed request.
func (l *limiter) backoff(tries *int, why string) {
	wait := time.Second << *tries
	*tries++
	l.say("github: %s; retrying in %s", why, wait)
	l.sleep(wait)
}

// say writes a progress line, never the token.
func (l *limiter) say(format string, args ...any) {
	if l.progress == nil {
		return
	}
	fmt.Fprintln(l.progress, "git-career: "+redact(fmt.Sprintf(format, args...), l.token))
}

// drain discards a response that will be retried, so its connection can
// be reused.
func drain(resp *http.Response) {
	io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
}

// redact removes the token from text that may have echoed it (error
// bodies, URLs some proxies repeat).
func redact(s, token string) string {
	if token == "" {
		return s
	}
	return strings.ReplaceAll(s, token, "[token]")
}

// redactedError carries an error whose text may hold the token, with the
// token removed; errors.As still reaches the cause.
type redactedError struct {
	text string
	err  error
}

func (e *redactedError) Error() string { return e.text }
func (e *redactedError) Unwrap() error { return e.err }
