package classify

import (
	"strings"
	"unicode"
)

// commentFacts is what the comment rules read, computed once per comment.
type commentFacts struct {
	label       string   // Conventional Comments label, "" when absent
	decorations []string // its decorations
	prose       string   // lower-cased text without code or quotes
	raw         string   // the same before lower-casing (identifiers keep their case)
	code        int      // code blocks and indented code lines
	spans       int      // inline `code` spans
	words       int      // words of prose
	asks        bool     // the prose asks a question
}

// newCommentFacts reads body. A labelled comment is read from its subject,
// so "issue: x" is judged on x. Code and quoted lines are removed before
// the vocabularies run: "since" in a code sample or "because" in the
// quoted text being answered is not the reviewer's own reasoning.
func newCommentFacts(body string) *commentFacts {
	c := &commentFacts{}
	text := body
	if label, decs, subject, ok := parseCommentLabel(body); ok {
		c.label, c.decorations, text = label, decs, subject
	}
	var prose []string
	fenced := false
	for _, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			if !fenced {
				c.code++
			}
			fenced = !fenced
		case fenced:
		case strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t"):
			if trimmed != "" {
				c.code++
			}
		case strings.HasPrefix(trimmed, ">"):
		default:
			prose = append(prose, c.dropSpans(trimmed))
		}
	}
	c.raw = strings.TrimSpace(strings.Join(prose, "\n"))
	c.prose = strings.ToLower(c.raw)
	c.words = len(strings.FieldsFunc(c.prose, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '+'
	}))
	c.asks = asks(c.prose)
	return c
}

// dropSpans replaces inline `code` spans by the word "code", counting them.
func (c *commentFacts) dropSpans(line string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(line, '`')
		if i < 0 {
			break
		}
		j := strings.IndexByte(line[i+1:], '`')
		if j < 0 {
			break
		}
		b.WriteString(line[:i])
		b.WriteString(" code ")
		c.spans++
		line = line[i+1+j+1:]
	}
	b.WriteString(line)
	return b.String()
}

// asks reports a question: a sentence ending in "?", or a comment that
// opens like one ("why not reuse the helper"). A polite request without a
// question mark ("could you split this") is a suggestion, not a question.
func asks(prose string) bool {
	if strings.Contains(prose, "?") {
		return true
	}
	return questionStart.MatchString(prose) && !politeRequest.MatchString(prose)
}

// labelReason is "conventional label nitpick (non-blocking):".
func (c *commentFacts) labelReason() string {
	s := "conventional label " + c.label
	if len(c.decorations) > 0 {
		s += " (" + strings.Join(c.decorations, ", ") + ")"
	}
	return s + ":"
}
