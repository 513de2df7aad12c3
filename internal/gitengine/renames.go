package gitengine

import (
	"slices"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// Rename detection with the defaults of `git log` (git 2.39: diff.renames
// on, -M50%, diff.renameLimit 1000, no copies, no break). Only a path that
// disappears and a path that appears can form a rename; a path changed in
// place never does. Pairs are found in three rounds, each on what the
// rounds before left unpaired:
//
//  1. same blob: an added path takes a deleted one with the identical blob
//     (and, unless both are regular files, the same mode), preferring one
//     with the same file name;
//  2. same file name: where a file name is borne by exactly one deleted
//     and one added path, they pair if at least 75% alike;
//  3. the matrix: unless it would exceed the rename limit's square, every
//     added path is scored against every deleted one, each keeps its four
//     best, and pairs are taken best first down to 50%.
//
// Likeness is git's estimate, not a diff (see chunkProfile): the share of
// the bigger file's bytes found, as whole chunks, in the other.

// Scores are on git's scale: scoreMax is 100%.
const (
	scoreMax          = 60000.0
	renameMinScore    = 30000 // -M's default, 50%
	basenameMinScore  = 45000 // halfway from renameMinScore to 100%
	renameLimit       = 1000  // diff.renameLimit's default
	sameBlobTries     = 100   // same-blob sources looked at per added path
	candidatesKept    = 4     // best sources remembered per added path
	chunkMaxBytes     = 64    // a chunk ends at a newline or at this length
	chunkHashModulus  = 107927
	chunkHashMultiple = 0x61
)

// renameEnd is a deleted path (a source) or an added one (a target).
type renameEnd struct {
	change int // index in the commit's changes
	path   string
	side   treeSide
	pair   int // a source's target or a target's source; -1 while unpaired

	// What the likeness estimate needs, read on first use.
	read     bool
	data     []byte
	bad      bool // the blob could not be read: alike to nothing
	profile  []chunkCount
	profiled bool // profile is computed
}

// renameFinder pairs the deleted and added paths of one commit.
type renameFinder struct {
	s       storer.EncodedObjectStorer
	attrs   *gitAttrs
	sources []renameEnd // in the order of the changes, which is git's
	targets []renameEnd
	err     error // the first failure other than a missing object
	// blobs keeps what was read for the estimates, for the line counts
	// that follow: every blob of an added or deleted path is read for
	// those anyway, so the estimates cost no extra read.
	blobs     map[plumbing.Hash][]byte
	blobBytes int
	// spread holds one target's profile by hash value (see likeness);
	// spreadOf is that target. scratch is chunkProfile's.
	spread, scratch *chunkTable
	spreadOf        *renameEnd
}

// chunkTable is bytes by chunk hash value, for one file.
type chunkTable [chunkHashModulus]uint32

// chunkTables keeps zeroed tables between commits: one is 420 KiB, and
// a commit with renames to estimate needs two.
var chunkTables = sync.Pool{New: func() any { return new(chunkTable) }}

// blobMemoMax bounds the bytes renameFinder keeps for the line counts; a
// blob past it is read again when counted.
const blobMemoMax = 64 << 20

// findRenames returns changes with renames merged: a target that found a
// source becomes one change from the source's side and path (OldPath) to
// its own, in the target's place, and the source's deletion is dropped.
// It also returns the blobs it read (nil when it read none), for
// countChange. Missing blobs are alike to nothing; the counts will notice
// them.
func findRenames(s storer.EncodedObjectStorer, changes []treeChange, attrs *gitAttrs) ([]treeChange, map[plumbing.Hash][]byte, error) {
	adds, dels := 0, 0
	for i := range changes {
		switch {
		case !changes[i].From.exists():
			adds++
		case !changes[i].To.exists():
			dels++
		}
	}
	if adds == 0 || dels == 0 {
		return changes, nil, nil
	}
	f := &renameFinder{s: s, attrs: attrs,
		sources: make([]renameEnd, 0, dels), targets: make([]renameEnd, 0, adds)}
	for i, ch := range changes {
		switch {
		case !ch.From.exists():
			f.targets = append(f.targets, renameEnd{change: i, path: ch.Path, side: ch.To, pair: -1})
		case !ch.To.exists():
			f.sources = append(f.sources, renameEnd{change: i, path: ch.Path, side: ch.From, pair: -1})
		}
	}
	n := f.sameBlobs()
	n += f.sameNames()
	n += f.matrix()
	f.unspread()
	for _, t := range []**chunkTable{&f.spread, &f.scratch} {
		if *t != nil {
			chunkTables.Put(*t)
			*t = nil
		}
	}
	if f.err != nil {
		return nil, nil, f.err
	}
	if n == 0 {
		return changes, f.blobs, nil
	}

	out := make([]treeChange, 0, len(changes)-n)
	dropped := make([]bool, len(changes))
	for i := range f.sources {
		if f.sources[i].pair >= 0 {
			dropped[f.sources[i].change] = true
		}
	}
	from := make(map[int]*renameEnd, n)
	for i := range f.targets {
		if t := &f.targets[i]; t.pair >= 0 {
			from[t.change] = &f.sources[t.pair]
		}
	}
	for i, ch := range changes {
		if dropped[i] {
			continue
		}
		if src, ok := from[i]; ok {
			ch.From, ch.OldPath = src.side, src.path
		}
		out = append(out, ch)
	}
	return out, f.blobs, nil
}

// link records that target t was renamed from source s.
func (f *renameFinder) link(t, s int) {
	f.targets[t].pair = s
	f.sources[s].pair = t
}

// sameBlobs is round one. For each target in order, the unpaired sources
// with its blob are looked at in order, at most sameBlobTries of them;
// the first with the same file name wins, else the first of all.
func (f *renameFinder) sameBlobs() int {
	byBlob := make(map[plumbing.Hash][]int, len(f.sources))
	for i := range f.sources {
		h := f.sources[i].side.Hash
		byBlob[h] = append(byBlob[h], i)
	}
	n := 0
	for t := range f.targets {
		tgt := &f.targets[t]
		best, tries := -1, 0
		for _, s := range byBlob[tgt.side.Hash] {
			src := &f.sources[s]
			if src.pair >= 0 {
				continue
			}
			if !(isRegularMode(src.side.Mode) && isRegularMode(tgt.side.Mode)) && src.side.Mode != tgt.side.Mode {
				continue
			}
			if best < 0 {
				best = s
			}
			if baseName(src.path) == baseName(tgt.path) {
				best = s
				break
			}
			if tries++; tries == sameBlobTries {
				break
			}
		}
		if best >= 0 {
			f.link(t, best)
			n++
		}
	}
	return n
}

// sameNames is round two: a file name that exactly one unpaired source
// and one unpaired target bear pairs them if they are alike enough.
func (f *renameFinder) sameNames() int {
	const shared = -1
	srcByName := map[string]int{}
	for i := range f.sources {
		if f.sources[i].pair >= 0 {
			continue
		}
		b := baseName(f.sources[i].path)
		if _, ok := srcByName[b]; ok {
			srcByName[b] = shared
		} else {
			srcByName[b] = i
		}
	}
	tgtByName := map[string]int{}
	for i := range f.targets {
		if f.targets[i].pair >= 0 {
			continue
		}
		b := baseName(f.targets[i].path)
		if _, ok := tgtByName[b]; ok {
			tgtByName[b] = shared
		} else {
			tgtByName[b] = i
		}
	}
	n := 0
	for s := range f.sources {
		if f.sources[s].pair >= 0 {
			continue
		}
		b := baseName(f.sources[s].path)
		t, ok := tgtByName[b]
		if !ok || t == shared || srcByName[b] == shared || f.targets[t].pair >= 0 {
			continue
		}
		if f.likeness(&f.sources[s], &f.targets[t], basenameMinScore) >= basenameMinScore {
			f.link(t, s)
			n++
		}
	}
	return n
}

// renameCandidate is a source scored for a target; target is -1 in an
// empty slot.
type renameCandidate struct {
	target, source int
	score          int
	sameName       bool
}

// compareCandidates orders candidates best first: filled slots before
// empty ones, then higher score, then a shared file name.
func compareCandidates(a, b renameCandidate) int {
	switch {
	case a.target < 0 && b.target < 0:
		return 0
	case a.target < 0:
		return 1
	case b.target < 0:
		return -1
	case a.score != b.score:
		return b.score - a.score
	case a.sameName == b.sameName:
		return 0
	case a.sameName:
		return -1
	}
	return 1
}

// keep puts c into slots in place of the worst candidate there (the first
// of equally bad ones) if c is better than it.
func keep(slots *[candidatesKept]renameCandidate, c renameCandidate) {
	worst := 0
	for i := 1; i < candidatesKept; i++ {
		if compareCandidates(slots[i], slots[worst]) > 0 {
			worst = i
		}
	}
	if compareCandidates(slots[worst], c) > 0 {
		slots[worst] = c
	}
}

// matrix is round three.
func (f *renameFinder) matrix() int {
	var sources, targets []int
	for i := range f.sources {
		if f.sources[i].pair < 0 {
			sources = append(sources, i)
		}
	}
	for i := range f.targets {
		if f.targets[i].pair < 0 {
			targets = append(targets, i)
		}
	}
	if len(sources) == 0 || len(targets) == 0 ||
		uint64(len(sources))*uint64(len(targets)) > renameLimit*renameLimit {
		return 0
	}
	kept := make([]renameCandidate, 0, len(targets)*candidatesKept)
	for _, t := range targets {
		var slots [candidatesKept]renameCandidate
		for i := range slots {
			slots[i].target = -1
		}
		tgt := &f.targets[t]
		for _, s := range sources {
			src := &f.sources[s]
			keep(&slots, renameCandidate{target: t, source: s,
				score:    f.likeness(src, tgt, renameMinScore),
				sameName: baseName(src.path) == baseName(tgt.path)})
		}
		kept = append(kept, slots[:]...)
	}
	if f.err != nil {
		return 0
	}
	slices.SortStableFunc(kept, compareCandidates)
	n := 0
	for _, c := range kept {
		if c.target < 0 || c.score < renameMinScore {
			break
		}
		if f.targets[c.target].pair >= 0 || f.sources[c.source].pair >= 0 {
			continue
		}
		f.link(c.target, c.source)
		n++
	}
	return n
}

// likeness is git's estimate of how much of tgt comes from src, on the
// score scale. Only regular files are compared; a pair whose sizes differ
// by more than minScore allows is 0 without a look at the contents.
func (f *renameFinder) likeness(src, tgt *renameEnd, minScore int) int {
	if !isRegularMode(src.side.Mode) || !isRegularMode(tgt.side.Mode) {
		return 0
	}
	f.load(src)
	f.load(tgt)
	if src.bad || tgt.bad {
		return 0
	}
	big, small := len(src.data), len(tgt.data)
	if big < small {
		big, small = small, big
	}
	if float64(big)*(scoreMax-float64(minScore)) < float64(big-small)*scoreMax {
		return 0
	}
	f.computeProfile(src)
	f.computeProfile(tgt)
	if len(tgt.data) == 0 {
		return 0
	}
	// The matrix scores every source against one target before the
	// next: with the target's profile spread by value, a pair costs one
	// pass over the source's.
	f.spreadTarget(tgt)
	var shared uint64
	for _, c := range src.profile {
		shared += uint64(min(c.bytes, f.spread[c.hash]))
	}
	return int(float64(shared) * scoreMax / float64(big))
}

// spreadTarget puts tgt's profile in f.spread, unless it is there.
func (f *renameFinder) spreadTarget(tgt *renameEnd) {
	if f.spreadOf == tgt {
		return
	}
	f.unspread()
	if f.spread == nil {
		f.spread = chunkTables.Get().(*chunkTable)
	}
	for _, c := range tgt.profile {
		f.spread[c.hash] = c.bytes
	}
	f.spreadOf = tgt
}

// unspread zeroes what spreadTarget set.
func (f *renameFinder) unspread() {
	if f.spreadOf != nil {
		for _, c := range f.spreadOf.profile {
			f.spread[c.hash] = 0
		}
		f.spreadOf = nil
	}
}

// load reads an end's blob once.
func (f *renameFinder) load(e *renameEnd) {
	if e.read {
		return
	}
	e.read = true
	data, err := readObject(f.s, plumbing.BlobObject, e.side.Hash)
	if err != nil {
		e.bad = true
		if !IsMissing(err) && f.err == nil {
			f.err = err
		}
		return
	}
	e.data = data
	if f.blobBytes+len(data) <= blobMemoMax {
		if f.blobs == nil {
			f.blobs = map[plumbing.Hash][]byte{}
		}
		if _, ok := f.blobs[e.side.Hash]; !ok {
			f.blobs[e.side.Hash] = data
			f.blobBytes += len(data)
		}
	}
}

// computeProfile computes a loaded end's chunk profile once. A carriage
// return before a newline is left out of a text file's chunks, as git
// does, so a file converted to CRLF still looks like itself.
func (f *renameFinder) computeProfile(e *renameEnd) {
	if e.profiled {
		return
	}
	e.profiled = true
	text := !sideBinary(e.side, e.data, sideAttr(f.attrs, e.side, e.path))
	if f.scratch == nil {
		f.scratch = chunkTables.Get().(*chunkTable)
	}
	e.profile = chunkProfile(e.data, text, f.scratch)
}

// chunkCount is the bytes of a file in chunks of one hash value.
type chunkCount struct {
	hash  uint32
	bytes uint32
}

// chunkProfile cuts data into chunks, each ending at a newline or after
// chunkMaxBytes bytes (an unfinished last chunk is not counted), hashes
// each with git's rolling sum into one of chunkHashModulus values, and
// returns the bytes per value, one entry per value, in no particular
// order. Two chunks of one value are the same chunk as far as the
// estimate is concerned. scratch must be all zeros; it is left so.
func chunkProfile(data []byte, text bool, scratch *chunkTable) []chunkCount {
	var seen []uint32
	var lo, hi uint32 // the rolling sum: two 32-bit halves, shifted 7 bits per byte
	n := uint32(0)
	for i := 0; i < len(data); i++ {
		c := data[i]
		if text && c == '\r' && i+1 < len(data) && data[i+1] == '\n' {
			continue
		}
		lo, hi = ((lo<<7)^(hi>>25))+uint32(c), (hi<<7)^(lo>>25)
		n++
		if n < chunkMaxBytes && c != '\n' {
			continue
		}
		h := (lo + hi*chunkHashMultiple) % chunkHashModulus
		if scratch[h] == 0 {
			seen = append(seen, h)
		}
		scratch[h] += n
		lo, hi, n = 0, 0, 0
	}
	out := make([]chunkCount, len(seen))
	for i, h := range seen {
		out[i] = chunkCount{hash: h, bytes: scratch[h]}
		scratch[h] = 0
	}
	return out
}

// baseName is the part of a slash-separated path after its last slash.
func baseName(p string) string { return p[strings.LastIndexByte(p, '/')+1:] }
