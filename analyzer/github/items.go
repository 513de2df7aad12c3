package github

import (
	"context"
	"fmt"
	"strings"
	"time"

	gh "github.com/google/go-github/v60/github"
)

func labelNames(it *gh.Issue) []string {
	var out []string
	for _, l := range it.Labels {
		out = append(out, l.GetName())
	}
	return out
}

func (g *ghReader) isUser(u *gh.User) bool { return strings.EqualFold(u.GetLogin(), g.login) }

func tsTime(t *gh.Timestamp) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.Time
}

// item starts the conversion of a search result: its repository, and
// whether to skip it (repository gone, or created outside the period).
func (g *ghReader) item(ctx context.Context, it *gh.Issue, checkCreated bool) (string, *repoInfo, bool, error) {
	if checkCreated && !g.opt.Period.Contains(it.GetCreatedAt().Time) {
		return "", nil, false, nil
	}
	full := repoOf(it)
	if full == "" {
		return "", nil, false, nil
	}
	info, err := g.repo(ctx, full)
	if err != nil || info.missing {
		return "", nil, false, err
	}
	return full, info, true, nil
}

func (g *ghReader) addPullRequest(ctx context.Context, it *gh.Issue) error {
	full, info, ok, err := g.item(ctx, it, true)
	if !ok {
		return err
	}
	pr := PullRequest{
		Repo: full, Number: it.GetNumber(), URL: it.GetHTMLURL(), Title: it.GetTitle(),
		Body: it.GetBody(), State: it.GetState(), Draft: it.GetDraft(), Labels: labelNames(it),
		CreatedAt: it.GetCreatedAt().Time, ClosedAt: tsTime(it.ClosedAt), Private: info.private,
	}
	if links := it.GetPullRequestLinks(); links != nil && links.MergedAt != nil {
		pr.State, pr.MergedAt = "merged", links.MergedAt.Time
	}
	g.ev.PullRequests = append(g.ev.PullRequests, pr)
	return nil
}

func (g *ghReader) addIssue(ctx context.Context, it *gh.Issue) error {
	full, info, ok, err := g.item(ctx, it, true)
	if !ok {
		return err
	}
	g.ev.Issues = append(g.ev.Issues, Issue{
		Repo: full, Number: it.GetNumber(), URL: it.GetHTMLURL(), Title: it.GetTitle(),
		Body: it.GetBody(), State: it.GetState(), StateReason: it.GetStateReason(),
		Labels: labelNames(it), CreatedAt: it.GetCreatedAt().Time, ClosedAt: tsTime(it.ClosedAt),
		Private: info.private,
	})
	return nil
}

// addReviews reads a reviewed pull request's reviews and inline comments:
// two requests when each fits one page, as most do.
func (g *ghReader) addReviews(ctx context.Context, it *gh.Issue) error {
	full, info, ok, err := g.item(ctx, it, false)
	if !ok {
		return err
	}
	owner, name, _ := strings.Cut(full, "/")
	num := it.GetNumber()
	lo := gh.ListOptions{PerPage: perPage}
	for {
		reviews, resp, err := g.client.PullRequests.ListReviews(ctx, owner, name, num, &lo)
		if notFound(err) {
			g.warnMissing(full)
			return nil
		}
		if err != nil {
			return g.fail(fmt.Sprintf("read reviews of %s#%d", full, num), err)
		}
		for _, r := range reviews {
			if !g.isUser(r.User) || !g.opt.Period.Contains(r.GetSubmittedAt().Time) {
				continue
			}
			g.ev.Reviews = append(g.ev.Reviews, Review{
				ID: r.GetID(), Repo: full, PRNumber: num, PRTitle: it.GetTitle(),
				PRAuthor: it.GetUser().GetLogin(), URL: r.GetHTMLURL(), State: r.GetState(),
				Body: r.GetBody(), SubmittedAt: r.GetSubmittedAt().Time, Private: info.private,
			})
		}
		if resp.NextPage == 0 {
			break
		}
		lo.Page = resp.NextPage
	}
	// Since filters on updated_at, never later than creation: it only
	// saves pages.
	co := gh.PullRequestListCommentsOptions{Since: g.opt.Period.Since, ListOptions: gh.ListOptions{PerPage: perPage}}
	for {
		comments, resp, err := g.client.PullRequests.ListComments(ctx, owner, name, num, &co)
		if notFound(err) {
			g.warnMissing(full)
			return nil
		}
		if err != nil {
			return g.fail(fmt.Sprintf("read review comments of %s#%d", full, num), err)
		}
		for _, c := range comments {
			if !g.isUser(c.User) || !g.opt.Period.Contains(c.GetCreatedAt().Time) {
				continue
			}
			g.ev.ReviewComments = append(g.ev.ReviewComments, ReviewComment{
				ID: c.GetID(), Repo: full, PRNumber: num, PRTitle: it.GetTitle(),
				PRAuthor: it.GetUser().GetLogin(), URL: c.GetHTMLURL(), Path: c.GetPath(),
				Body: c.GetBody(), InReplyTo: c.GetInReplyTo(), CreatedAt: c.GetCreatedAt().Time,
				Private: info.private,
			})
		}
		if resp.NextPage == 0 {
			break
		}
		co.Page = resp.NextPage
	}
	return nil
}

// addIssueComments reads the user's comments in one conversation.
func (g *ghReader) addIssueComments(ctx context.Context, it *gh.Issue) error {
	full, info, ok, err := g.item(ctx, it, false)
	if !ok {
		return err
	}
	owner, name, _ := strings.Cut(full, "/")
	num := it.GetNumber()
	since := g.opt.Period.Since
	lo := gh.IssueListCommentsOptions{Since: &since, ListOptions: gh.ListOptions{PerPage: perPage}}
	for {
		comments, resp, err := g.client.Issues.ListComments(ctx, owner, name, num, &lo)
		if notFound(err) {
			g.warnMissing(full)
			return nil
		}
		if err != nil {
			return g.fail(fmt.Sprintf("read comments of %s#%d", full, num), err)
		}
		for _, c := range comments {
			if !g.isUser(c.User) || !g.opt.Period.Contains(c.GetCreatedAt().Time) {
				continue
			}
			g.ev.IssueComments = append(g.ev.IssueComments, IssueComment{
				ID: c.GetID(), Repo: full, Number: num, IsPR: it.IsPullRequest(), Title: it.GetTitle(),
				IssueAuthor: it.GetUser().GetLogin(), URL: c.GetHTMLURL(), Body: c.GetBody(),
				CreatedAt: c.GetCreatedAt().Time, Private: info.private,
			})
		}
		if resp.NextPage == 0 {
			break
		}
		lo.Page = resp.NextPage
	}
	return nil
}
