package github

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/git-career/git-career/internal/fakegithub"
)

// The issue's scenario: a workflow with 40 runs since, 38 successful; a
// pull request closing an issue with 12 reactions; an author taught who
// merged since.
func TestMeasure(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, d) }
	s := &fakegithub.Scenario{Login: "ada", Repos: []fakegithub.Repo{{FullName: "acme/shop"}}}
	for i := 0; i < 45; i++ {
		c := "success"
		if i%20 == 7 {
			c = "failure"
		}
		// Five runs before the workflow changed; 40 after, 2 failed.
		s.Runs = append(s.Runs, fakegithub.WorkflowRun{Repo: "acme/shop", Workflow: "deploy.yml", ID: int64(1000 + i), Conclusion: c, CreatedAt: day(i - 5)})
	}
	s.Items = []*fakegithub.Item{
		{Repo: "acme/shop", Number: 34, Title: "Export fails on big carts", Author: "cy", State: "closed", CreatedAt: day(-30), Reactions: 12,
			Comments: []fakegithub.Comment{{ID: 1, User: "bo", Body: "+1", CreatedAt: day(-20)}, {ID: 2, User: "di", Body: "same here", CreatedAt: day(-10)}}},
		{Repo: "acme/shop", Number: 35, PR: true, Title: "A pull request", Author: "bo", State: "closed", CreatedAt: day(5), MergedAt: day(6)},
		{Repo: "acme/shop", Number: 36, PR: true, Title: "Another", Author: "bo", State: "closed", CreatedAt: day(7), MergedAt: day(9)},
		{Repo: "acme/shop", Number: 37, PR: true, Title: "Before", Author: "bo", State: "closed", CreatedAt: day(-9), MergedAt: day(-8)},
	}
	r := newGHRun(t, s, day(60))
	a, err := Measure(context.Background(), r.options(), Queries{
		Workflows: []WorkflowQuery{{Repo: "acme/shop", File: ".github/workflows/deploy.yml", Since: day(0), Until: day(60)},
			{Repo: "acme/shop", File: ".github/workflows/gone.yml", Since: day(0), Until: day(60)}},
		Issues: []IssueQuery{{Repo: "acme/shop", Number: 34}, {Repo: "acme/shop", Number: 35}, {Repo: "acme/shop", Number: 99}},
		Merged: []MergedQuery{{Repo: "acme/shop", Login: "bo", Since: day(0), Until: day(60)}},
	})
	if err != nil {
		t.Fatal(err)
	}
	w := a.Workflows[0]
	if !w.Found || w.Total != 40 || w.Succeeded != 38 || len(w.Read) != 40 || w.URL != "https://github.test/acme/shop/actions/workflows/deploy.yml" {
		t.Errorf("runs: %+v", w)
	}
	if a.Workflows[1].Found {
		t.Error("a workflow that never ran was found")
	}
	if is := a.Issues[0]; !is.Found || is.Reactions != 12 || is.Comments != 2 || is.URL != "https://github.test/acme/shop/issues/34" {
		t.Errorf("issue: %+v", is)
	}
	if a.Issues[1].Found || a.Issues[2].Found {
		t.Error("a pull request or a missing issue counted as an issue")
	}
	if m := a.Merged[0]; m.Total != 2 || len(m.URLs) != 2 {
		t.Errorf("merged: %+v", m)
	}
	if fmt.Sprint(a.Warnings) != `[github: workflow gone.yml of acme/shop not found or not visible to this token; its runs are not counted github: issue acme/shop#99 not found or not visible to this token]` {
		t.Errorf("warnings %q", a.Warnings)
	}
	// 2 workflows, 3 issues, 1 search.
	if a.Requests != 6 {
		t.Errorf("%d requests, want 6", a.Requests)
	}
}

// More runs than are read: the successes are GitHub's count.
func TestMeasureManyRuns(t *testing.T) {
	start := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)
	s := &fakegithub.Scenario{Login: "ada", Repos: []fakegithub.Repo{{FullName: "acme/shop"}}}
	for i := 0; i < 350; i++ {
		c := "success"
		if i%10 == 0 {
			c = "failure"
		}
		s.Runs = append(s.Runs, fakegithub.WorkflowRun{Repo: "acme/shop", Workflow: "ci.yml", ID: int64(i + 1), Conclusion: c, CreatedAt: start.Add(time.Duration(i) * time.Hour)})
	}
	r := newGHRun(t, s, start.AddDate(0, 1, 0))
	a, err := Measure(context.Background(), r.options(), Queries{Workflows: []WorkflowQuery{{Repo: "acme/shop", File: "ci.yml", Since: start, Until: start.AddDate(0, 1, 0)}}})
	if err != nil {
		t.Fatal(err)
	}
	if w := a.Workflows[0]; w.Total != 350 || w.Succeeded != 315 || len(w.Read) != 300 {
		t.Errorf("runs: total %d, succeeded %d, read %d", w.Total, w.Succeeded, len(w.Read))
	}
	if a.Requests != 4 {
		t.Errorf("%d requests, want 3 pages and one count", a.Requests)
	}
}
