package commitmodel

import (
	"path"
	"slices"
	"strconv"
	"strings"
)

// File is one changed path with its line counts (0 for binary files).
type File struct {
	Path      string
	Additions int
	Deletions int
	Binary    bool
}

// Input is what the model reads: the subject with any Conventional or
// area prefix already removed, the body, and the changed files (none for
// a pull request read from its title and description alone).
type Input struct {
	Subject string
	Body    string
	Files   []File
	// Kinds are KindOf of each file, when the caller has them already
	// (the rules need them too); nil makes Features compute them.
	Kinds []PathKind
}

// Limits on how much of a message is read: subjects are short, and the end
// of a long body (a bot's release notes, a PR template) says little.
const (
	maxSubjectWords = 32
	maxBodyWords    = 80
	maxDirDepth     = 4
)

// featureNames returns the names of the features of in, sorted and unique.
// Every feature is binary. The prefixes name the family, which Reasons
// turns into words:
//
//	w:  a word of the subject        b:  two words of the subject
//	f:  the subject's first word     bw: a word of the body
//	k:  a kind of path changed       all:, most: every / most files of a kind
//	e:  a file extension             d:  a folder name   n: a file name
//	x:  the first word with the kind of the files
//	vx: a vocabulary (below) with the kind of the files
//	v:  the subject uses words of a kind of work (vocab.go)
//	and the shape: sl: subject length, body:, nf: files, a:/r: lines
//	added/removed, add-only, delete-only, in-place.
func featureNames(in Input) []string {
	e := emitter{names: make([]string, 0, 96)}
	emitFeatures(in, &e, nil)
	slices.Sort(e.names)
	return slices.Compact(e.names)
}

// emitter receives features as parts of their names: as strings (for
// training and reasons), or as hashes of the names, which is what
// prediction looks up, without building a string per feature.
type emitter struct {
	hashing bool
	names   []string
	hashes  []uint64
}

func (e *emitter) add(parts ...string) {
	if e.hashing {
		h := uint64(fnvOffset)
		for _, p := range parts {
			h = fnvAdd(h, p)
		}
		e.hashes = append(e.hashes, h)
		return
	}
	e.names = append(e.names, strings.Join(parts, ""))
}

// FNV-1a, 64 bits: names are short and distinct; a collision among the
// model's features is reported when the model is built (see index).
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hashName(name string) uint64 { return fnvAdd(fnvOffset, name) }

// emitFeatures emits the features of in; when read is not nil, it also
// keeps there what the second stage reads again (the subject's words and
// vocabularies, the kinds of the files).
func emitFeatures(in Input, e *emitter, read *reading) {
	var raws []string
	var rawsTo *[]string
	if read != nil {
		raws = make([]string, 0, 16)
		rawsTo = &raws
	}
	ws := wordsWith(in.Subject, maxSubjectWords, rawsTo)
	for i, w := range ws {
		e.add("w:", w)
		if i > 0 {
			e.add("b:", ws[i-1], " ", w)
		}
	}
	first := "-"
	if len(ws) > 0 {
		first = ws[0]
		e.add("f:", first)
	}
	e.add("sl:", bucket(len(ws), 1, 2, 3, 6, 10))
	m := vocabMatches(ws)
	if m != 0 {
		for i := range vocab {
			if m&(1<<i) != 0 {
				e.add("v:", vocab[i].name)
			}
		}
	}
	if strings.Contains(in.Subject, "`") {
		e.add("code-span")
	}

	bws := words(bodyText(in.Body), maxBodyWords)
	for _, w := range bws {
		e.add("bw:", w)
	}
	e.add("body:", bucket(len(bws), 0, 10, 40))

	kinds := in.Kinds
	if len(kinds) != len(in.Files) {
		kinds = make([]PathKind, len(in.Files))
		for i, f := range in.Files {
			kinds[i] = KindOf(f.Path)
		}
	}
	fileFeatures(e, in.Files, kinds, first, m)
	if read != nil {
		read.words, read.raws, read.vocab, read.kinds = ws, raws, m, kinds
	}
}

// reading is what emitFeatures computed that the second stage needs too.
type reading struct {
	words []string
	raws  []string // the words as written, lower-cased
	vocab uint32
	kinds []PathKind
}

// fileFeatures adds the facts about the paths, and the words of a kind
// of work crossed with the kind of file most changed (vocab bits m): docs
// words with only code changed are doc comments and docstring examples,
// test words with only code changed a test helper.
func fileFeatures(e *emitter, files []File, kinds []PathKind, first string, m uint32) {
	if len(files) == 0 {
		e.add("nofiles")
		e.add("x:", first, "|nofiles")
		return
	}
	var counts [len(kindNames)]int
	added, deleted, binary := 0, 0, false
	for i, f := range files {
		k := kinds[i]
		counts[k]++
		added += f.Additions
		deleted += f.Deletions
		binary = binary || f.Binary
		lp := strings.ToLower(f.Path)
		base := path.Base(lp)
		if ext := path.Ext(base); ext != "" && len(ext) <= 8 {
			e.add("e:", ext)
		}
		e.add("n:", base)
		dir := path.Dir(lp)
		for depth := 0; dir != "." && dir != "/" && depth < maxDirDepth; depth++ {
			seg, rest, _ := strings.Cut(dir, "/")
			e.add("d:", seg)
			if rest == "" {
				break
			}
			dir = rest
		}
	}
	n := len(files)
	dominant, distinct := "mixed", 0
	for k, c := range counts {
		if c == 0 {
			continue
		}
		distinct++
		name := kindNames[k]
		e.add("k:", name)
		switch {
		case c == n:
			e.add("all:", name)
			dominant = name
		case 2*c >= n:
			e.add("most:", name)
		}
	}
	e.add("nk:", bucket(distinct, 1, 2))
	e.add("x:", first, "|", dominant)
	for i := range vocab {
		if m&(1<<i) != 0 {
			e.add("vx:", vocab[i].name, "|", dominant)
		}
	}
	e.add("nf:", bucket(n, 1, 2, 5, 20))
	e.add("a:", bucket(added, 0, 2, 10, 50, 200, 1000))
	e.add("r:", bucket(deleted, 0, 2, 10, 50, 200, 1000))
	switch {
	case deleted == 0 && added > 0:
		e.add("add-only")
	case added == 0 && deleted > 0:
		e.add("delete-only")
	case added == deleted:
		e.add("in-place")
	}
	if binary {
		e.add("binary")
	}
}

// bucket names the interval of the bounds that n falls into: "≤b" for the
// first bound it does not exceed, ">last" above them all.
func bucket(n int, bounds ...int) string {
	for _, b := range bounds {
		if n <= b {
			if b < len(atMost) {
				return atMost[b]
			}
			return "≤" + strconv.Itoa(b)
		}
	}
	last := bounds[len(bounds)-1]
	if last < len(above) {
		return above[last]
	}
	return ">" + strconv.Itoa(last)
}

// atMost and above are the labels of bucket for small bounds, made once:
// bucket runs several times for every commit.
var atMost, above = func() (le, gt [1001]string) {
	for i := range le {
		le[i], gt[i] = "≤"+strconv.Itoa(i), ">"+strconv.Itoa(i)
	}
	return
}()
