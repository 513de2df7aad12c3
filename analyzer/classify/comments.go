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

// commentClasses are the seven kinds, Educational first.
var commentClasses = []CommentClass{Educational, Suggestion, Question, Nitpick, Praise, Approval, Other}

// teachClasses are the classes of the teaching model, and kindClasses
// those of the kind model: every kind but Educational.
var (
	teachClasses = []CommentClass{Educational, "not-educational"}
	kindClasses  = commentClasses[1:]
)

// commentModels are the two learned steps of the guide's decision order:
// teaches says whether the comment teaches (its threshold, on
// Educational, chosen for precision when it was trained); kind, trained
// on the comments that do not teach, says which of the other six kinds
// it is.
type commentModels struct {
	teaches, kind *commentmodel.Model
}

// The trained models, rebuilt from the labelled comments by
// `go test ./analyzer/classify -run TestCommentModelFresh -update`
// (TestCommentModelFresh fails when they are stale).
var (
	//go:embed comment_teaches.tsv
	teachesModelText []byte
	//go:embed comment_kind.tsv
	kindModelText []byte
)

// builtinModels are parsed once, when the program starts; a file that
// does not parse is a build defect, and every test of this package panics
// on it.
var builtinModels = commentModels{
	teaches: mustParseModel("comment_teaches.tsv", teachesModelText),
	kind:    mustParseModel("comment_kind.tsv", kindModelText),
}

func mustParseModel(name string, b []byte) *commentmodel.Model {
	m, err := commentmodel.Parse(b)
	if err != nil {
		panic("classify: embedded " + name + ": " + err.Error())
	}
	return m
}

// CommentKind is what [ClassifyComment] says of a review comment.
type CommentKind struct {
	Class CommentClass
	// Reason is a short reason in plain words: `gives a reason: "because";
	// links documentation`, `conventional label nitpick (non-blocking):`.
	// For a labelled comment that teaches it names the label first
	// (`labelled suggestion; gives a reason: "so that"; ...`), so a reader
	// sees that the label was read and why the comment is educational all
	// the same.
	Reason string
	// Label is the comment's Conventional Comments label, lower-cased
	// ("suggestion", "nit", "issue"), "" when it has none; Decorations
	// are its decorations ("non-blocking"). They are kept whatever the
	// class, so that a document quoting the comment can show the label
	// the reviewer chose: a suggestion that teaches is educational and
	// still a suggestion in its reviewer's words.
	Label       string
	Decorations []string
}

// Comment returns the kind of a review comment body and a short
// reason in plain words ("gives a reason: \"because\"; links a
// reference", "conventional label nitpick (non-blocking):").
func Comment(body string) (CommentClass, string) {
	k := ClassifyComment(body)
	return k.Class, k.Reason
}

// ClassifyComment returns the kind of a review comment body, with its
// reason and its Conventional Comments label.
func ClassifyComment(body string) CommentKind {
	return classifyComment(builtinModels, body)
}

// classifyComment follows the guide's decision order (which kind wins
// when a comment does two things):
//
//   - no text is other, a praise label is praise, a short sign-off with
//     no reason is approval, a short acknowledgement ("done", "fixed")
//     is other and a short compliment with no request in it is praise:
//     the labelled data has two approvals and few praises and
//     acknowledgements, too few to learn from, and "LGTM" needs no model;
//   - then whether the comment teaches, asked first and on its own,
//     because in the guide educational wins whenever a comment does
//     teach, whatever else it also does (asks, proposes, nitpicks) and
//     whatever its Conventional Comments label says: a model of that one
//     question, educational when its probability reaches the model's
//     threshold. The label is one of its inputs, a strong hint and not
//     the last word; and a labelled comment whose subject gives a reason
//     and says what follows otherwise teaches whatever the model says
//     (the guide's alternative with its rationale);
//   - a label of a form (nitpick and its kin, suggestion, question) is
//     then honoured: the comment does not teach, and the reviewer said
//     what it is. Labels that name no form (issue, todo, thought, note,
//     chore) leave the decision to the kind model, which reads their
//     subject;
//   - otherwise the kind model, trained only on comments that do not
//     teach, picks the likeliest of the six other kinds, so that its
//     weights learn what tells a suggestion from a question or a nitpick
//     and not what tells either from teaching.
func classifyComment(ms commentModels, body string) CommentKind {
	c := newCommentFacts(body)
	k := CommentKind{Label: c.label, Decorations: c.decorations}
	k.Class, k.Reason = decideComment(ms, c)
	return k
}

func decideComment(ms commentModels, c *commentFacts) (CommentClass, string) {
	fs := commentFeatures(c)
	if k, why, ok := decidedBeforeModels(c, fs); ok {
		return k, why
	}
	x := teachInputs(c, fs)
	if k, _ := ms.teaches.Decide(x); k == 0 {
		why := explain(ms.teaches, c.words, fs, x, 0, 1)
		if c.label != "" {
			why = "labelled " + c.label + "; " + why
		}
		return Educational, why
	}
	if why, ok := teachingRule(c, fs); ok {
		return Educational, why
	}
	if l := labelClass(c.label); l != "" {
		return l, c.labelReason()
	}
	xk := kindInputs(c, fs)
	k, p := ms.kind.Likeliest(xk)
	against := -1
	for j := range p {
		if j != k && (against < 0 || p[j] > p[against]) {
			against = j
		}
	}
	return CommentClass(ms.kind.Classes[k]), explain(ms.kind, c.words, fs, xk, k, against)
}

// teachingRule says whether the comment teaches whatever the teaching
// model says, by a rule of the guide that the labelled files hold too few
// comments of for a model to learn:
//
//   - a link to documentation or to code that shows how (not to another
//     pull request or issue) points to a reference, which the guide
//     calls teaching, unless the comment is a remark on naming or
//     layout (a naming convention linked is still a nit) or only asks;
//   - a labelled comment whose subject says why and what follows
//     otherwise is the guide's alternative with its rationale, whatever
//     the label (4 of the 5 labelled comments of the files that say both
//     are educational).
//
// The training counts the comments a rule decides as decided, so that
// the model's threshold is chosen for the precision of both together.
func teachingRule(c *commentFacts, fs []commentFeature) (string, bool) {
	prefix := ""
	if c.label != "" {
		prefix = "labelled " + c.label + "; "
	}
	if c.links.docs+c.links.code > 0 && !hasFeature(fs, "f:nit-topic") && !hasFeature(fs, "f:asks-only") && !isNitLabel(c.label) {
		f, ok := feature(fs, "f:link-doc")
		if !ok {
			f, _ = feature(fs, "f:link-code")
		}
		return prefix + f.says, true
	}
	if c.label != "" && hasFeature(fs, "f:reason-and-consequence") {
		r, _ := feature(fs, "f:reason")
		q, _ := feature(fs, "f:consequence")
		return prefix + r.says + "; " + q.says, true
	}
	return "", false
}

// decidedBeforeModels decides what needs no model: no text is other, a
// praise label is praise, a short sign-off approval, a short
// acknowledgement other, a short compliment with no question praise.
func decidedBeforeModels(c *commentFacts, fs []commentFeature) (CommentClass, string, bool) {
	if c.prose == "" && c.code == 0 {
		return Other, "no text", true
	}
	if !hasLetter(c.prose) && c.code == 0 && !approvalWords.MatchString(c.prose) {
		return Other, "no words", true // "?", "...", a stray mark: unclear, in the guide's words
	}
	if c.label == "praise" {
		return Praise, c.labelReason(), true
	}
	if hasFeature(fs, "f:approval-only") {
		w := approvalWords.FindString(c.prose)
		return Approval, fmt.Sprintf("signs off: %q", strings.TrimRight(w, " .,!")), true
	}
	if f, ok := feature(fs, "f:ack-only"); ok {
		return Other, f.says, true
	}
	if hasFeature(fs, "f:praise-only") && !c.asks {
		w := praiseWords.FindString(c.prose)
		return Praise, fmt.Sprintf("praise only: %q", w), true
	}
	return "", "", false
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

// explain names the three features that most favoured class k of m
// over class against (the runner-up, or for the teaching model the
// other class), in the phrases of commentFeatures, each phrase once (the
// features that combine others read as the phrase they stand for). The
// grammar and character grams are never named: "will _" or "ould"
// explains nothing to a reader.
func explain(m *commentmodel.Model, words int, fs []commentFeature, x []commentmodel.Feature, k, against int) string {
	says := map[string]string{"f:length": fmt.Sprintf("%d words long", words)}
	for _, f := range fs {
		says[f.name] = f.says
	}
	// What the comment says comes before its shape: "gives a reason:
	// \"because\"" tells the reader more than "65 words long", which is
	// said only when nothing the comment says is among the reasons.
	var said, shape []string
	seen := map[string]bool{}
	for _, c := range m.Contributions(x, k, against) {
		p, ok := says[c.Name]
		if !ok || p == "" || seen[p] {
			continue
		}
		seen[p] = true
		if shapeFeature(c.Name) {
			shape = append(shape, p)
		} else {
			said = append(said, p)
		}
	}
	parts := said
	if len(parts) == 0 {
		parts = shape
	}
	if len(parts) > 3 {
		parts = parts[:3]
	}
	if len(parts) == 0 {
		return "no recognised kind"
	}
	return strings.Join(parts, "; ")
}

// shapeFeature reports a feature that says how a comment looks, not what
// it says.
func shapeFeature(name string) bool {
	switch {
	case name == "f:length", name == "f:statement",
		strings.HasPrefix(name, "f:words:"), strings.HasPrefix(name, "f:sentences:"),
		strings.HasPrefix(name, "f:statement-words:"):
		return true
	}
	return false
}

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
