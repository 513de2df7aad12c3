package commitmodel

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Classes are what the model predicts: the authors' Conventional types,
// grouped (see ClassOf). The rules map them to the tool's categories.
var Classes = []string{"feature", "fix", "docs", "test", "ci", "perf", "refactor", "style", "build", "release", "deps", "chore"}

// classOf returns the class a Conventional type trains, and false for
// types too rare or too vague to learn from (wip, revert, a project's own
// words). Misspellings seen in real histories count as what they meant.
func classOf(typ string) (string, bool) {
	switch strings.ToLower(typ) {
	case "feat", "feature":
		return "feature", true
	case "fix", "bugfix", "hotfix", "fxi", "fiix":
		return "fix", true
	case "docs", "doc":
		return "docs", true
	case "test", "tests":
		return "test", true
	case "ci", "workflow":
		return "ci", true
	case "perf":
		return "perf", true
	case "refactor", "refacor", "refctor", "refator", "reafactor", "reafctor":
		return "refactor", true
	case "style":
		return "style", true
	case "build":
		return "build", true
	case "release":
		return "release", true
	case "deps":
		return "deps", true
	case "chore":
		return "chore", true
	}
	return "", false
}

// Model is a trained multinomial logistic regression.
type Model struct {
	classes []string
	bias    []float64
	index   map[uint64]int // hash of a feature name (hashName) → row
	names   []string       // row → feature name
	w       []float64      // row-major: len(names) × len(classes)
	// minP are the calibrated least probabilities at which a class is
	// shown (see TrainOptions.Calibrate); classes not in it have none.
	minP map[string]float64
}

// MinP returns the calibrated least probability at which the model's
// first choice class should be shown, and false when the model has none
// for it (the caller then uses its own).
func (m *Model) MinP(class string) (float64, bool) {
	p, ok := m.minP[class]
	return p, ok
}

// Prediction is the model's answer for one input.
type Prediction struct {
	Class string  // the most probable class
	P     float64 // its probability
	// Probs are the probabilities of every class, in the order of Classes.
	Probs []float64
	// Reasons are the features that weighed most for Class, strongest
	// first, in plain words ("word 'readme'", "only docs files changed").
	Reasons []string
}

// maxReasons bounds the reasons given: enough to say why, short enough to
// read in a list.
const maxReasons = 3

// Predict classifies in.
func (m *Model) Predict(in Input) Prediction {
	e := emitter{hashing: true, hashes: make([]uint64, 0, 128)}
	emitFeatures(in, &e)
	slices.Sort(e.hashes)
	hs := slices.Compact(e.hashes)
	k := len(m.classes)
	scores := make([]float64, k)
	copy(scores, m.bias)
	rows := make([]int, 0, len(hs))
	for _, h := range hs {
		if r, ok := m.index[h]; ok {
			rows = append(rows, r)
			row := m.w[r*k : r*k+k]
			for c := range scores {
				scores[c] += row[c]
			}
		}
	}
	probs := softmax(scores)
	best := 0
	for c := range probs {
		if probs[c] > probs[best] {
			best = c
		}
	}
	return Prediction{Class: m.classes[best], P: probs[best], Probs: probs, Reasons: m.reasons(in, rows, best)}
}

// reasons names the features that pushed class c above the others most
// (a feature's weight for c minus its mean weight over all classes): up
// to two about the words, then one about the files, so that a reason
// reads "words 'readme', 'typo'; only docs files changed".
func (m *Model) reasons(in Input, rows []int, c int) []string {
	k := len(m.classes)
	type contrib struct {
		row int
		v   float64
	}
	var top []contrib
	for _, r := range rows {
		row := m.w[r*k : r*k+k]
		mean := 0.0
		for _, x := range row {
			mean += x
		}
		v := row[c] - mean/float64(k)
		if v <= 0 || describe(m.names[r]) == "" {
			continue
		}
		top = append(top, contrib{r, v})
	}
	slices.SortFunc(top, func(a, b contrib) int {
		if a.v != b.v {
			if a.v > b.v {
				return -1
			}
			return 1
		}
		return strings.Compare(m.names[a.row], m.names[b.row])
	})
	var wordNames []string
	fileReason := ""
	for _, t := range top {
		name := m.names[t.row]
		switch {
		case isWordFeature(name):
			if onlyStopwords(name) {
				continue // "word 'for'", "words '# #'" explain nothing to a reader
			}
			if len(wordNames) < maxReasons-1 {
				wordNames = append(wordNames, name)
			}
		case fileReason == "":
			fileReason = describe(name)
		}
	}
	// Quote words as the author wrote them, not as stems: that means
	// reading the subject again, and the body only when a reason is there.
	surface := map[string]string{}
	wordsWith(in.Subject, maxSubjectWords, surface)
	for _, n := range wordNames {
		if strings.HasPrefix(n, "bw:") {
			wordsWith(bodyText(in.Body), maxBodyWords, surface)
			break
		}
	}
	var wordsOut []string
	for _, n := range wordNames {
		// Numbers are one token, "#", to the model; a reader sees "N".
		if d := numberWords.Replace(describe(unstem(n, surface))); !slices.Contains(wordsOut, d) {
			wordsOut = append(wordsOut, d)
		}
	}
	if fileReason != "" {
		wordsOut = append(wordsOut, fileReason)
	}
	return joinWords(wordsOut)
}

// numberWords shows the model's number tokens in reasons as a reader
// would write them.
var numberWords = strings.NewReplacer(" v#", " vN", "'v#", "'vN", " #", " N", "'#", "'N")

// stopwords weigh in the model but are never quoted as a reason.
var stopwords = set("a", "an", "the", "to", "for", "of", "in", "on", "at", "by", "with", "from", "and", "or", "is", "it",
	"be", "as", "this", "that", "#", "v#", "when", "if", "not", "no", "into", "-")

// onlyStopwords reports whether every word of a word feature (a pair too,
// or a word crossed with the kinds of files) is a stopword.
func onlyStopwords(f string) bool {
	_, v, _ := strings.Cut(f, ":")
	v, _, _ = strings.Cut(v, "|")
	for _, w := range strings.Fields(v) {
		if !stopwords[w] {
			return false
		}
	}
	return true
}

func isWordFeature(f string) bool {
	fam, _, _ := strings.Cut(f, ":")
	switch fam {
	case "w", "f", "b", "bw", "v", "x", "vx":
		return true
	}
	return false
}

// joinWords merges consecutive "word 'x'" reasons into "words 'x', 'y'".
func joinWords(rs []string) []string {
	var out []string
	for _, r := range rs {
		if w, ok := strings.CutPrefix(r, "word "); ok && len(out) > 0 {
			last := out[len(out)-1]
			if strings.HasPrefix(last, "word ") || strings.HasPrefix(last, "words ") {
				out[len(out)-1] = "words " + strings.TrimPrefix(strings.TrimPrefix(last, "words "), "word ") + ", " + w
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

// unstem writes the words of a word feature as the author wrote them.
func unstem(f string, surface map[string]string) string {
	fam, v, ok := strings.Cut(f, ":")
	switch fam {
	case "w", "f", "b", "bw", "x":
	default:
		return f
	}
	if !ok {
		return f
	}
	rest := ""
	if fam == "x" {
		v, rest, _ = strings.Cut(v, "|")
		rest = "|" + rest
	}
	ws := strings.Split(v, " ")
	for i, w := range ws {
		if s, ok := surface[w]; ok {
			ws[i] = s
		}
	}
	return fam + ":" + strings.Join(ws, " ") + rest
}

// describe turns a feature name into words for a reader, or "" for a
// feature that explains nothing on its own (a length bucket, a bias-like
// "no body").
func describe(f string) string {
	fam, v, _ := strings.Cut(f, ":")
	switch fam {
	case "w", "f", "xw":
		return "word '" + v + "'"
	case "b":
		return "words '" + v + "'"
	case "bw":
		return "'" + v + "' in the description"
	case "all":
		return "only " + kindPhrase(v) + " changed"
	case "most":
		if v == "product" {
			return ""
		}
		return "mostly " + kindPhrase(v) + " changed"
	case "k":
		if v == "product" {
			return "" // nearly every commit changes code
		}
		return kindPhrase(v) + " changed"
	case "d":
		return "files under " + v + "/"
	case "n":
		return v + " changed"
	case "x":
		w, kind, _ := strings.Cut(v, "|")
		switch kind {
		case "mixed":
			return "'" + w + "' with files of several kinds"
		case "nofiles":
			return "word '" + w + "'"
		}
		return "'" + w + "' with only " + kindPhrase(kind)
	case "v":
		return "subject uses " + v + " words"
	case "vx":
		voc, kind, _ := strings.Cut(v, "|")
		if kind == "mixed" {
			return voc + " words with files of several kinds"
		}
		return voc + " words with only " + kindPhrase(kind)
	case "add-only":
		return "only adds lines"
	case "delete-only":
		return "only deletes lines"
	case "in-place":
		return "edits lines in place"
	}
	return ""
}

func kindPhrase(k string) string {
	switch k {
	case "product":
		return "code files"
	case "doc":
		return "docs files"
	case "ci":
		return "CI files"
	case "lock":
		return "lockfiles"
	case "manifest":
		return "dependency manifests"
	case "changelog":
		return "changelogs"
	case "generated":
		return "generated files"
	case "bench":
		return "benchmarks"
	case "example":
		return "examples"
	case "config":
		return "tool configs"
	}
	return k + " files"
}

func softmax(s []float64) []float64 {
	mx := s[0]
	for _, x := range s {
		mx = math.Max(mx, x)
	}
	sum := 0.0
	out := make([]float64, len(s))
	for i, x := range s {
		out[i] = math.Exp(x - mx)
		sum += out[i]
	}
	for i := range out {
		out[i] /= sum
	}
	return out
}

// The file format is text, one feature a line, so that a change to the
// model shows in a diff and the bytes depend on nothing but the weights:
//
//	git-career commit model 1
//	classes feature fix ...
//	bias 120 -30 ...
//	minp docs 550 perf 300 ...   (calibrated least probabilities; optional)
//	<feature>\t<weight per class>
//
// Weights are integers in thousandths, rows sorted by feature name; a
// feature whose every weight rounds to 0 is left out.
const (
	magic = "git-career commit model 1"
	scale = 1000
)

// MarshalText writes m in the file format.
func (m *Model) MarshalText() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(magic + "\nclasses " + strings.Join(m.classes, " ") + "\nbias")
	for _, x := range m.bias {
		b.WriteString(" " + strconv.Itoa(quantize(x)))
	}
	b.WriteByte('\n')
	if len(m.minP) > 0 {
		cs := make([]string, 0, len(m.minP))
		for c := range m.minP {
			cs = append(cs, c)
		}
		slices.Sort(cs)
		b.WriteString("minp")
		for _, c := range cs {
			b.WriteString(" " + c + " " + strconv.Itoa(quantize(m.minP[c])))
		}
		b.WriteByte('\n')
	}
	k := len(m.classes)
	order := make([]int, len(m.names))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, c int) int { return strings.Compare(m.names[a], m.names[c]) })
	line := make([]byte, 0, 128)
	for _, r := range order {
		row := m.w[r*k : r*k+k]
		zero := true
		for _, x := range row {
			zero = zero && quantize(x) == 0
		}
		if zero {
			continue
		}
		line = append(line[:0], m.names[r]...)
		for i, x := range row {
			if i == 0 {
				line = append(line, '\t')
			} else {
				line = append(line, ' ')
			}
			line = strconv.AppendInt(line, int64(quantize(x)), 10)
		}
		line = append(line, '\n')
		b.Write(line)
	}
	return b.Bytes(), nil
}

func quantize(x float64) int { return int(math.Round(x * scale)) }

// Parse reads a model in the file format.
func Parse(data []byte) (*Model, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	if !sc.Scan() || sc.Text() != magic {
		return nil, fmt.Errorf("commit model: not a model file (want %q on the first line)", magic)
	}
	if !sc.Scan() || !strings.HasPrefix(sc.Text(), "classes ") {
		return nil, fmt.Errorf("commit model: line 2: want the classes")
	}
	m := &Model{classes: strings.Fields(strings.TrimPrefix(sc.Text(), "classes "))}
	k := len(m.classes)
	if !sc.Scan() || !strings.HasPrefix(sc.Text(), "bias ") {
		return nil, fmt.Errorf("commit model: line 3: want the bias")
	}
	var err error
	if m.bias, err = parseWeights(strings.TrimPrefix(sc.Text(), "bias "), k); err != nil {
		return nil, fmt.Errorf("commit model: line 3: %w", err)
	}
	m.index = map[uint64]int{}
	for n := 4; sc.Scan(); n++ {
		if n == 4 && strings.HasPrefix(sc.Text(), "minp ") {
			f := strings.Fields(strings.TrimPrefix(sc.Text(), "minp "))
			if len(f)%2 != 0 {
				return nil, fmt.Errorf("commit model: line 4: want pairs of a class and a probability")
			}
			m.minP = map[string]float64{}
			for i := 0; i < len(f); i += 2 {
				v, err := strconv.Atoi(f[i+1])
				if err != nil || !slices.Contains(m.classes, f[i]) {
					return nil, fmt.Errorf("commit model: line 4: bad minimum probability %q %q", f[i], f[i+1])
				}
				m.minP[f[i]] = float64(v) / scale
			}
			continue
		}
		name, ws, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("commit model: line %d: no tab", n)
		}
		row, err := parseWeights(ws, k)
		if err != nil {
			return nil, fmt.Errorf("commit model: line %d: %w", n, err)
		}
		if r, dup := m.index[hashName(name)]; dup {
			return nil, fmt.Errorf("commit model: line %d: feature %q has the hash of %q", n, name, m.names[r])
		}
		m.index[hashName(name)] = len(m.names)
		m.names = append(m.names, name)
		m.w = append(m.w, row...)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("commit model: %w", err)
	}
	return m, nil
}

func parseWeights(s string, k int) ([]float64, error) {
	out := make([]float64, 0, k)
	for f := range strings.FieldsSeq(s) {
		n, err := strconv.Atoi(f)
		if err != nil {
			return nil, fmt.Errorf("weight %q: %w", f, err)
		}
		out = append(out, float64(n)/scale)
	}
	if len(out) != k {
		return nil, fmt.Errorf("%d weights, want %d", len(out), k)
	}
	return out, nil
}

// ClassNames returns the classes m predicts, in the order of
// Prediction.Probs.
func (m *Model) ClassNames() []string { return slices.Clone(m.classes) }

// Size is the number of features with a weight.
func (m *Model) Size() int { return len(m.names) }
