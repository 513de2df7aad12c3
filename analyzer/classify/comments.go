package classify

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"

	"github.com/git-career/git-career/analyzer/classify/commentmodel"
)

// CommentClass is the kind of a review comment, one of the seven of the
// labelling guide (../shared/eval/review-comment-kinds.md). Ids are stable.
type CommentClass string

const (
	// Educational comments teach: they give a reason, an alternative with
	// its rationale, a reference, or explain how the code behaves.
	Educational CommentClass = "educational"
	Suggestion  CommentClass = "suggestion"
	Question    CommentClass = "question"
	Nitpick     CommentClass = "nitpick"
	Praise      CommentClass = "praise"
	Approval    CommentClass = "approval"
	// Other is none of the above: acknowledgements, status notes, replies
	// that neither teach, suggest nor ask.
	Other CommentClass = "other"
)

// commentClasses are the model's classes, Educational first: the model's
// threshold is on its first class, the one whose precision matters.
var commentClasses = []CommentClass{Educational, Suggestion, Question, Nitpick, Praise, Approval, Other}

// commentModelText is the trained model, rebuilt from the labelled
// comments by `go test ./analyzer/classify -run TestCommentModelFresh -update`
// (TestCommentModelFresh fails when it is stale).
//
//go:embed comment_model.tsv
var commentModelText []byte

// commentModel is parsed once, when the program starts; a file that does
// not parse is a build defect, and every test of this package panics on
// it.
var commentModel = mustParseModel(commentModelText)

func mustParseModel(b []byte) *commentmodel.Model {
	m, err := commentmodel.Parse(b)
	if err != nil {
		panic("classify: embedded comment model: " + err.Error())
	}
	return m
}

// Comment returns the kind of a review comment body and a short
// reason in plain words ("gives a reason: \"because\"; links a
// reference", "conventional label nitpick (non-blocking):").
func Comment(body string) (CommentClass, string) {
	return classifyComment(commentModel, body)
}

// classifyComment decides in this order:
//
//   - no text is other, a praise label is praise, a short sign-off with
//     no reason is approval, a short acknowledgement ("done", "fixed")
//     is other and a short compliment with no request in it is praise:
//     the labelled data has two approvals, ten praises and two
//     acknowledgements, too few to learn from, and "LGTM" needs no model;
//   - otherwise the model decides, educational when its probability
//     reaches the model's threshold (chosen for precision when it was
//     trained);
//   - a Conventional Comments label of a form (nitpick and its kin,
//     suggestion, question) is honoured unless the model finds that the
//     comment teaches: teaching beats form, because the reason is what the
//     author keeps. Labels that name no form (issue, todo, thought, note,
//     chore) leave the decision to the model, which reads their subject.
func classifyComment(m *commentmodel.Model, body string) (CommentClass, string) {
	c := newCommentFacts(body)
	if c.prose == "" && c.code == 0 {
		return Other, "no text"
	}
	if !hasLetter(c.prose) && c.code == 0 && !approvalWords.MatchString(c.prose) {
		return Other, "no words" // "?", "...", a stray mark: unclear, in the guide's words
	}
	if c.label == "praise" {
		return Praise, c.labelReason()
	}
	fs := commentFeatures(c)
	if hasFeature(fs, "f:approval-only") {
		w, _ := find(approvalWords, c.prose)
		return Approval, fmt.Sprintf("signs off: %q", strings.TrimRight(w, " .,!"))
	}
	if f, ok := feature(fs, "f:ack-only"); ok {
		return Other, f.says
	}
	if hasFeature(fs, "f:praise-only") && !c.asks {
		w, _ := find(praiseWords, c.prose)
		return Praise, fmt.Sprintf("praise only: %q", w)
	}
	x := modelInputs(c, fs)
	k, p := m.Decide(x)
	class := CommentClass(m.Classes[k])
	if class != Educational {
		if l := labelClass(c.label); l != "" {
			return l, c.labelReason()
		}
	}
	return class, explain(m, c.words, fs, x, k, p)
}

// labelClass is the kind a Conventional Comments label names, "" for the
// labels that name none.
func labelClass(label string) CommentClass {
	switch {
	case isNitLabel(label):
		return Nitpick
	case label == "suggestion":
		return Suggestion
	case label == "question":
		return Question
	}
	return ""
}

// explain names the three features that most favoured class k over the
// runner-up, in the phrases of commentFeatures, each phrase once (the
// features that combine others read as the phrase they stand for).
func explain(m *commentmodel.Model, words int, fs []commentFeature, x []commentmodel.Feature, k int, p []float64) string {
	// The runner-up among the other kinds; when educational fell short of
	// its threshold, among the kinds that are not educational, since the
	// question then is why this kind and not the next.
	against := -1
	for j := range p {
		if j != k && (k == 0 || j != 0) && (against < 0 || p[j] > p[against]) {
			against = j
		}
	}
	says := map[string]string{"f:length": fmt.Sprintf("%d words long", words)}
	for _, f := range fs {
		says[f.name] = f.says
	}
	// What the comment says comes before its shape: "gives a reason:
	// \"because\"" tells the reader more than "65 words long", so the
	// shape (length, sentences) fills in only when fewer than three other
	// features count.
	var said, shape []string
	seen := map[string]bool{}
	for _, c := range m.Contributions(x, k, against) {
		p := says[c.Name]
		if seen[p] {
			continue
		}
		seen[p] = true
		if shapeFeatures[c.Name] || strings.HasPrefix(c.Name, "f:words:") {
			shape = append(shape, p)
		} else {
			said = append(said, p)
		}
	}
	parts := append(said, shape...)
	if len(parts) > 3 {
		parts = parts[:3]
	}
	if len(parts) == 0 {
		return "no recognised kind"
	}
	return strings.Join(parts, "; ")
}

// shapeFeatures say how a comment looks, not what it says.
var shapeFeatures = map[string]bool{"f:length": true, "f:sentences": true, "f:statement": true}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func hasFeature(fs []commentFeature, name string) bool {
	_, ok := feature(fs, name)
	return ok
}

func feature(fs []commentFeature, name string) (commentFeature, bool) {
	for _, f := range fs {
		if f.name == name {
			return f, true
		}
	}
	return commentFeature{}, false
}
