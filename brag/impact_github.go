package brag

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/git-career/git-career/analyzer/github"
	"github.com/git-career/git-career/analyzer/impact"
	"github.com/git-career/git-career/analyzer/work"
	"github.com/git-career/git-career/report"
)

// maxMentees bounds the people taught whose merged pull requests are
// searched for: a search each, at 30 a minute.
const maxMentees = 20

// ghAsk is what one impact needs from GitHub: which query answers it and
// where the impact goes (a contribution, or an open line of the living
// doc, by id).
type ghAsk struct {
	c     *work.Contribution // nil for an open line
	id    string
	index int // into the queries of its kind
	work  impact.Work
	file  string // usage: the workflow
	refs  []int  // demand: indexes into Issues
	ref   []impact.IssueRef
	login string // mentees
	repo  string
	since time.Time
}

// measureGitHub adds what GitHub answers (with a token): the runs of
// workflows the work added or changed (usage, measured again for open
// lines of the living doc), the issues pull requests closed (demand) and
// the pull requests merged since by the people the person taught
// (mentees). It returns GitHub's warnings.
func measureGitHub(ctx context.Context, gh GitHub, ev *github.Evidence, rep *work.Report, m *measurer,
	open []report.OpenMeasure, again map[string][]work.Impact) ([]string, error) {
	var q github.Queries
	var usage, demand, mentees []*ghAsk
	now, days := m.now, m.days
	day := func(t time.Time) time.Time { return t.UTC().Truncate(24 * time.Hour) }

	// Usage: the workflows a commit or pull request added or changed.
	addUsage := func(c *work.Contribution, id string, rh *repoHistory, shas []string) {
		if rh == nil || rh.rw.Web == "" {
			return // not on GitHub
		}
		w, files, ok := rh.work(shas)
		if !ok {
			return
		}
		for _, f := range files {
			if !impact.IsWorkflow(f) || rh.deletedLast(shas, f) {
				continue
			}
			until, _ := impact.Window(w.Last, now, days)
			usage = append(usage, &ghAsk{c: c, id: id, index: len(q.Workflows), work: w, file: f})
			q.Workflows = append(q.Workflows, github.WorkflowQuery{Repo: rh.rw.Repo, File: f, Since: day(w.Last), Until: day(until)})
		}
	}
	for i := range rep.Contributions {
		c := &rep.Contributions[i]
		if !measurable(c) {
			continue
		}
		shas := c.Commits
		if len(shas) == 0 && c.SHA != "" {
			shas = []string{c.SHA}
		}
		addUsage(c, c.ID, m.repos[strings.ToLower(c.Repo)], shas)
	}
	for _, o := range open {
		if o.Measure != work.MeasureUsage {
			continue
		}
		for _, rh := range m.sortedRepos() {
			if _, ok := rh.find(o.Commits[0]); ok {
				addUsage(nil, o.ID, rh, o.Commits)
				break
			}
		}
	}

	// Demand: the issues a pull request's description closes.
	bodies := map[string]string{}
	for _, pr := range ev.PullRequests {
		bodies[strings.ToLower(fmt.Sprintf("%s#%d", pr.Repo, pr.Number))] = pr.Body
	}
	for i := range rep.Contributions {
		c := &rep.Contributions[i]
		if c.Kind != work.KindPullRequest || c.State != "merged" {
			continue
		}
		refs := impact.Closes(bodies[strings.ToLower(fmt.Sprintf("%s#%d", c.Repo, c.Number))], c.Repo)
		if len(refs) == 0 {
			continue
		}
		a := &ghAsk{c: c, id: c.ID, ref: refs}
		for _, r := range refs {
			a.refs = append(a.refs, len(q.Issues))
			q.Issues = append(q.Issues, github.IssueQuery{Repo: r.Repo, Number: r.Number})
		}
		demand = append(demand, a)
	}

	// Mentees: the authors of what the person's educational comments
	// were on, from the first such comment to each.
	authors := map[string]string{}
	for _, r := range ev.Reviews {
		authors[fmt.Sprintf("review:%d", r.ID)] = r.PRAuthor
	}
	for _, r := range ev.ReviewComments {
		authors[fmt.Sprintf("review-comment:%d", r.ID)] = r.PRAuthor
	}
	for _, r := range ev.IssueComments {
		authors[fmt.Sprintf("issue-comment:%d", r.ID)] = r.IssueAuthor
	}
	first := map[string]*ghAsk{} // repo and login → the earliest comment's ask
	var order []string
	taught := map[string][]*work.Contribution{}
	for i := range rep.Contributions {
		c := &rep.Contributions[i]
		login := authors[c.ID]
		if !c.Has(work.Mentoring) || c.Class != "educational" || login == "" {
			continue
		}
		k := strings.ToLower(c.Repo + " " + login)
		taught[k] = append(taught[k], c)
		if a := first[k]; a == nil {
			order = append(order, k)
			first[k] = &ghAsk{login: login, repo: c.Repo, since: c.Date}
		} else if c.Date.Before(a.since) {
			a.since = c.Date
		}
	}
	slices.Sort(order)
	if len(order) > maxMentees {
		order = order[:maxMentees]
	}
	for _, k := range order {
		a := first[k]
		a.index = len(q.Merged)
		until, _ := impact.Window(a.since, now, days)
		q.Merged = append(q.Merged, github.MergedQuery{Repo: a.repo, Login: a.login, Since: day(a.since), Until: day(until)})
		mentees = append(mentees, a)
	}

	if len(q.Workflows)+len(q.Issues)+len(q.Merged) == 0 {
		return nil, nil
	}
	ans, err := github.Measure(ctx, github.Options{
		HTTPClient: gh.HTTPClient, BaseURL: gh.APIRoot, Token: gh.Token, Now: gh.Now, Sleep: gh.Sleep, Progress: gh.Progress,
	}, q)
	if err != nil {
		return nil, err
	}
	add := func(a *ghAsk, im work.Impact) {
		if a.c != nil {
			a.c.Impact = append(a.c.Impact, im)
		} else {
			again[a.id] = append(again[a.id], im)
		}
	}
	for _, a := range usage {
		r := ans.Workflows[a.index]
		var read []impact.Run
		for _, run := range r.Read {
			read = append(read, impact.Run{ID: run.ID, URL: run.URL})
		}
		if im, ok := impact.Usage(a.work, a.file, now, days, r.Total, r.Succeeded, read); ok {
			add(a, im)
		}
	}
	for _, a := range demand {
		var issues []impact.Issue
		for k, i := range a.refs {
			if f := ans.Issues[i]; f.Found {
				issues = append(issues, impact.Issue{Ref: a.ref[k], URL: f.URL, Reactions: f.Reactions, Comments: f.Comments})
			}
		}
		if im, ok := impact.Demand(issues); ok {
			add(a, im)
		}
	}
	for _, a := range mentees {
		r := ans.Merged[a.index]
		im := impact.Mentee(a.login, a.repo, a.since, now, days, r.Total, r.URLs)
		for _, c := range taught[strings.ToLower(a.repo+" "+a.login)] {
			c.Impact = append(c.Impact, im)
		}
	}
	return ans.Warnings, nil
}

// work is the impact.Work of the commits shas (all in the window), with
// every file they changed; ok is false when one is not in the window.
func (rh *repoHistory) work(shas []string) (impact.Work, []string, bool) {
	var w impact.Work
	files := map[string]bool{}
	for _, sha := range shas {
		i, ok := rh.find(sha)
		if !ok || rh.did[i] == nil {
			return impact.Work{}, nil, false
		}
		wc := &rh.rw.Window.Commits[i]
		w.Commits = append(w.Commits, wc.SHA)
		if w.First.IsZero() || wc.CommitterDate.Before(w.First) {
			w.First = wc.CommitterDate
		}
		if wc.CommitterDate.After(w.Last) {
			w.Last = wc.CommitterDate
		}
		for _, f := range rh.did[i].files {
			files[f] = true
		}
	}
	slices.Sort(w.Commits)
	return w, sortedKeys(files), len(w.Commits) > 0
}

// deletedLast reports whether the last of shas to change f deleted it.
func (rh *repoHistory) deletedLast(shas []string, f string) bool {
	last := -1
	for _, sha := range shas {
		if i, ok := rh.find(sha); ok && slices.Contains(rh.did[i].files, f) && (last < 0 || i < last) {
			last = i // newest first: the lowest index is the latest
		}
	}
	return last >= 0 && slices.Contains(rh.did[last].deleted, f)
}
