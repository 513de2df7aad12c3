package github

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"
	"time"

	gh "github.com/google/go-github/v60/github"
)

// What the impact measures ask of GitHub (see package impact): the runs of
// a workflow the person added or changed, the issues a pull request
// closed, and the pull requests merged since by someone the person taught.

// WorkflowQuery asks for the runs of one workflow (its file, as in
// ".github/workflows/deploy.yml") in a range of days, both ends included.
type WorkflowQuery struct {
	Repo         string // "owner/name"
	File         string
	Since, Until time.Time
}

// IssueQuery asks for one issue's reactions and comments.
type IssueQuery struct {
	Repo   string
	Number int
}

// MergedQuery asks for the pull requests an author merged in a repository
// in a range of days.
type MergedQuery struct {
	Repo, Login  string
	Since, Until time.Time
}

// Queries is everything the measures ask, each answered in order.
type Queries struct {
	Workflows []WorkflowQuery
	Issues    []IssueQuery
	Merged    []MergedQuery
}

// Runs is a workflow's runs in the range asked: how many, how many
// succeeded, and the runs read (the first maxRunPages pages).
type Runs struct {
	Found     bool // the workflow exists
	Total     int
	Succeeded int
	Read      []Run
	URL       string // the workflow's page of runs; "" when none was read
}

// Run is one workflow run.
type Run struct {
	ID         int64
	URL        string
	Conclusion string
}

// IssueFacts is what an issue drew.
type IssueFacts struct {
	Found     bool // an issue (not a pull request) that exists
	Title     string
	URL       string
	Reactions int
	Comments  int
}

// MergedPRs are the pull requests an author merged.
type MergedPRs struct {
	Total int
	URLs  []string // the first page of them
}

// Answers are the answers to Queries, index for index.
type Answers struct {
	Workflows []Runs
	Issues    []IssueFacts
	Merged    []MergedPRs
	Requests  int // HTTP requests made, 304s included
	Warnings  []string
}

// maxRunPages bounds the pages of runs read for one workflow (100 runs a
// page): the counts come from GitHub's totals, the runs read are the
// evidence.
const maxRunPages = 3

// Measure asks GitHub what the impact measures need (see Queries): two
// to four requests a workflow, one an issue, one search an author (paced
// at 30 a minute). A workflow, issue or repository that is not there (or
// not visible to the token) is answered as not found, with a warning. Like
// Read, it needs opt.Now and opt.Sleep, and reads no clock.
func Measure(ctx context.Context, opt Options, q Queries) (*Answers, error) {
	if opt.Now == nil || opt.Sleep == nil {
		return nil, errors.New("github: options need Now and Sleep")
	}
	client, lim, err := newClient(opt)
	if err != nil {
		return nil, err
	}
	g := &ghReader{client: client, lim: lim, opt: opt, repos: map[string]*repoInfo{}, warned: map[string]bool{}, ev: &Evidence{}}
	a := &Answers{}
	defer func() { a.Requests, a.Warnings = lim.requests, g.ev.Warnings }()
	for _, w := range q.Workflows {
		r, err := g.runs(ctx, w)
		if err != nil {
			return nil, err
		}
		a.Workflows = append(a.Workflows, r)
	}
	for _, is := range q.Issues {
		f, err := g.issueFacts(ctx, is)
		if err != nil {
			return nil, err
		}
		a.Issues = append(a.Issues, f)
	}
	for _, m := range q.Merged {
		f, err := g.merged(ctx, m)
		if err != nil {
			return nil, err
		}
		a.Merged = append(a.Merged, f)
	}
	return a, nil
}

// created is the Actions API's created filter for a range of days.
func created(since, until time.Time) string {
	return since.Format(time.DateOnly) + ".." + until.Format(time.DateOnly)
}

// runs counts a workflow's runs in the range, and those that succeeded.
func (g *ghReader) runs(ctx context.Context, w WorkflowQuery) (Runs, error) {
	owner, name, _ := strings.Cut(w.Repo, "/")
	file := path.Base(w.File)
	var out Runs
	lo := &gh.ListWorkflowRunsOptions{Created: created(w.Since, w.Until), ListOptions: gh.ListOptions{PerPage: perPage}}
	for page := 0; page < maxRunPages; page++ {
		res, resp, err := g.client.Actions.ListWorkflowRunsByFileName(ctx, owner, name, file, lo)
		if notFound(err) {
			g.warn(fmt.Sprintf("github: workflow %s of %s not found or not visible to this token; its runs are not counted", file, w.Repo))
			return Runs{}, nil
		}
		if err != nil {
			return Runs{}, g.fail(fmt.Sprintf("list the runs of %s in %s", file, w.Repo), err)
		}
		out.Found, out.Total = true, res.GetTotalCount()
		for _, r := range res.WorkflowRuns {
			if base, _, ok := strings.Cut(r.GetHTMLURL(), "/actions/runs/"); ok && out.URL == "" {
				out.URL = base + "/actions/workflows/" + file
			}
			out.Read = append(out.Read, Run{ID: r.GetID(), URL: r.GetHTMLURL(), Conclusion: r.GetConclusion()})
			if r.GetConclusion() == "success" {
				out.Succeeded++
			}
		}
		if resp.NextPage == 0 {
			return out, nil
		}
		lo.Page = resp.NextPage
	}
	if len(out.Read) == out.Total {
		return out, nil
	}
	// More runs than were read: GitHub counts those that succeeded.
	lo = &gh.ListWorkflowRunsOptions{Created: created(w.Since, w.Until), Status: "success", ListOptions: gh.ListOptions{PerPage: 1}}
	res, _, err := g.client.Actions.ListWorkflowRunsByFileName(ctx, owner, name, file, lo)
	if err != nil {
		return Runs{}, g.fail(fmt.Sprintf("count the successful runs of %s in %s", file, w.Repo), err)
	}
	out.Succeeded = res.GetTotalCount()
	return out, nil
}

// issueFacts reads one issue's reactions and comments.
func (g *ghReader) issueFacts(ctx context.Context, q IssueQuery) (IssueFacts, error) {
	owner, name, _ := strings.Cut(q.Repo, "/")
	is, _, err := g.client.Issues.Get(ctx, owner, name, q.Number)
	if notFound(err) {
		g.warn(fmt.Sprintf("github: issue %s#%d not found or not visible to this token", q.Repo, q.Number))
		return IssueFacts{}, nil
	}
	if err != nil {
		return IssueFacts{}, g.fail(fmt.Sprintf("read issue %s#%d", q.Repo, q.Number), err)
	}
	if is.IsPullRequest() {
		return IssueFacts{}, nil
	}
	return IssueFacts{Found: true, Title: is.GetTitle(), URL: is.GetHTMLURL(),
		Reactions: is.GetReactions().GetTotalCount(), Comments: is.GetComments()}, nil
}

// merged counts the pull requests an author merged in a repository in a
// range of days, with one search.
func (g *ghReader) merged(ctx context.Context, q MergedQuery) (MergedPRs, error) {
	query := fmt.Sprintf("is:pr author:%s repo:%s merged:%s", q.Login, q.Repo, created(q.Since, q.Until))
	res, _, err := g.client.Search.Issues(ctx, query, &gh.SearchOptions{ListOptions: gh.ListOptions{PerPage: perPage}})
	if err != nil {
		var er *gh.ErrorResponse
		if errors.As(err, &er) && er.Response != nil && er.Response.StatusCode == 422 {
			// An author or repository search refuses (gone, renamed).
			g.warn(fmt.Sprintf("github: search %q refused; not counted", query))
			return MergedPRs{}, nil
		}
		return MergedPRs{}, g.fail(fmt.Sprintf("search %q", query), err)
	}
	out := MergedPRs{Total: res.GetTotal()}
	for _, it := range res.Issues {
		out.URLs = append(out.URLs, it.GetHTMLURL())
	}
	return out, nil
}
