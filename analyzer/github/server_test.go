package github

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/git-career/git-career/analyzer/work"
	"github.com/git-career/git-career/internal/fakegithub"
)

// testToken is a sentinel: no error, warning or progress line may show it.
const testToken = "ghp_SENTINEL_never_print_me_42"

// fakeClock is the clock of a test run: Sleep moves it forward at once,
// and the fake server reads the same time.
type fakeClock struct {
	mu    sync.Mutex
	t     time.Time
	slept []time.Duration
}

func newClock(t time.Time) *fakeClock { return &fakeClock{t: t} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Sleep(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.slept = append(c.slept, d)
	c.t = c.t.Add(d)
}

func (c *fakeClock) Slept() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.slept...)
}

// ghQ3 is the period most tests read; the clock starts after it.
var ghQ3 = work.Period{
	Since: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC),
	Until: time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC),
	Label: "2026Q3",
}

var afterGHQ3 = time.Date(2026, 10, 5, 10, 0, 0, 0, time.UTC)

// ghRun is one test run of Read against a fake server.
type ghRun struct {
	t        *testing.T
	scenario *fakegithub.Scenario
	clock    *fakeClock
	url      string
	progress bytes.Buffer
}

func newGHRun(t *testing.T, s *fakegithub.Scenario, start time.Time) *ghRun {
	t.Helper()
	r := &ghRun{t: t, scenario: s, clock: newClock(start)}
	s.Now = r.clock.Now
	srv := fakegithub.New(s)
	t.Cleanup(srv.Close)
	r.url = srv.URL + "/"
	return r
}

func loadScenario(t *testing.T, name string) *fakegithub.Scenario {
	t.Helper()
	s, err := fakegithub.LoadScenario("../../testdata/github/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func (r *ghRun) options() Options {
	return Options{
		HTTPClient: &http.Client{},
		BaseURL:    r.url,
		Token:      testToken,
		Period:     ghQ3,
		Now:        r.clock.Now,
		Sleep:      r.clock.Sleep,
		Progress:   &r.progress,
	}
}

// read runs Read and checks that the token shows nowhere.
func (r *ghRun) read(opt Options) (*Evidence, error) {
	r.t.Helper()
	ev, err := Read(context.Background(), opt)
	var texts []string
	if err != nil {
		texts = append(texts, err.Error())
	}
	if ev != nil {
		texts = append(texts, ev.Warnings...)
	}
	texts = append(texts, r.progress.String())
	for _, s := range texts {
		if strings.Contains(s, testToken) {
			r.t.Errorf("token shown in %q", s)
		}
	}
	return ev, err
}

func (r *ghRun) mustRead(opt Options) *Evidence {
	r.t.Helper()
	ev, err := r.read(opt)
	if err != nil {
		r.t.Fatal(err)
	}
	return ev
}

// generated is a quarter of ada's work, sized by g.
func generated(g fakegithub.Gen) *fakegithub.Scenario {
	g.Login = "ada"
	g.Since, g.Until = ghQ3.Since, ghQ3.Until
	return fakegithub.Generate(g)
}
