package commitmodel

import (
	"math"
	"path"
	"slices"
	"strings"
)

// Kinds are the kinds of work of the labelling guide (commit-kinds.md in
// ../shared/eval), in its order: what the recogniser answers. The second
// stage (the stack) predicts those of StackKinds; design, security and
// other come from rules only (too rare, or no evidence a model can learn).
var Kinds = []string{"feature", "fix", "performance", "security", "testing", "docs", "automation", "refactor",
	"cleanup", "dependencies", "release", "design", "other"}

// StackKinds are the kinds the second stage chooses among.
var StackKinds = []string{"feature", "fix", "performance", "testing", "docs", "automation", "refactor",
	"cleanup", "dependencies", "release"}

// The second stage (the "stack") turns what the first stage read (the
// probabilities of the authors' types, learned from many repositories'
// weak labels) and the facts of the change into one kind of the guide. It
// is a small multinomial logistic regression over a few dense features,
// trained on commits two annotators labelled (commits-gold.jsonl), so that
// it learns how authors' types map to the guide's kinds (a `chore` is a
// release, a dependency update, automation or docs) and how much to trust
// the words against the files.
type stack struct {
	kinds []string
	bias  []float64
	w     []float64 // len(stackFeatureNames) × len(kinds), row-major
}

// stackFeatureNames name the dense features, in the order stackFeatures
// writes them; the model file stores a row per name.
var stackFeatureNames = func() []string {
	var out []string
	for _, c := range Classes {
		out = append(out, "logp:"+c)
	}
	for _, k := range kindNames {
		out = append(out, "all:"+k, "share:"+k)
	}
	out = append(out, "nofiles", "files", "added", "deleted", "deleted-share", "add-only", "delete-only",
		"files-added", "files-emptied", "moves", "tiny-edits", "body", "subject-words", "closes-issue", "code-span",
		"subject-version")
	for _, v := range vocab {
		out = append(out, "v:"+v.name)
	}
	return out
}()

// logpFloor bounds a log-probability from below, so that a class the first
// stage rules out does not weigh without limit.
const logpFloor = -8

// stackFeatures writes the dense features of in, given the first stage's
// probabilities, into dst (len(stackFeatureNames)). Every value is in
// about [-2, 2], so one regularisation suits them all.
func stackFeatures(in Input, r *reading, probs []float64, dst []float64) {
	kinds, subjectWords := r.kinds, r.words
	i := 0
	put := func(x float64) { dst[i] = x; i++ }
	b := func(ok bool) float64 {
		if ok {
			return 1
		}
		return 0
	}
	for _, p := range probs {
		put(math.Max(math.Log(p), logpFloor) / 4)
	}
	var counts [len(kindNames)]int
	added, deleted, addOnly, emptied := 0, 0, 0, 0
	for j, f := range in.Files {
		k := kinds[j]
		counts[k]++
		added += f.Additions
		deleted += f.Deletions
		if f.Additions > 0 && f.Deletions == 0 {
			addOnly++
		}
		if f.Deletions > 0 && f.Additions == 0 {
			emptied++
		}
	}
	n := len(in.Files)
	for _, c := range counts {
		put(b(n > 0 && c == n))
		if n > 0 {
			put(float64(c) / float64(n))
		} else {
			put(0)
		}
	}
	put(b(n == 0))
	put(math.Log1p(float64(n)) / 3)
	put(math.Log1p(float64(added)) / 5)
	put(math.Log1p(float64(deleted)) / 5)
	if added+deleted > 0 {
		put(float64(deleted) / float64(added+deleted))
	} else {
		put(0.5)
	}
	put(b(deleted == 0 && added > 0))
	put(b(added == 0 && deleted > 0))
	if n > 0 {
		put(float64(addOnly) / float64(n))
		put(float64(emptied) / float64(n))
	} else {
		put(0)
		put(0)
	}
	put(b(moves(in.Files)))
	put(b(n > 0 && maxLines(in.Files) <= 2))
	put(b(strings.TrimSpace(in.Body) != ""))
	put(math.Log1p(float64(len(subjectWords))) / 3)
	put(b(closesIssue(in.Subject) || closesIssue(in.Body)))
	put(b(strings.Contains(in.Subject, "`")))
	put(b(hasVersion(in.Subject)))
	for j := range vocab {
		put(b(r.vocab&(1<<j) != 0))
	}
}

// moves reports whether the change looks like files moved or renamed: a
// file emptied and a file of the same name filled with about as many lines
// elsewhere (a commit carries no rename information, as `git log
// --no-renames` prints it).
func moves(files []File) bool {
	if len(files) < 2 {
		return false
	}
	for _, a := range files {
		if a.Additions != 0 || a.Deletions == 0 {
			continue
		}
		for _, c := range files {
			if c.Deletions == 0 && c.Additions > 0 && path.Base(c.Path) == path.Base(a.Path) && c.Path != a.Path {
				return true
			}
		}
	}
	return false
}

// maxLines is the most lines any one file changes.
func maxLines(files []File) int {
	m := 0
	for _, f := range files {
		m = max(m, f.Additions+f.Deletions)
	}
	return m
}

// hasVersion: a dotted version number ("1.2", "v0.16.0") in s.
func hasVersion(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == '.' && isDigit(s[i-1]) && isDigit(s[i+1]) {
			return true
		}
	}
	return false
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// closesIssue: "fixes #12", "closes #3", "resolves gh-4" or a link: the
// word before an issue reference is a verb of closing.
func closesIssue(m string) bool {
	for i := 0; i < len(m); i++ {
		if m[i] != '#' && !(m[i] == 'g' && strings.HasPrefix(m[i:], "gh-")) && !(m[i] == 'h' && strings.HasPrefix(m[i:], "https://github.com/")) {
			continue
		}
		// The word before, after one space.
		end := i
		if end == 0 || m[end-1] != ' ' {
			continue
		}
		end--
		start := end
		for start > 0 && isAlnum(m[start-1]) {
			start--
		}
		if end-start >= 3 && end-start <= 8 && issueVerbs[strings.ToLower(m[start:end])] {
			return true
		}
	}
	return false
}

// predict returns the probabilities of s.kinds for the features x.
func (s *stack) predict(x []float64) []float64 {
	k := len(s.kinds)
	scores := make([]float64, k)
	copy(scores, s.bias)
	for j, v := range x {
		if v == 0 {
			continue
		}
		row := s.w[j*k : j*k+k]
		for c := range scores {
			scores[c] += float64(v * row[c])
		}
	}
	return softmax(scores)
}

// StackOptions are the second stage's training settings.
type StackOptions struct {
	Iterations int
	Rate       float64
	L2         float64 // on the mean loss
	// KindWeight scales the examples of a kind (1 when absent).
	KindWeight map[string]float64
}

// stackExample is one labelled commit as the second stage sees it.
type stackExample struct {
	x      []float64
	kind   int
	weight float64
}

// trainStack fits the second stage by full-batch gradient descent with
// momentum: a few hundred examples and a few dozen features, so it takes
// a fraction of a second, and the result depends only on its inputs.
func trainStack(examples []stackExample, opts StackOptions) *stack {
	k := len(StackKinds)
	d := len(stackFeatureNames)
	s := &stack{kinds: slices.Clone(StackKinds), bias: make([]float64, k), w: make([]float64, d*k)}
	if len(examples) == 0 {
		return s
	}
	total := 0.0
	for _, e := range examples {
		total += e.weight
	}
	gw := make([]float64, d*k)
	gb := make([]float64, k)
	vw := make([]float64, d*k)
	vb := make([]float64, k)
	const momentum = 0.9
	for it := 0; it < opts.Iterations; it++ {
		clear(gw)
		clear(gb)
		for _, e := range examples {
			p := s.predict(e.x)
			p[e.kind] -= 1
			for c := range p {
				p[c] = float64(p[c] * e.weight / total)
				gb[c] += p[c]
			}
			for j, v := range e.x {
				if v == 0 {
					continue
				}
				row := gw[j*k : j*k+k]
				for c := range row {
					row[c] += float64(v * p[c])
				}
			}
		}
		for i := range gw {
			gw[i] += float64(2 * opts.L2 * s.w[i])
			vw[i] = float64(momentum*vw[i]) - float64(opts.Rate*gw[i])
			s.w[i] += vw[i]
		}
		for c := range gb {
			vb[c] = float64(momentum*vb[c]) - float64(opts.Rate*gb[c])
			s.bias[c] += vb[c]
		}
	}
	return s
}
