package classify

import (
	"fmt"
	"math"
	"regexp"
	"strings"

	"github.com/git-career/git-career/analyzer/classify/commentmodel"
)

// commentFeature is a model input with the phrase a reader is shown when
// it is among the reasons for a comment's kind.
type commentFeature struct {
	name string // "f:reason", "w:otherwise"
	says string // `gives a reason: "because"`
}

// wordRe finds the comment's own prose words, letters only.
var wordRe = regexp.MustCompile(`[a-z]+(?:'[a-z]+)?`)

// codeRefRe finds a reference to code in prose: snake_case, dotted.names,
// calls foo(), CamelCase, paths with a slash, "line 12" / "L12". Written
// to hold on lower-cased text too, where CamelCase is lost.
var codeRefRe = regexp.MustCompile(`\b[A-Za-z]\w*_\w+\b|\b[A-Za-z]\w*\.[A-Za-z_]\w*\b|\b\w+\(\)|\b[a-z]+[A-Z]\w*\b|\b[A-Z][a-z]+[A-Z]\w*\b|\w/\w|\bline \d+\b|\bL\d+\b`)

// sedRe is a substitution in sed's notation, "s/recieve/receive/".
var sedRe = regexp.MustCompile(`(^|\s)s/[^/\s]+/`)

// quotedRe is a short quoted phrase: the reviewer proposes or questions
// wording.
var quotedRe = regexp.MustCompile(`(^|\W)('[^'\n]{1,40}'|"[^"\n]{1,40}")`)

// sentenceEnd counts the ends of sentences inside the prose.
var sentenceEnd = regexp.MustCompile(`[.!?](\s|$)`)

// teachingFamilies are the guide's ways of teaching, each a vocabulary
// and the phrase a reader is shown. Their order is the order a reason
// names them in.
var teachingFamilies = []struct {
	name string
	re   *regexp.Regexp
	what string
}{
	{"f:reason", reasonWords, "gives a reason"},
	{"f:consequence", consequenceWords, "says what follows"},
	{"f:behaviour", behaviourWords, "explains behaviour"},
	{"f:reference", referenceWords, "points to a reference"},
	{"f:knowledge", knowledgeWords, "shares what they know"},
	{"f:rule", ruleWords, "states a practice"},
}

// commentFeatures are the model's inputs for a comment. They carry the
// guide's definition of each kind (review-comment-kinds.md): for
// teaching, a reason, a consequence, a reference or link, an explanation
// of how code behaves, code shown with words around it, an alternative
// with its why; for the other kinds, a question, a request without a
// why, a remark on naming or layout, praise, a sign-off, an
// acknowledgement. Single words are not among them: a word says more
// about the project it was written in than about the comment's kind.
func commentFeatures(c *commentFacts) []commentFeature {
	var fs []commentFeature
	add := func(name, says string) { fs = append(fs, commentFeature{name, says}) }
	vocabIn := func(text, name string, re *regexp.Regexp, what string) bool {
		w := re.FindString(text)
		if w == "" {
			return false
		}
		add(name, fmt.Sprintf("%s: %q", what, clip(strings.TrimSpace(w))))
		return true
	}
	vocab := func(name string, re *regexp.Regexp, what string) bool { return vocabIn(c.prose, name, re, what) }

	// The teaching families, in the prose as a whole and sentence by
	// sentence: a reason in a statement next to a request is the guide's
	// "a request with a because"; the same words in a question ask.
	families, taught := 0, ""
	for _, v := range teachingFamilies {
		if vocabIn(c.told, v.name, v.re, v.what) {
			families++
			if taught == "" {
				taught = fs[len(fs)-1].says
			}
		}
	}
	refs := c.links.references()
	switch {
	case c.links.docs > 0:
		add("f:link-doc", "links documentation")
	case c.links.code > 0:
		add("f:link-code", "links code that shows how")
	case c.links.other > 0:
		add("f:link-page", "links a page")
	}
	if c.links.threads > 0 {
		add("f:link-thread", "links another change or issue")
	}
	if refs > 0 {
		if !hasFeature(fs, "f:reference") {
			families++
		}
		if taught == "" {
			taught = "links a reference"
		}
	}
	if c.quotes > 0 {
		add("f:quotes", "quotes a source")
	}
	vocabIn(c.told, "f:benefit", benefitWords, "says it reads better")
	vocabIn(c.told, "f:state", standingWords, "says how things stand")
	alt := vocabIn(c.told, "f:alternative", alternativeWords, "offers an alternative")
	simpler := vocabIn(c.told, "f:simpler", simplerWords, "shows a simpler way")
	redundant := vocabIn(c.told, "f:redundant", redundantWords, "says code is redundant")
	// The guide's rationale in full: why (a reason clause) and what
	// follows otherwise (a consequence), the two together.
	if hasFeature(fs, "f:reason") && hasFeature(fs, "f:consequence") {
		add("f:reason-and-consequence", taught)
	}
	if families > 0 && (alt || simpler || redundant) {
		add("f:alternative-with-why", taught)
	}
	switch {
	case families >= 3:
		add("f:teaching:3+", taught)
	case families == 2:
		add("f:teaching:2", taught)
	case families == 1:
		add("f:teaching:1", taught)
	}
	if families > 0 && c.words > 25 {
		add("f:teaching-at-length", taught)
	}

	var statements, requests, questions, reports, teachingStatements, teachingRequests, teachingQuestions int
	informative, fact := false, false
	statementWords, teachingWords, reasonTail := 0, 0, 0
	for _, s := range c.sentences {
		teaches := false
		for _, v := range teachingFamilies {
			if v.re.MatchString(s.text) {
				teaches = true
				break
			}
		}
		n := len(wordRe.FindAllString(s.text, -1))
		if loc := reasonWords.FindStringIndex(s.text); loc != nil && s.kind != sentenceQuestion && s.kind != sentenceReport {
			reasonTail = max(reasonTail, len(wordRe.FindAllString(s.text[loc[1]:], -1)))
			if contentWords(s.text[loc[1]:]) >= 3 {
				informative = true
			}
		}
		if teaches && s.kind != sentenceQuestion && s.kind != sentenceReport {
			teachingWords += n
		}
		switch s.kind {
		case sentenceReport:
			reports++
		case sentenceStatement:
			statements++
			statementWords += n
			if teaches {
				teachingStatements++
				if !personalStart.MatchString(s.text) && (behaviourWords.MatchString(s.text) || consequenceWords.MatchString(s.text)) {
					fact = true
				}
			}
		case sentenceRequest:
			requests++
			if teaches {
				teachingRequests++
			}
		case sentenceQuestion:
			questions++
			if teaches {
				teachingQuestions++
			}
		}
	}
	if teachingStatements > 0 {
		add("f:statement-teaches", taught)
		if teachingStatements >= 2 {
			add("f:statements-teach", taught)
		}
	}
	if requests > 0 && (teachingRequests > 0 || teachingStatements > 0) {
		add("f:request-with-why", taught)
	}
	if questions > 0 && teachingQuestions == questions && teachingStatements == 0 {
		add("f:question-with-why", "asks, giving a reason")
	}
	switch {
	case requests > 0 && families == 0 && refs == 0:
		add("f:request-without-why", "asks for a change without a why")
	case statements > 0 && requests == 0 && questions == 0 && c.words >= 6:
		add("f:statement", "states a fact")
	}
	switch {
	case teachingWords >= 30:
		add("f:teaching-words:30+", taught)
	case teachingWords >= 15:
		add("f:teaching-words:15-29", taught)
	case teachingWords >= 6:
		add("f:teaching-words:6-14", taught)
	}
	switch {
	case statementWords >= 30:
		add("f:statement-words:30+", "states facts at length")
	case statementWords >= 12:
		add("f:statement-words:12-29", "states facts")
	}
	if reasonTail >= 5 {
		add("f:reason-clause", taught)
	}
	if informative {
		add("f:reason-informative", taught)
	}
	if fact {
		add("f:states-how-it-works", taught)
	}
	if reports > 0 {
		add("f:report-sentence", "tells what they did")
	}
	if asksForDocs.MatchString(c.prose) {
		add("f:asks-for-docs", "asks for a comment, a doc or a test")
	}
	if questions > 0 && requests == 0 && statements == 0 {
		add("f:asks-only", "only asks")
	}
	vocab("f:reports", reportWords, "tells what they did")

	// Code in the comment: with words around it, it shows how; alone, a
	// proposed change; a GitHub suggestion block is the latter unless
	// the words say why.
	if c.code > 0 || c.spans > 0 {
		switch {
		case c.words <= 3:
			add("f:code-only", "shows code only")
		case c.words >= 10:
			add("f:code-with-words", "shows code and explains it")
		default:
			add("f:code", "shows code")
		}
	}
	if c.suggestions > 0 {
		add("f:suggestion-block", "proposes code")
	}
	if codeRefRe.MatchString(c.raw) {
		add("f:code-ref", "refers to code")
	}

	suggestsQ := suggestiveQuestion.MatchString(c.prose)
	if suggestsQ {
		add("f:suggestive-question", "proposes a change as a question")
	} else if c.asks {
		add("f:info-question", "asks for information")
	}
	if c.asks {
		add("f:asks", "asks a question")
	}
	if strings.HasSuffix(strings.TrimSpace(c.prose), "?") {
		add("f:ends-asking", "ends with a question")
	}
	if politeRequest.MatchString(c.prose) {
		add("f:polite-request", "asks for a change")
	}
	if imperativeStart.MatchString(c.prose) && families == 0 {
		add("f:bare-imperative", "a bare imperative")
	}
	vocab("f:suggests", suggestionWords, "proposes a change")
	if wishRe.MatchString(c.prose) {
		add("f:wish", "asks for a change")
	}
	if sedRe.MatchString(c.prose) {
		add("f:substitution", "proposes a wording")
	}
	if quotedRe.MatchString(c.raw) {
		add("f:quoted-words", "quotes words")
	}

	nit := vocab("f:nit-marker", nitMarkers, "marked as trivia")
	vocab("f:nit-topic", nitTopics, "about naming or layout")
	if c.label != "" {
		add("f:label:"+c.label, c.labelReason())
		if isNitLabel(c.label) {
			nit = true
		}
	}
	if nit && families == 0 {
		add("f:nit-no-reason", "a nit without a reason")
	}

	vocab("f:aside", asideWords, "acknowledges or thinks aloud")
	vocab("f:interjection", interjectionWords, "an exclamation")
	if vocab("f:praise", praiseWords, "praises") && c.words <= 12 && families == 0 &&
		c.label == "" && !suggestionWords.MatchString(c.prose) && !wishRe.MatchString(c.prose) && strings.Trim(praiseWords.FindString(c.prose), " :)") != "" {
		// Nothing but the compliment: no request ("would be nice"), no
		// label, and more than a smiley.
		add("f:praise-only", "praise only")
	}
	if vocab("f:approval", approvalWords, "signs off") && c.words <= 8 && families == 0 {
		add("f:approval-only", "signs off only")
	}
	if dittoRe.MatchString(c.prose) {
		add("f:ditto", "refers to another comment")
	}
	if w := ackRe.FindString(c.prose); w != "" {
		add("f:ack", fmt.Sprintf("acknowledges: %q", w))
		if c.words <= 6 && families == 0 && !c.asks {
			add("f:ack-only", fmt.Sprintf("acknowledges: %q", w))
		}
	}

	if n := len(c.sentences); n >= 3 {
		add("f:sentences:3+", "several sentences")
	} else if n == 2 {
		add("f:sentences:2", "two sentences")
	}
	switch w := c.words; {
	case len(wordRe.FindAllString(c.prose, 2)) == 0 && c.code == 0:
		add("f:no-words", "has no words")
	case w <= 1 && len(c.prose) <= 2:
		add("f:letter", "a single letter")
	case w <= 1:
		add("f:words:1", "a single word")
	case w <= 4:
		add("f:words:2-4", "a few words")
	case w <= 10:
		add("f:words:5-10", "a short sentence")
	case w <= 25:
		add("f:words:11-25", "a few sentences")
	case w <= 50:
		add("f:words:26-50", "a paragraph")
	default:
		add("f:words:51+", "several paragraphs")
	}
	return fs
}

// contentWords counts the words of s that are not grammar words (the
// nouns, verbs and names a reason is made of): "because we only need it
// there" has one, "because the builtin exceptions are subclasses of
// oserror" five. A reason that carries information names things.
func contentWords(s string) int {
	n := 0
	for _, w := range wordRe.FindAllString(s, -1) {
		if len(w) > 2 && !grammarWords[w] {
			n++
		}
	}
	return n
}

// clip shortens a matched phrase to its first six words, for a reason a
// reader scans.
func clip(s string) string {
	f := strings.Fields(s)
	if len(f) > 6 {
		return strings.Join(f[:6], " ") + " …"
	}
	return strings.Join(f, " ")
}

// lengthValue grades length in [0, 1] on a log scale, 100 words and more
// being 1: long comments are more often explanations.
func lengthValue(words int) float64 {
	return math.Min(1, math.Log1p(float64(words))/math.Log(101))
}

// modelInputs are the features as the model takes them, the graded
// length included.
func modelInputs(c *commentFacts, fs []commentFeature) []commentmodel.Feature {
	out := make([]commentmodel.Feature, 0, len(fs)+1)
	for _, f := range fs {
		out = append(out, commentmodel.Feature{Name: f.name, Value: 1})
	}
	return append(out, commentmodel.Feature{Name: "f:length", Value: lengthValue(c.words)})
}

// teachInputs are the inputs of the teaching model: the named features,
// the graded length and the grammar of what the comment states or asks
// to be done (its questions and its reports of what the writer did left
// out: "because" in a question asks for a reason, and in "i changed it
// because" it explains the writer's own change).
func teachInputs(c *commentFacts, fs []commentFeature) []commentmodel.Feature {
	return append(modelInputs(c, fs), grammarInputs(c.told)...)
}

// gramSize is the length of the character n-grams the kind model reads.
const gramSize = 4

// kindInputs are the inputs of the kind model: the named features, the
// graded length, the grammar of the whole prose (questions included,
// which tell a question from a suggestion) and the character 4-grams of
// the prose ("g:ould", "g: typ"). Grams carry a word's stem and endings
// ("renam" in rename, renamed, renaming) and short phrases across a
// space; they are never shown as reasons, since a fragment of a word
// explains nothing to a reader.
func kindInputs(c *commentFacts, fs []commentFeature) []commentmodel.Feature {
	out := append(modelInputs(c, fs), grammarInputs(c.prose)...)
	r := []rune(" " + strings.Join(strings.Fields(c.prose), " ") + " ")
	seen := map[string]bool{}
	for i := 0; i+gramSize <= len(r); i++ {
		g := "g:" + string(r[i:i+gramSize])
		if !seen[g] {
			seen[g] = true
			out = append(out, commentmodel.Feature{Name: g, Value: 1})
		}
	}
	return out
}

func isNitLabel(l string) bool {
	switch l {
	case "nitpick", "nit", "typo", "polish", "quibble":
		return true
	}
	return false
}

// grammarTokenRe finds the tokens of the prose the grammar is read from:
// words (with an apostrophe), numbers, and the marks that end or join
// clauses.
var grammarTokenRe = regexp.MustCompile(`[a-z][a-z']*|\d+|[?!.,:;()]`)

// grammarInputs are the grammar of text as features: each of
// grammarWords that it uses ("m:since") and each pair of neighbouring
// tokens, other words read as "_" ("m:since it's", "m:will _", "m:_ ?").
// They carry how a comment is put together (a reason clause, a modal
// consequence, a question) without any project's vocabulary, and are
// never shown as reasons: "will _" explains nothing to a reader.
func grammarInputs(text string) []commentmodel.Feature {
	toks := []string{"^"}
	for _, t := range grammarTokenRe.FindAllString(text, -1) {
		switch {
		case grammarWords[t] || strings.ContainsAny(t[:1], "?!.,:;()"):
			toks = append(toks, t)
		case t[0] >= '0' && t[0] <= '9':
			toks = append(toks, "#")
		default:
			toks = append(toks, "_")
		}
	}
	seen := map[string]bool{}
	var out []commentmodel.Feature
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			out = append(out, commentmodel.Feature{Name: n, Value: 1})
		}
	}
	for i, t := range toks {
		if grammarWords[t] {
			add("m:" + t)
		}
		if i+1 < len(toks) && !(t == "_" && toks[i+1] == "_") {
			add("m:" + t + " " + toks[i+1])
		}
	}
	return out
}
