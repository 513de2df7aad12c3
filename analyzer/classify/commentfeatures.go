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

// Words are the comment's own prose words, letters only: identifiers,
// numbers and paths are counted as "mentions code" instead, since
// "instance_uuid" or "libvirt.py" are the project's words, not the
// reviewer's way of teaching. Words shorter than two letters carry nothing.
var wordRe = regexp.MustCompile(`[a-z]+(?:'[a-z]+)?`)

// codeRefRe finds a reference to other code in prose: snake_case,
// dotted.names, calls foo(), CamelCase, paths with a slash or a source
// file suffix, and "line 12" / "L12".
var codeRefRe = regexp.MustCompile(`\b[A-Za-z]\w*_\w+\b|\b[A-Za-z]\w*\.[A-Za-z_]\w*\b|\b\w+\(\)|\b[a-z]+[A-Z]\w*\b|\b[A-Z][a-z]+[A-Z]\w*\b|\w/\w|\bline \d+\b|\bL\d+\b`)

// imperativeStart is a comment that opens with a command: "remove this",
// "add a test". Without a reason it is the guide's bare imperative.
var imperativeStart = regexp.MustCompile(`^(please |pls )?(use|add|remove|drop|rename|move|replace|change|make|avoid|delete|extract|inline|split|merge|wrap|return|check|call|pass|put|keep|switch|fix|update|revert|define|log|test|raise|catch|handle|set|get|do|don't|dont|leave|mock|assert|reword|reorder|combine|simplify|document|spell|capitalize|indent)\b`)

// consequenceWords: what happens if the code stays as it is, or why it
// behaves as it does: "or it won't run", "so we lose nothing", "since
// the keys are dense".
var consequenceWords = regexp.MustCompile(`\b(or (else )?(it|this|that|we|you|they|the \w+) (will|would|won't|wouldn't|can't|cannot|could|might|may|is|are)|won't (work|run|be|happen|match|help)|will not (work|run|be|happen)|can't happen|never happens?|(is|are) going to|so (we|it|you|this|that|there|nothing)|, so\b|which (is|are|means|makes|will|would|can|could|isn't|doesn't)|since\b|as (it|this|that|they)('s| is| are| does| will| would)|given that|in case|(it|this|that) (would|will) (be|make|mean|have)|is (a|an|the) \w+ (of|for|that|which)|(is|are) not the same)\b`)

// suggestiveQuestion: a change request worded as a question ("why not
// use X?", "can't we ...?", "should this be ...?").
var suggestiveQuestion = regexp.MustCompile(`\b(why not|why don't|can't we|couldn't we|can we|could we|should we|shouldn't (we|this|it|that)|should (this|it|that) (be|not|also)|would it be (better|cleaner|simpler|nicer|easier)|how about|what about|do we (need|want)|is (this|it) (needed|necessary|required)|wouldn't it be|any reason (not )?to|could (you|this|it)|can (you|this)|would you)\b`)

// sedRe is a substitution in sed's notation, "s/recieve/receive/".
var sedRe = regexp.MustCompile(`(^|\s)s/[^/\s]+/`)

// quotedRe is a short quoted phrase: the reviewer proposes or questions
// wording.
var quotedRe = regexp.MustCompile(`(^|\W)('[^'\n]{1,40}'|"[^"\n]{1,40}")`)

// stopWords are left out of the words: articles, prepositions and
// pronouns say how long a comment is, which f:length already says, and
// "says \"the\"" explains nothing to a reader.
var stopWords = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "of": true, "to": true, "in": true,
	"on": true, "at": true, "for": true, "with": true, "by": true, "from": true, "as": true,
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "it": true,
	"its": true, "this": true, "that": true, "these": true, "those": true, "there": true,
	"we": true, "you": true, "i": true, "he": true, "she": true, "they": true, "them": true,
	"our": true, "your": true, "my": true, "me": true, "us": true, "or": true, "but": true,
	"so": true, "if": true, "then": true, "than": true, "also": true, "here": true,
}

// dittoRe is a comment that points at another one instead of saying
// anything itself.
var dittoRe = regexp.MustCompile(`^(same|ditto|likewise|again|as above|as below|same (here|as above|as before|thing|below|comment|issue)|here too|and here|also here|see above|see below|see my (previous |other |earlier )?comment)\W*$`)

// ackRe is a reply that acknowledges: "done", "ok", "fixed in the next
// patch".
var ackRe = regexp.MustCompile(`^(done|fixed|ok|okay|ack|agreed?|yes|yeah|yep|sure|will do|thanks?,? (fixed|done)|good point|right|true|understood|noted)\b`)

// wishRe is a request worded as a wish: "a test would be nice".
var wishRe = regexp.MustCompile(`\b(would|will|might) be (nice|good|great|better|cleaner|nicer)\b`)

// sentenceEnd counts the ends of sentences inside the prose.
var sentenceEnd = regexp.MustCompile(`[.!?](\s|$)`)

// commentFeatures are the model's inputs for a comment. The named ones
// carry the guide's definition of each kind; the words let the model
// weigh ordinary review English the vocabularies miss.
func commentFeatures(c *commentFacts) []commentFeature {
	var fs []commentFeature
	add := func(name, says string) { fs = append(fs, commentFeature{name, says}) }
	vocab := func(name string, re *regexp.Regexp, what string) bool {
		w := re.FindString(c.prose)
		if w == "" {
			return false
		}
		add(name, fmt.Sprintf("%s: %q", what, strings.TrimSpace(w)))
		return true
	}
	teaches, taught, families := false, "", 0
	for _, v := range []struct {
		name string
		re   *regexp.Regexp
		what string
	}{
		{"f:reason", reasonWords, "gives a reason"},
		{"f:alternative", alternativeWords, "offers an alternative"},
		{"f:behaviour", behaviourWords, "explains behaviour"},
		{"f:simpler", simplerWords, "shows a simpler way"},
		{"f:redundant", redundantWords, "says code is redundant"},
		{"f:defect", defectWords, "names a defect"},
		{"f:effect", effectWords, "says what it leads to"},
		{"f:code-fact", codeFactWords, "explains behaviour"},
	} {
		if vocab(v.name, v.re, v.what) {
			families++
			if !teaches {
				teaches, taught = true, fs[len(fs)-1].says
			}
		}
	}
	if referenceWords.MatchString(c.prose) {
		add("f:reference", "links a reference")
		families++
		if !teaches {
			teaches, taught = true, "links a reference"
		}
	}
	if vocab("f:consequence", consequenceWords, "says what follows") {
		families++
	}
	// Conjunctions a linear model cannot form itself: in review data a
	// short comment with one "because" teaches less often than a long one
	// that reasons several ways.
	switch {
	// They read, to a person, as the first teaching phrase found.
	case families >= 3:
		add("f:signals:3+", taught)
	case families == 2:
		add("f:signals:2", taught)
	}
	if teaches && c.words > 20 {
		add("f:teaches-at-length", taught)
	}
	if teaches {
		add("f:teaches", taught) // the first of them stands for all
	}
	suggestsQ := suggestiveQuestion.MatchString(c.prose)
	if suggestsQ {
		add("f:suggestive-question", "proposes a change as a question")
	} else if c.asks {
		add("f:info-question", "asks for information")
	}
	// The guide's line between a question and a suggestion: a question
	// asks for what the reviewer does not know; one that also proposes a
	// change ("why not", "can we", "please") is a change request dressed
	// as a question. A linear model cannot form the "and not" itself.
	requests := suggestsQ || suggestionWords.MatchString(c.prose) || imperativeStart.MatchString(c.prose) || politeRequest.MatchString(c.prose)
	switch {
	case c.asks && !requests:
		add("f:asks-only", "only asks")
	case requests && !c.asks:
		add("f:requests-only", "asks for a change")
	}
	if sedRe.MatchString(c.prose) {
		add("f:substitution", "proposes a wording")
	}
	if quotedRe.MatchString(c.raw) {
		add("f:quoted-words", "quotes words")
	}
	if !c.asks && !imperativeStart.MatchString(c.prose) && !suggestionWords.MatchString(c.prose) && c.words >= 12 {
		add("f:statement", "states a fact")
	}
	vocab("f:aside", asideWords, "acknowledges or thinks aloud")
	vocab("f:interjection", interjectionWords, "an exclamation")
	vocab("f:suggests", suggestionWords, "proposes a change")
	vocab("f:nit-topic", nitTopics, "about naming or layout")
	nit := vocab("f:nit-marker", nitMarkers, "marked as trivia")
	if vocab("f:praise", praiseWords, "praises") && c.words <= 12 && !teaches &&
		c.label == "" && !suggestionWords.MatchString(c.prose) && !wishRe.MatchString(c.prose) && strings.Trim(praiseWords.FindString(c.prose), " :)") != "" {
		// Nothing but the compliment: no request ("would be nice"), no
		// label, and more than a smiley.
		add("f:praise-only", "praise only")
	}
	if vocab("f:approval", approvalWords, "signs off") && c.words <= 8 && !teaches {
		add("f:approval-only", "signs off only")
	}
	if c.label != "" {
		add("f:label:"+c.label, c.labelReason())
		if isNitLabel(c.label) {
			nit = true
		}
	}
	if nit && !teaches {
		add("f:nit-no-reason", "a nit without a reason")
	}
	if c.asks {
		add("f:asks", "asks a question")
	}
	if strings.Contains(c.prose, "?") {
		add("f:question-mark", "asks a question")
	}
	if politeRequest.MatchString(c.prose) {
		add("f:polite-request", "asks for a change")
	}
	if imperativeStart.MatchString(c.prose) && !teaches {
		add("f:bare-imperative", "a bare imperative")
	}
	if c.code > 0 {
		add("f:code-block", "shows code")
	}
	if c.spans > 0 {
		add("f:code-span", "quotes code")
	}
	if codeRefRe.MatchString(c.raw) {
		add("f:code-ref", "refers to other code")
	}
	if n := len(sentenceEnd.FindAllString(c.prose, -1)); n >= 2 {
		add("f:sentences", "several sentences")
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
	if dittoRe.MatchString(c.prose) {
		add("f:ditto", "refers to another comment")
	}
	if w := ackRe.FindString(c.prose); w != "" {
		add("f:ack", fmt.Sprintf("acknowledges: %q", w))
		if c.words <= 6 && !teaches && !c.asks {
			add("f:ack-only", fmt.Sprintf("acknowledges: %q", w))
		}
	}
	if strings.HasSuffix(c.prose, "?") {
		add("f:ends-asking", "ends with a question")
	}
	words := wordRe.FindAllString(c.prose, -1)
	if len(words) > 0 {
		add("s:"+words[0], fmt.Sprintf("opens with %q", words[0]))
	}
	seen := map[string]bool{}
	for _, w := range words {
		if len(w) < 2 || seen[w] || stopWords[w] {
			continue
		}
		seen[w] = true
		add("w:"+w, fmt.Sprintf("says %q", w))
	}
	return fs
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

// gramSize is the length of the character n-grams the kind model reads.
const gramSize = 4

// kindInputs are the inputs of the kind model: those of the teaching
// model and the character 4-grams of the prose ("g:ould", "g: typ").
// Grams carry a word's stem and endings ("renam" in rename, renamed,
// renaming) and short phrases across a space, so they hold on another
// project's comments better than whole words do; they are never shown as
// reasons, since a fragment of a word explains nothing to a reader.
func kindInputs(c *commentFacts, fs []commentFeature) []commentmodel.Feature {
	out := modelInputs(c, fs)
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
