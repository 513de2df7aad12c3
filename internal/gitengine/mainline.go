package gitengine

import (
	"errors"
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
)

// mainlineRemotes are the remotes whose HEAD names the default branch, in
// the order they are asked: in a fork, upstream's is the project's.
var mainlineRemotes = []string{"upstream", "origin"}

// mainlineNames are the usual names of a default branch, asked when no
// remote says which it is.
var mainlineNames = []string{"main", "master", "trunk"}

// Mainline is the default branch, where work has shipped once it is
// there: the remote's HEAD (upstream's, else origin's; in a bare clone or
// mirror, HEAD itself), else main, master or trunk, else HEAD. Its tips
// are the remote-tracking branch and the local branch of that name, those
// that exist; name is the branch's short name ("main"), or "HEAD".
//
// An empty repository has no mainline: no tips, no error.
func (r *Repo) Mainline() (tips []Tip, name string, err error) {
	ref := func(n plumbing.ReferenceName) (plumbing.Hash, bool) {
		rf, err := r.repo.Reference(n, true)
		if err != nil {
			return plumbing.ZeroHash, false
		}
		return rf.Hash(), true
	}
	branchTips := func(remote, branch string) []Tip {
		var out []Tip
		if remote != "" {
			if h, ok := ref(plumbing.NewRemoteReferenceName(remote, branch)); ok {
				out = append(out, Tip{h, remote + "/" + branch})
			}
		}
		if h, ok := ref(plumbing.NewBranchReferenceName(branch)); ok && (len(out) == 0 || out[0].Hash != h) {
			out = append(out, Tip{h, branch})
		}
		return out
	}
	for _, remote := range mainlineRemotes {
		head, err := r.repo.Reference(plumbing.NewRemoteHEADReferenceName(remote), false)
		if err != nil || head.Type() != plumbing.SymbolicReference {
			continue
		}
		target := head.Target()
		prefix := "refs/remotes/" + remote + "/"
		if len(target) > len(prefix) && string(target[:len(prefix)]) == prefix {
			branch := string(target[len(prefix):])
			if t := branchTips(remote, branch); len(t) > 0 {
				return t, branch, nil
			}
		}
	}
	head, headErr := r.repo.Reference(plumbing.HEAD, false)
	if headErr != nil && !errors.Is(headErr, plumbing.ErrReferenceNotFound) {
		return nil, "", fmt.Errorf("reading HEAD: %w", headErr)
	}
	if r.bare && headErr == nil && head.Type() == plumbing.SymbolicReference && head.Target().IsBranch() {
		// A bare clone or mirror copied the remote's HEAD.
		branch := head.Target().Short()
		if t := branchTips("", branch); len(t) > 0 {
			return t, branch, nil
		}
	}
	for _, branch := range mainlineNames {
		for _, remote := range mainlineRemotes {
			if t := branchTips(remote, branch); len(t) > 0 {
				return t, branch, nil
			}
		}
	}
	if h, ok := ref(plumbing.HEAD); ok {
		name := "HEAD"
		if head != nil && head.Type() == plumbing.SymbolicReference {
			name = head.Target().Short()
		}
		return []Tip{{h, name}}, name, nil
	}
	return nil, "", nil
}
