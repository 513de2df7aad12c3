package gitengine

import (
	"math"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	cgformat "github.com/go-git/go-git/v5/plumbing/format/commitgraph/v2"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/object/commitgraph"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// objectNodes is the commit graph read from the commit objects, for a
// repository without a commit-graph file: go-git's object node index,
// with each commit's header decoded when it is read (its tree, parents
// and dates, what a walk needs) and the rest of it (the message, the
// other headers) only when Commit is called, by decodeCommit.
type objectNodes struct {
	s storer.EncodedObjectStorer
}

func (x *objectNodes) Get(h plumbing.Hash) (commitgraph.CommitNode, error) {
	data, err := commitData(x.s, h)
	if err != nil {
		return nil, err
	}
	hdr, err := decodeCommit(h, data, true)
	if err != nil {
		return nil, err
	}
	return &objectNode{idx: x, data: data, hdr: hdr}, nil
}

// commitData reads a commit's content as go-git's GetCommit does (a
// missing object, or one that is not a commit, is ErrObjectNotFound),
// without a copy when it comes from a pack.
func commitData(s storer.EncodedObjectStorer, h plumbing.Hash) ([]byte, error) {
	o, err := s.EncodedObject(plumbing.CommitObject, h)
	if err != nil {
		return nil, err
	}
	if p, ok := o.(*packedObject); ok {
		return p.data, nil
	}
	return readEncoded(o)
}

// objectNode is a commit of objectNodes.
type objectNode struct {
	idx  *objectNodes
	data []byte         // the commit object, until Commit decodes it
	hdr  *object.Commit // its header: tree, parents, author, committer
	full *object.Commit
}

func (n *objectNode) ID() plumbing.Hash { return n.hdr.Hash }

func (n *objectNode) Tree() (*object.Tree, error) { return object.GetTree(n.idx.s, n.hdr.TreeHash) }

func (n *objectNode) CommitTime() time.Time { return n.hdr.Committer.When }

func (n *objectNode) NumParents() int { return len(n.hdr.ParentHashes) }

func (n *objectNode) ParentNodes() commitgraph.CommitNodeIter {
	var nodes []commitgraph.CommitNode
	var err error
	for i := range n.hdr.ParentHashes {
		var p commitgraph.CommitNode
		if p, err = n.ParentNode(i); err != nil {
			break
		}
		nodes = append(nodes, p)
	}
	return &nodeIter{nodes: nodes, err: err}
}

func (n *objectNode) ParentNode(i int) (commitgraph.CommitNode, error) {
	if i < 0 || i >= len(n.hdr.ParentHashes) {
		return nil, object.ErrParentNotFound
	}
	return n.idx.Get(n.hdr.ParentHashes[i])
}

func (n *objectNode) ParentHashes() []plumbing.Hash { return n.hdr.ParentHashes }

// Generation is go-git's for a commit outside a commit-graph: unknown.
func (n *objectNode) Generation() uint64 { return math.MaxUint64 }

func (n *objectNode) GenerationV2() uint64 { return math.MaxUint64 }

// Commit decodes the whole commit, once: later calls return the same one.
func (n *objectNode) Commit() (*object.Commit, error) {
	if n.full == nil {
		c, err := decodeCommit(n.hdr.Hash, n.data, false)
		if err != nil {
			return nil, err
		}
		n.full, n.data = c, nil
	}
	return n.full, nil
}

// NodeTree returns the root tree of a commit node when the node knows it
// without decoding its commit: a node of the commit-graph file, or one
// read from a commit object (its header is decoded).
func NodeTree(n commitgraph.CommitNode) (plumbing.Hash, bool) {
	switch n := n.(type) {
	case *objectNode:
		return n.hdr.TreeHash, true
	case *graphNode:
		return n.d.TreeHash, true
	}
	return plumbing.ZeroHash, false
}

// NodeHeader returns, for a node whose commit is not decoded whole yet,
// its commit with the header only (tree, parents, author, committer: what
// decodeCommit gives with headerOnly) and the commit object as stored;
// ok is false when it cannot (use Commit).
func NodeHeader(n commitgraph.CommitNode) (hdr *object.Commit, raw []byte, ok bool) {
	switch n := n.(type) {
	case *objectNode:
		if n.data != nil {
			return n.hdr, n.data, true
		}
	case *graphNode:
		// The commit-graph holds no authors: the object is read, and its
		// header decoded; Commit then decodes the rest of what was read.
		data, err := commitData(n.idx.objects.s, n.ID())
		if err != nil {
			return nil, nil, false
		}
		if hdr, err = decodeCommit(n.ID(), data, true); err != nil {
			return nil, nil, false
		}
		n.data = data
		return hdr, data, true
	}
	return nil, nil, false
}

// nodeIter iterates over a list of nodes, then returns err (nil: EOF).
type nodeIter struct {
	nodes []commitgraph.CommitNode
	err   error
}

func (it *nodeIter) Next() (commitgraph.CommitNode, error) {
	if len(it.nodes) == 0 {
		if it.err != nil {
			return nil, it.err
		}
		return nil, storer.ErrStop
	}
	n := it.nodes[0]
	it.nodes = it.nodes[1:]
	return n, nil
}

func (it *nodeIter) ForEach(f func(commitgraph.CommitNode) error) error {
	for {
		n, err := it.Next()
		if err == storer.ErrStop {
			return nil
		}
		if err != nil {
			return err
		}
		if err := f(n); err != nil {
			if err == storer.ErrStop {
				return nil
			}
			return err
		}
	}
}

func (it *nodeIter) Close() {}

// graphNodes is the commit graph read from the commit-graph file: each
// node's parents, date and tree come from the file, and its commit,
// when asked for, from the commit object by decodeCommit. A commit the
// file lacks (written since) is read as objectNodes reads it, as go-git's
// graph index falls back to the object.
type graphNodes struct {
	idx     cgformat.Index
	objects *objectNodes
}

func (x *graphNodes) Get(h plumbing.Hash) (commitgraph.CommitNode, error) {
	i, err := x.idx.GetIndexByHash(h)
	if err != nil {
		return x.objects.Get(h)
	}
	d, err := x.idx.GetCommitDataByIndex(i)
	if err != nil {
		return nil, err
	}
	return &graphNode{id: h, d: d, idx: x}, nil
}

type graphNode struct {
	id   plumbing.Hash
	d    *cgformat.CommitData
	idx  *graphNodes
	data []byte // the commit object, when NodeHeader read it
}

func (n *graphNode) ID() plumbing.Hash { return n.id }

func (n *graphNode) Tree() (*object.Tree, error) {
	return object.GetTree(n.idx.objects.s, n.d.TreeHash)
}

func (n *graphNode) CommitTime() time.Time { return n.d.When }

func (n *graphNode) NumParents() int { return len(n.d.ParentIndexes) }

func (n *graphNode) ParentNodes() commitgraph.CommitNodeIter {
	var nodes []commitgraph.CommitNode
	var err error
	for i := range n.d.ParentHashes {
		var p commitgraph.CommitNode
		if p, err = n.ParentNode(i); err != nil {
			break
		}
		nodes = append(nodes, p)
	}
	return &nodeIter{nodes: nodes, err: err}
}

func (n *graphNode) ParentNode(i int) (commitgraph.CommitNode, error) {
	if i < 0 || i >= len(n.d.ParentHashes) {
		return nil, object.ErrParentNotFound
	}
	return n.idx.Get(n.d.ParentHashes[i])
}

func (n *graphNode) ParentHashes() []plumbing.Hash { return n.d.ParentHashes }

func (n *graphNode) Generation() uint64 { return n.d.Generation }

func (n *graphNode) GenerationV2() uint64 { return n.d.GenerationV2 }

func (n *graphNode) Commit() (*object.Commit, error) {
	data := n.data
	if data == nil {
		var err error
		if data, err = commitData(n.idx.objects.s, n.id); err != nil {
			return nil, err
		}
	}
	return decodeCommit(n.id, data, false)
}
