package classify

import (
	"fmt"
	"regexp"
	"strings"
)

// CommentClass is the kind of a review comment. Ids are stable.
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
	// Remark is none of the others.
	Remark CommentClass = "remark"
)

// commentRule gives Class to a comment when Match says so; the reason it
// returns is shown to the reader, so it is a short plain phrase.
type commentRule struct {
	Class CommentClass
	Name  string
	Match func(c *commentFacts) (reason string, ok bool)
}

// commentRules is the whole comment classifier. Rules run in order and the
// first match wins, so each rule may assume the ones above did not match.
// The order encodes four decisions:
//
//   - Sign-offs and thanks are recognised only when they are the whole
//     comment (short, no reason), so "LGTM, thanks" is approval but
//     "nice, though this leaks because ..." teaches. A praise label is
//     always honoured: the author says what the comment is for.
//   - Asides (acknowledgements, notes to self or to other reviewers) are
//     remarks even when they reason: they explain to the reviewer, not to
//     the author.
//   - Teaching beats form: a suggestion, question or nitpick that says why
//     is educational, because the reason is what the author learns and
//     keeps; labels (suggestion, question, nitpick and its kin) decide
//     only when no teaching signal is present. Labels that name no form
//     (issue, todo, thought, note, chore) are read by their subject.
//   - Without a label, questions come before nitpick topics and
//     suggestions: "rename this?" asks.
var commentRules = []commentRule{
	{Remark, "empty", func(c *commentFacts) (string, bool) {
		return "no text", c.prose == "" && c.code == 0
	}},
	{Praise, "conventional praise", labelIs("praise")},
	{Approval, "sign-off", func(c *commentFacts) (string, bool) {
		w, ok := find(approvalWords, c.prose)
		if !ok || c.words > 8 || c.teaches() {
			return "", false
		}
		return fmt.Sprintf("signs off: %q", strings.TrimRight(w, " .,!")), true
	}},
	{Praise, "thanks or compliment only", func(c *commentFacts) (string, bool) {
		// Short, no question, no reason: nothing in it but the compliment.
		w, ok := find(praiseWords, c.prose)
		if !ok || c.words > 12 || c.asks || c.teaches() {
			return "", false
		}
		return fmt.Sprintf("praise only: %q", w), true
	}},
	{Remark, "aside", func(c *commentFacts) (string, bool) {
		// Acknowledgements and notes to self: see asideWords.
		w, ok := find(asideWords, c.prose)
		if !ok {
			return "", false
		}
		return fmt.Sprintf("acknowledges or thinks aloud: %q", w), true
	}},

	// Educational: see commentwords.go for what each vocabulary covers.
	{Educational, "gives a reason", quotes(reasonWords, "gives a reason")},
	{Educational, "offers an alternative", quotes(alternativeWords, "offers an alternative")},
	{Educational, "explains behaviour", quotes(behaviourWords, "explains behaviour")},
	{Educational, "shows a simpler way", quotes(simplerWords, "shows a simpler way")},
	{Educational, "says code is redundant", quotes(redundantWords, "says code is redundant")},
	{Educational, "names a defect", quotes(defectWords, "names a defect")},
	{Educational, "links a reference", func(c *commentFacts) (string, bool) {
		return "links a reference", referenceWords.MatchString(c.prose)
	}},

	{Nitpick, "conventional nitpick", labelIs("nitpick", "nit", "typo", "polish", "quibble")},
	{Nitpick, "marked as a nit", func(c *commentFacts) (string, bool) {
		// "nit ..." or "minor: ..." without a Conventional colon: the
		// reviewer says it is trivia (unless it teaches: rules above).
		w, ok := find(nitMarkers, c.prose)
		if !ok {
			return "", false
		}
		return fmt.Sprintf("marked as trivia: %q", w), true
	}},

	{Suggestion, "conventional suggestion", labelIs("suggestion")},
	{Question, "conventional question", labelIs("question")},
	{Question, "asks", func(c *commentFacts) (string, bool) {
		return "asks a question", c.asks
	}},
	{Nitpick, "naming, spelling or layout", func(c *commentFacts) (string, bool) {
		// Short remarks about names, typos and whitespace; a long comment
		// that mentions a name is usually about more than the name.
		w, ok := find(nitTopics, c.prose)
		if !ok || c.words > 25 {
			return "", false
		}
		return fmt.Sprintf("about naming or layout: %q", w), true
	}},
	{Suggestion, "proposes a change", quotes(suggestionWords, "proposes a change")},
	{Suggestion, "proposes code", func(c *commentFacts) (string, bool) {
		// A code block with little prose around it is a proposed edit.
		return "proposes code", c.code > 0 && c.words <= 25
	}},
}

// Comment returns the class of a review comment body and a short
// reason in plain words ("gives a reason: \"because\"", "links a
// reference", "conventional label nitpick (non-blocking):").
func Comment(body string) (CommentClass, string) {
	r, why := matchComment(body)
	return r.Class, why
}

// fallback is the rule that matches when no other does.
var fallback = commentRule{Class: Remark, Name: "nothing recognised"}

// matchComment returns the first rule that matches body, and its reason.
func matchComment(body string) (*commentRule, string) {
	c := newCommentFacts(body)
	for i := range commentRules {
		if why, ok := commentRules[i].Match(c); ok {
			return &commentRules[i], why
		}
	}
	return &fallback, "no recognised kind"
}

// labelIs matches a Conventional Comments label among labels.
func labelIs(labels ...string) func(c *commentFacts) (string, bool) {
	return func(c *commentFacts) (string, bool) {
		for _, l := range labels {
			if c.label == l {
				return c.labelReason(), true
			}
		}
		return "", false
	}
}

// quotes matches a vocabulary and quotes the words it found.
func quotes(re *regexp.Regexp, what string) func(c *commentFacts) (string, bool) {
	return func(c *commentFacts) (string, bool) {
		w := re.FindString(c.prose)
		if w == "" {
			return "", false
		}
		return fmt.Sprintf("%s: %q", what, strings.TrimSpace(w)), true
	}
}
