// Package publish puts a brag document where a team will read it: an issue
// or a pull request in a GitHub repository. Running it again for the same
// user and period updates what it published before instead of adding a
// second one: each issue and pull request carries an invisible marker with
// the user and period, and a label.
package publish

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/google/go-github/v60/github"
)

// Label marks the issues and pull requests git-career publishes.
const Label = "brag-doc"

// Publisher publishes to one repository.
type Publisher struct {
	Client *github.Client
	Owner  string
	Repo   string
	// Merge, when set, folds a fresh document into the one published
	// before (report.Merge), so that what a person wrote into the issue or
	// committed on the branch is kept; nil replaces it.
	Merge func(old, fresh []byte) ([]byte, error)
}

// update is what to publish over old: the fresh document merged into it,
// or the fresh document alone when there is no Merge.
func (p *Publisher) update(old, fresh []byte) ([]byte, error) {
	if p.Merge == nil {
		return fresh, nil
	}
	merged, err := p.Merge(old, fresh)
	if err != nil {
		return nil, fmt.Errorf("the published doc cannot be merged into, so it was left as it is: %w", err)
	}
	return merged, nil
}

// New returns a publisher for "owner/name".
func New(client *github.Client, repo string) (*Publisher, error) {
	owner, name, ok := strings.Cut(repo, "/")
	if !ok || owner == "" || name == "" {
		return nil, fmt.Errorf("bad repository %q: want OWNER/NAME", repo)
	}
	return &Publisher{Client: client, Owner: owner, Repo: name}, nil
}

// Marker identifies the one issue or pull request for a user and period.
func Marker(user, period string) string {
	return fmt.Sprintf("<!-- git-career:publish user=%s period=%s -->", strings.ToLower(user), period)
}

// ErrPermission is returned when the token may not write where asked; its
// message names the workflow permissions to add.
var ErrPermission = errors.New("permission denied")

// permissionError turns a 403 into an error that says which `permissions:`
// line the workflow needs.
func permissionError(err error, what, perms string) error {
	var er *github.ErrorResponse
	if errors.As(err, &er) && er.Response != nil && er.Response.StatusCode == http.StatusForbidden {
		return fmt.Errorf("%s: %w (403): add `permissions: %s` to the workflow", what, ErrPermission, perms)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// Public reports whether the repository is public, so that items from
// private repositories are not published there by accident.
func (p *Publisher) Public(ctx context.Context) (bool, error) {
	r, _, err := p.Client.Repositories.Get(ctx, p.Owner, p.Repo)
	if err != nil {
		return false, fmt.Errorf("reading repository %s/%s: %w", p.Owner, p.Repo, err)
	}
	return !r.GetPrivate(), nil
}
