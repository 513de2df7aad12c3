package publish

import (
	"context"
	"strings"

	"github.com/google/go-github/v60/github"
)

// Issue opens an issue with the document, or updates the one opened before
// for the same user and period. It returns the issue's URL and whether it
// was created.
func (p *Publisher) Issue(ctx context.Context, user, period, title, doc string) (string, bool, error) {
	marker := Marker(user, period)
	existing, err := p.findIssue(ctx, marker)
	if err != nil {
		return "", false, err
	}
	if existing != nil {
		// What a person wrote into the issue since is kept.
		old := strings.TrimSuffix(strings.TrimSuffix(existing.GetBody(), "\n"), marker)
		merged, err := p.update([]byte(strings.TrimSuffix(old, "\n")), []byte(doc))
		if err != nil {
			return "", false, err
		}
		body := string(merged) + "\n" + marker + "\n"
		if body == existing.GetBody() && title == existing.GetTitle() {
			return existing.GetHTMLURL(), false, nil // nothing new
		}
		req := &github.IssueRequest{Title: &title, Body: &body}
		is, _, err := p.Client.Issues.Edit(ctx, p.Owner, p.Repo, existing.GetNumber(), req)
		if err != nil {
			return "", false, permissionError(err, "updating the brag-doc issue", "issues: write")
		}
		return is.GetHTMLURL(), false, nil
	}
	labels := []string{Label}
	body := doc + "\n" + marker + "\n"
	is, _, err := p.Client.Issues.Create(ctx, p.Owner, p.Repo, &github.IssueRequest{Title: &title, Body: &body, Labels: &labels})
	if err != nil {
		return "", false, permissionError(err, "creating the brag-doc issue", "issues: write")
	}
	return is.GetHTMLURL(), true, nil
}

// findIssue looks for the marker among the issues labelled brag-doc, open
// or closed. A token that may not set labels has them dropped silently, so
// the most recent issues are searched too.
func (p *Publisher) findIssue(ctx context.Context, marker string) (*github.Issue, error) {
	for _, labels := range [][]string{{Label}, nil} {
		opt := &github.IssueListByRepoOptions{State: "all", Labels: labels, ListOptions: github.ListOptions{PerPage: 100}}
		for {
			issues, resp, err := p.Client.Issues.ListByRepo(ctx, p.Owner, p.Repo, opt)
			if err != nil {
				return nil, permissionError(err, "listing issues", "issues: write")
			}
			for _, is := range issues {
				if !is.IsPullRequest() && strings.Contains(is.GetBody(), marker) {
					return is, nil
				}
			}
			// Unlabelled issues: only the newest page, a bounded cost.
			if resp.NextPage == 0 || labels == nil {
				break
			}
			opt.Page = resp.NextPage
		}
	}
	return nil, nil
}
