package commitmodel

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
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

// Model is a trained multinomial logistic regression over the words and
// paths of a commit (the first stage, whose classes are the authors'
// types), and, when built by Build, the second stage that turns its
// answer and the facts of the change into one of the guide's kinds.
type Model struct {
	classes []string
	bias    []float64
	index   map[uint64]int // hash of a feature name (hashName) → row
	names   []string       // row → feature name
	w       []float64      // row-major: len(names) × len(classes)
	stack   *stack         // nil for a first stage alone (Train)

	// rows are facts about each row that reasons needs, computed once.
	rowsOnce sync.Once
	rowFacts []rowFact
}

// rowFact is what reasons needs to know of a row without reading its
// name again: its mean weight, and what kind of reason it can give.
type rowFact struct {
	mean float64
	kind uint8 // noReason, wordReason or fileReason
}

const (
	noReason = iota
	wordReason
	fileReason
)

// facts returns the rowFacts of m.
func (m *Model) facts() []rowFact {
	m.rowsOnce.Do(func() {
		k := len(m.classes)
		m.rowFacts = make([]rowFact, len(m.names))
		for r, name := range m.names {
			f := &m.rowFacts[r]
			for _, x := range m.w[r*k : r*k+k] {
				f.mean += x
			}
			f.mean /= float64(k)
			switch {
			case !describes(name):
			case isWordFeature(name):
				if !onlyStopwords(name) {
					f.kind = wordReason
				}
			default:
				f.kind = fileReason
			}
		}
	})
	return m.rowFacts
}

// Prediction is the model's answer for one input.
type Prediction struct {
	Class string  // the most probable class of the first stage
	P     float64 // its probability
	// Probs are the probabilities of every class, in the order of Classes.
	Probs []float64
	// Kind is the second stage's kind of work (one of StackKinds), and
	// KindP its probability; "" for a model without a second stage.
	Kind  string
	KindP float64
	// KindProbs are the probabilities of StackKinds.
	KindProbs []float64
	// Reasons are the features that weighed most for Kind (for Class
	// without a second stage), strongest first, in plain words ("word
	// 'readme'", "only docs files changed").
	Reasons []string
}

// maxReasons bounds the reasons given: enough to say why, short enough to
// read in a list.
const maxReasons = 3

// Predict classifies in.
func (m *Model) Predict(in Input) Prediction {
	probs, rows, read := m.firstStage(in)
	best := argmax(probs)
	p := Prediction{Class: m.classes[best], P: probs[best], Probs: probs}
	explain := best
	if m.stack != nil {
		x := make([]float64, len(stackFeatureNames))
		stackFeatures(in, &read, probs, x)
		kp := m.stack.predict(x)
		kb := argmax(kp)
		p.Kind, p.KindP, p.KindProbs = m.stack.kinds[kb], kp[kb], kp
		explain = m.classFor(p.Kind, probs)
	}
	p.Reasons = m.reasons(in, rows, explain, &read)
	return p
}

// firstStage returns the probabilities of the first stage's classes, the
// rows of the features of in that the model knows, and what the second
// stage reads again.
func (m *Model) firstStage(in Input) ([]float64, []int, reading) {
	e := emitter{hashing: true, hashes: make([]uint64, 0, 128)}
	var read reading
	emitFeatures(in, &e, &read)
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
	return softmax(scores), rows, read
}

// kindClasses are the first stage's classes that speak for each kind: the
// reasons given for a kind are the words and paths that pushed the most
// probable of them.
var kindClasses = map[string][]string{
	"feature": {"feature"}, "fix": {"fix"}, "performance": {"perf"}, "testing": {"test"}, "docs": {"docs"},
	"automation": {"ci", "build"}, "refactor": {"refactor", "style"}, "cleanup": {"refactor", "chore"},
	"dependencies": {"deps", "build"}, "release": {"release", "chore"},
}

// classFor returns the index of the class that speaks for kind.
func (m *Model) classFor(kind string, probs []float64) int {
	best := -1
	for _, c := range kindClasses[kind] {
		if i := slices.Index(m.classes, c); i >= 0 && (best < 0 || probs[i] > probs[best]) {
			best = i
		}
	}
	if best < 0 {
		return argmax(probs)
	}
	return best
}

func argmax(xs []float64) int {
	best := 0
	for i := range xs {
		if xs[i] > xs[best] {
			best = i
		}
	}
	return best
}

// reasons names the features that pushed class c above the others most
// (a feature's weight for c minus its mean weight over all classes): up
// to two about the words, then one about the files, so that a reason
// reads "words 'readme', 'typo'; only docs files changed".
func (m *Model) reasons(in Input, rows []int, c int, read *reading) []string {
	k := len(m.classes)
	type contrib struct {
		row int
		v   float64
	}
	facts := m.facts()
	top := make([]contrib, 0, len(rows))
	for _, r := range rows {
		if facts[r].kind == noReason {
			continue
		}
		if v := m.w[r*k+c] - facts[r].mean; v > 0 {
			top = append(top, contrib{r, v})
		}
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
	fileWhy := ""
	for _, t := range top {
		if len(wordNames) == maxReasons-1 && fileWhy != "" {
			break
		}
		switch facts[t.row].kind {
		case wordReason:
			// ("word 'for'", "words '# #'" explain nothing to a reader,
			// and are noReason.)
			if len(wordNames) < maxReasons-1 {
				wordNames = append(wordNames, m.names[t.row])
			}
		case fileReason:
			if fileWhy == "" {
				fileWhy = describe(m.names[t.row])
			}
		}
	}
	// Quote words as the author wrote them, not as stems: that means
	// reading the subject again, and the body only when a reason is there.
	subject, body := surface{read.words, read.raws}, surface{}
	for _, n := range wordNames {
		if strings.HasPrefix(n, "bw:") {
			body.stems = wordsWith(bodyText(in.Body), maxBodyWords, &body.raws)
			break
		}
	}
	asWritten := func(w string) (string, bool) {
		if s, ok := subject.of(w); ok {
			return s, true
		}
		return body.of(w)
	}
	var wordsOut []string
	for _, n := range wordNames {
		// Numbers are one token, "#", to the model; a reader sees "N".
		d := describe(unstem(n, asWritten))
		if strings.Contains(d, "#") {
			d = numberWords.Replace(d)
		}
		if !slices.Contains(wordsOut, d) {
			wordsOut = append(wordsOut, d)
		}
	}
	if fileWhy != "" {
		wordsOut = append(wordsOut, fileWhy)
	}
	return joinWords(wordsOut)
}

// numberWords shows the model's number tokens in reasons as a reader
// would write them.
var numberWords = strings.NewReplacer(" v#", " vN", "'v#", "'vN", " #", " N", "'#", "'N")

// stopwords weigh in the model but are never quoted as a reason.
var stopwords = set("a", "an", "the", "to", "for", "of", "in", "on", "at", "by", "with", "from", "and", "or", "is", "it",
	"be", "as", "this", "that", "#", "v#", "when", "if", "not", "no", "into", "-",
	// Pronouns, auxiliaries and the halves of contractions ("won't" is
	// "won" and "t"): a manager reads "word 'won'" as nonsense.
	"i", "we", "you", "he", "she", "they", "me", "us", "them", "my", "our", "your", "their", "its", "his", "her",
	"was", "were", "are", "am", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would",
	"can", "could", "should", "shall", "may", "might", "must", "don", "won", "isn", "doesn", "didn", "wasn",
	"aren", "hasn", "haven", "wouldn", "couldn", "shouldn", "t", "s", "ll", "ve", "re", "d", "m",
	"so", "but", "then", "than", "there", "here", "which", "what", "who", "also", "just", "some", "any",
	"type", "types", "thing", "things", "way", "ways", "one", "two")

// onlyStopwords reports whether every word of a word feature (a pair too,
// or a word crossed with the kinds of files) is a stopword.
func onlyStopwords(f string) bool {
	_, v, _ := strings.Cut(f, ":")
	v, _, _ = strings.Cut(v, "|")
	for w := range strings.FieldsSeq(v) {
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
func unstem(f string, asWritten func(string) (string, bool)) string {
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
		if s, ok := asWritten(w); ok {
			ws[i] = s
		}
	}
	return fam + ":" + strings.Join(ws, " ") + rest
}

// describes reports whether describe(f) is not "", without building it.
func describes(f string) bool {
	fam, v, _ := strings.Cut(f, ":")
	switch fam {
	case "w", "f", "xw", "b", "bw", "all", "d", "n", "x", "v", "vx", "add-only", "delete-only", "in-place":
		return true
	case "most", "k":
		return v != "product"
	}
	return false
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
		return "half or more of its files are " + kindPhrase(v) // by count, not lines
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
//	git-career commit model 2
//	classes feature fix ...            (the first stage's)
//	bias 120 -30 ...
//	kinds feature fix ...              (the second stage's; optional)
//	kbias 40 -12 ...
//	stack <name>\t<weight per kind>    (one line per dense feature)
//	<feature>\t<weight per class>
//
// Weights are integers in thousandths, rows sorted by feature name; a
// feature whose every weight rounds to 0 is left out.
const (
	magic = "git-career commit model 2"
	scale = 1000
)

// MarshalText writes m in the file format.
func (m *Model) MarshalText() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(magic + "\nclasses " + strings.Join(m.classes, " ") + "\n")
	writeWeights(&b, "bias", m.bias)
	if s := m.stack; s != nil {
		b.WriteString("kinds " + strings.Join(s.kinds, " ") + "\n")
		writeWeights(&b, "kbias", s.bias)
		k := len(s.kinds)
		for j, name := range stackFeatureNames {
			writeWeights(&b, "stack "+name+"\t", s.w[j*k:j*k+k])
		}
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

// writeWeights writes a line: head, then the weights in thousandths, the
// first after a space unless head ends with a tab.
func writeWeights(b *bytes.Buffer, head string, ws []float64) {
	b.WriteString(head)
	for i, x := range ws {
		if i > 0 || !strings.HasSuffix(head, "\t") {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(quantize(x)))
	}
	b.WriteByte('\n')
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
	// Most models have some 10,000 features: sizing the index once saves
	// growing it, which is most of the time Parse takes.
	m.index = make(map[uint64]int, bytes.Count(data, []byte{'\n'}))
	stacked := 0 // stack lines read
	for n := 4; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case n == 4 && strings.HasPrefix(line, "kinds "):
			m.stack = &stack{kinds: strings.Fields(strings.TrimPrefix(line, "kinds "))}
			continue
		case n == 5 && m.stack != nil:
			if m.stack.bias, err = parseWeights(strings.TrimPrefix(line, "kbias "), len(m.stack.kinds)); err != nil || !strings.HasPrefix(line, "kbias ") {
				return nil, fmt.Errorf("commit model: line 5: want the second stage's bias")
			}
			m.stack.w = make([]float64, 0, len(stackFeatureNames)*len(m.stack.kinds))
			continue
		case m.stack != nil && stacked < len(stackFeatureNames):
			name, ws, ok := strings.Cut(strings.TrimPrefix(line, "stack "), "\t")
			if !ok || !strings.HasPrefix(line, "stack ") || name != stackFeatureNames[stacked] {
				return nil, fmt.Errorf("commit model: line %d: want the second stage's feature %q", n, stackFeatureNames[stacked])
			}
			row, err := parseWeights(ws, len(m.stack.kinds))
			if err != nil {
				return nil, fmt.Errorf("commit model: line %d: %w", n, err)
			}
			m.stack.w = append(m.stack.w, row...)
			stacked++
			continue
		}
		name, ws, ok := strings.Cut(line, "\t")
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
	if m.stack != nil && stacked < len(stackFeatureNames) {
		return nil, fmt.Errorf("commit model: the second stage has %d features, want %d", stacked, len(stackFeatureNames))
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

// Stacked reports whether m has a second stage (see Build).
func (m *Model) Stacked() bool { return m.stack != nil }

// Size is the number of features with a weight.
func (m *Model) Size() int { return len(m.names) }
