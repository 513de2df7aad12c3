package analyzer

// TEMPORARY: go-git's own Commit.Stats, until the fast tree diff lands.

import (
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

func commitFiles(_ storer.EncodedObjectStorer, c *object.Commit) ([]FileChange, error) {
	st, err := c.Stats()
	if err != nil {
		return nil, err
	}
	var out []FileChange
	for _, s := range st {
		out = append(out, FileChange{Path: s.Name, Additions: s.Addition, Deletions: s.Deletion})
	}
	return out, nil
}
