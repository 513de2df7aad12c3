package history

import (
	"bytes"
	"crypto/sha1"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/object/commitgraph"

	"github.com/git-career/git-career/internal/gitengine"
)

// mainline tells, during the walk, which commits the mainline reaches and
// how each got there, in one pass: no walk of its own per merge.
//
// The mainline's first-parent chain (from each mainline tip) is the
// "chain". Every other commit the mainline reaches is reached through a
// merge on the chain, by a parent other than its first: it came in with
// the oldest such merge (a newer one also reaching it reaches it through
// its first parent, the chain). The walk visits a commit's children before
// the commit, newest committer time first, so each commit hands its marks
// to its parents before they are visited: the chain to its first parent,
// and the merge it came in with to all of them (a merge on the chain, to
// its other parents: itself).
type mainline struct {
	chain map[plumbing.Hash]bool
	via   map[plumbing.Hash]mergeMark
}

// mergeMark is the merge on the chain a commit came in with.
type mergeMark struct {
	when  time.Time     // the merge's committer date
	pr    int           // its pull request ("Merge pull request #12"), or 0
	merge plumbing.Hash // the merge
}

// older is the mark of the older merge of a and b (ok: a is set).
func older(a mergeMark, ok bool, b mergeMark) mergeMark {
	if ok && !b.when.Before(a.when) {
		return a
	}
	return b
}

// placement is where a commit counts: when, in which pull request, and
// whether it shipped.
type placement struct {
	when     time.Time
	pr       int
	unmerged bool
	// merge is the merge on the chain that brought the commit in, when
	// one did (zero for a commit on the chain, or unmerged).
	merge plumbing.Hash
}

func newMainline(tips []gitengine.Tip) *mainline {
	ml := &mainline{chain: map[plumbing.Hash]bool{}, via: map[plumbing.Hash]mergeMark{}}
	for _, t := range tips {
		ml.chain[t.Hash] = true
	}
	return ml
}

// visit hands n's marks to its parents and says where n counts. commit
// reads n in full (merges on the chain are read for their pull request;
// other commits only for their dates).
func (ml *mainline) visit(n commitgraph.CommitNode, commit func() (*object.Commit, error)) (placement, error) {
	id := n.ID()
	parents := n.ParentHashes()
	onChain := ml.chain[id]
	mark, viaMerge := ml.via[id]
	delete(ml.via, id) // visited once: the mark is not wanted again
	switch {
	case onChain:
		if len(parents) > 0 {
			ml.chain[parents[0]] = true
		}
		if len(parents) > 1 {
			c, err := commit()
			if err != nil {
				return placement{}, err
			}
			m := mergeMark{when: c.Committer.When, merge: id}
			if num, ok := mergePR(c.Message); ok {
				m.pr = num
			}
			for _, p := range parents[1:] {
				old, ok := ml.via[p]
				ml.via[p] = older(old, ok, m)
			}
		}
	case viaMerge:
		for _, p := range parents {
			old, ok := ml.via[p]
			ml.via[p] = older(old, ok, mark)
		}
	}
	if len(parents) > 1 {
		return placement{}, nil // a merge counts nowhere
	}
	c, err := commit()
	if err != nil {
		return placement{}, err
	}
	place := placement{when: c.Author.When}
	switch {
	case onChain:
		// A squash or rebase merge names its pull request: it shipped
		// when it was committed to the mainline.
		if num, ok := squashPR(firstLineOf(c.Message)); ok {
			place.when, place.pr = c.Committer.When, num
		}
	case viaMerge && mark.pr > 0:
		place.when, place.pr, place.merge = mark.when, mark.pr, mark.merge
	case viaMerge:
		// Merged with a plain merge ("Merge branch 'x'"): no pull request
		// to count it with, so it counts when it was written.
		place.merge = mark.merge
	default:
		place.unmerged = true
	}
	return place, nil
}

func firstLineOf(msg string) string {
	line, _, _ := strings.Cut(msg, "\n")
	return strings.TrimSpace(line)
}

// appendTip adds t to tips unless a tip already points where it does.
func appendTip(tips []gitengine.Tip, t gitengine.Tip) []gitengine.Tip {
	for _, x := range tips {
		if x.Hash == t.Hash {
			return tips
		}
	}
	return append(tips, t)
}

// sortedHashes is the set in a fixed order, so that a run reads the same
// way every time.
func sortedHashes[V any](set map[plumbing.Hash]V) []plumbing.Hash {
	out := make([]plumbing.Hash, 0, len(set))
	for h := range set {
		out = append(out, h)
	}
	sort.Slice(out, func(i, j int) bool { return bytes.Compare(out[i][:], out[j][:]) < 0 })
	return out
}

// copiesOfMainline returns the unmerged candidates that are the same work
// as a mainline one, and all but one of several unmerged copies of one
// commit. Two commits are the same work when they have the same author,
// author date and subject (what a rebase or a cherry-pick keeps), or
// leave the same files with the same contents (what a rebase onto an
// unchanged base, or a squash of a whole branch into one commit, gives).
// A branch's unmerged commits together, compared with a mainline commit,
// find a branch that was squash-merged.
func copiesOfMainline(cands []candidate, results []gitengine.Diff) map[string]bool {
	mainKeys, mainResults := map[string]bool{}, map[string]bool{}
	for i, cd := range cands {
		if cd.unmerged {
			continue
		}
		mainKeys[workKey(cd.commit)] = true
		if fp := fingerprint(results[i].Files); fp != "" {
			mainResults[fp] = true
		}
	}
	drop := map[string]bool{}
	seen := map[string]bool{}
	byTip := map[int][]int{}
	for i, cd := range cands {
		if !cd.unmerged {
			continue
		}
		k := workKey(cd.commit)
		if mainKeys[k] || seen[k] {
			drop[cd.commit.Hash.String()] = true
			continue
		}
		seen[k] = true
		if mainResults[fingerprint(results[i].Files)] {
			drop[cd.commit.Hash.String()] = true
		}
		// A commit that is a mainline one by its result still belongs to
		// its branch's result, below.
		byTip[cd.tip] = append(byTip[cd.tip], i)
	}
	for _, members := range byTip {
		// The branch's result: each path as its newest commit left it
		// (the walk lists the newest first).
		final := map[string]gitengine.FileChange{}
		for _, i := range members {
			for _, f := range results[i].Files {
				if _, ok := final[f.Path]; !ok {
					final[f.Path] = f
				}
			}
		}
		var files []gitengine.FileChange
		for _, f := range final {
			files = append(files, f)
		}
		if fp := fingerprint(files); fp != "" && mainResults[fp] {
			for _, i := range members {
				drop[cands[i].commit.Hash.String()] = true
			}
		}
	}
	return drop
}

// workKey names a piece of work by what copies of a commit keep: its
// author, author date and subject (a pull request suffix left out).
func workKey(c *object.Commit) string {
	subject := firstLineOf(c.Message)
	if i := squashPRRe.FindStringIndex(subject); i != nil {
		subject = strings.TrimSpace(subject[:i[0]])
	}
	return strings.ToLower(c.Author.Email) + "\x00" + c.Author.When.UTC().Format(time.RFC3339) + "\x00" + subject
}

// fingerprint names what a change left behind: each changed path with
// the blob it holds afterwards (none when deleted). "" for no files.
func fingerprint(files []gitengine.FileChange) string {
	if len(files) == 0 {
		return ""
	}
	lines := make([]string, len(files))
	for i, f := range files {
		lines[i] = f.Path + "\x00" + f.To.String()
	}
	sort.Strings(lines)
	sum := sha1.Sum([]byte(strings.Join(lines, "\n")))
	return string(sum[:])
}

// landedTogether finds the person's commits that reached the mainline in
// one go: on the mainline, in no pull request it could name, with the
// same committer and the same commit time (to the second) as another of
// theirs by the same author, as a rebase merge writes a branch's commits.
// It maps each such commit to its batch's name.
func landedTogether(cands []candidate, drop map[string]bool) map[string]string {
	key := func(cd candidate) string {
		c := cd.commit
		return strings.ToLower(c.Committer.Email) + "\x00" + c.Committer.When.UTC().Format(time.RFC3339) + "\x00" + strings.ToLower(cd.author.Email)
	}
	count := map[string]int{}
	for _, cd := range cands {
		if !cd.unmerged && cd.pr == 0 && !cd.credited && !drop[cd.commit.Hash.String()] {
			count[key(cd)]++
		}
	}
	out := map[string]string{}
	for _, cd := range cands {
		if k := key(cd); !cd.unmerged && cd.pr == 0 && !cd.credited && count[k] > 1 {
			out[cd.commit.Hash.String()] = cd.commit.Committer.When.UTC().Format(time.RFC3339) + " " + strings.ToLower(cd.commit.Committer.Email)
		}
	}
	return out
}
