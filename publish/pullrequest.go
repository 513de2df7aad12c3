package publish

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/google/go-github/v60/github"
)

// Branch is where the document of a user and period is committed.
func Branch(user, period string) string {
	return "git-career/" + strings.ToLower(user) + "/" + period
}

// PullRequest commits the document at path on the user's and period's
// branch, and opens a pull request for it, or updates the one open. It
// returns the pull request's URL and whether it was created.
func (p *Publisher) PullRequest(ctx context.Context, user, period, path, title string, doc []byte) (string, bool, error) {
	const perms = "contents: write, pull-requests: write"
	repo, _, err := p.Client.Repositories.Get(ctx, p.Owner, p.Repo)
	if err != nil {
		return "", false, fmt.Errorf("reading repository %s/%s: %w", p.Owner, p.Repo, err)
	}
	base := repo.GetDefaultBranch()
	branch := Branch(user, period)
	if err := p.ensureBranch(ctx, branch, base); err != nil {
		return "", false, permissionError(err, "creating branch "+branch, perms)
	}
	msg := title
	opts := &github.RepositoryContentFileOptions{Message: &msg, Content: doc, Branch: &branch}
	cur, _, resp, err := p.Client.Repositories.GetContents(ctx, p.Owner, p.Repo, path, &github.RepositoryContentGetOptions{Ref: branch})
	switch {
	case err == nil && cur != nil:
		content, err := cur.GetContent()
		if err != nil {
			return "", false, fmt.Errorf("reading %s on %s: %w", path, branch, err)
		}
		// What a person committed on the branch since is kept.
		merged, err := p.update([]byte(content), doc)
		if err != nil {
			return "", false, err
		}
		if string(merged) == content {
			break // already there: no empty commit
		}
		opts.Content = merged
		opts.SHA = cur.SHA
		if _, _, err := p.Client.Repositories.UpdateFile(ctx, p.Owner, p.Repo, path, opts); err != nil {
			return "", false, permissionError(err, "committing "+path, perms)
		}
	case resp != nil && resp.StatusCode == http.StatusNotFound:
		if _, _, err := p.Client.Repositories.CreateFile(ctx, p.Owner, p.Repo, path, opts); err != nil {
			return "", false, permissionError(err, "committing "+path, perms)
		}
	default:
		return "", false, fmt.Errorf("reading %s on %s: %w", path, branch, err)
	}

	body := fmt.Sprintf("The brag document of @%s for %s, written by git-career: `%s`.\n\n%s\n", user, period, path, Marker(user, period))
	open, _, err := p.Client.PullRequests.List(ctx, p.Owner, p.Repo, &github.PullRequestListOptions{State: "open", Head: p.Owner + ":" + branch})
	if err != nil {
		return "", false, permissionError(err, "listing pull requests", perms)
	}
	if len(open) > 0 {
		if open[0].GetTitle() == title && open[0].GetBody() == body {
			return open[0].GetHTMLURL(), false, nil // nothing to change
		}
		pr, _, err := p.Client.PullRequests.Edit(ctx, p.Owner, p.Repo, open[0].GetNumber(), &github.PullRequest{Title: &title, Body: &body})
		if err != nil {
			return "", false, permissionError(err, "updating the pull request", perms)
		}
		return pr.GetHTMLURL(), false, nil
	}
	pr, _, err := p.Client.PullRequests.Create(ctx, p.Owner, p.Repo, &github.NewPullRequest{Title: &title, Head: &branch, Base: &base, Body: &body})
	if err != nil {
		return "", false, permissionError(err, "opening the pull request", perms)
	}
	return pr.GetHTMLURL(), true, nil
}

// ensureBranch creates branch at the tip of base unless it exists.
func (p *Publisher) ensureBranch(ctx context.Context, branch, base string) error {
	_, resp, err := p.Client.Git.GetRef(ctx, p.Owner, p.Repo, "refs/heads/"+branch)
	if err == nil {
		return nil
	}
	if resp == nil || resp.StatusCode != http.StatusNotFound {
		return err
	}
	baseRef, _, err := p.Client.Git.GetRef(ctx, p.Owner, p.Repo, "refs/heads/"+base)
	if err != nil {
		return fmt.Errorf("reading branch %s: %w", base, err)
	}
	ref := "refs/heads/" + branch
	_, _, err = p.Client.Git.CreateRef(ctx, p.Owner, p.Repo, &github.Reference{Ref: &ref, Object: &github.GitObject{SHA: baseRef.Object.SHA}})
	var er *github.ErrorResponse
	if errors.As(err, &er) && er.Response != nil && er.Response.StatusCode == http.StatusUnprocessableEntity {
		return nil // created meanwhile by a concurrent run
	}
	return err
}
