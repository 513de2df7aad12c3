package classify

import (
	"regexp"
	"strings"
	"unicode"
)

// commentFacts is what the comment rules read, computed once per comment.
type commentFacts struct {
	label       string   // Conventional Comments label, "" when absent
	decorations []string // its decorations
	prose       string   // lower-cased text without code, quotes or link targets
	raw         string   // the same before lower-casing (identifiers keep their case)
	code        int      // code blocks, code lines and suggestion blocks
	suggestions int      // GitHub ```suggestion blocks (a change offered as code)
	spans       int      // inline `code` spans
	quotes      int      // quoted lines ("> ..."): the reviewer quotes a doc or a reply
	links       commentLinks
	words       int  // words of prose
	asks        bool // the prose asks a question
	sentences   []commentSentence
	// told is the prose without its questions and without the writer's
	// reports of what they did: what the comment states or asks to be
	// done, where a reason or an explanation teaches. The same words in a
	// question ask for them ("will this break on py2?"), and in a report
	// they explain the writer's own change ("so i changed it").
	told string
}

// commentLinks counts the links of a comment by where they lead: a page
// that documents something (a manual, a standard, an article) or a place
// in code that shows how are references, the guide's teaching; a pull
// request, an issue, a commit or a discussion is a pointer to other work,
// which is not; an image shows, it does not refer.
type commentLinks struct {
	docs, code, threads, images, other int
}

func (l commentLinks) references() int { return l.docs + l.code + l.other }

// commentSentence is one sentence of the prose, with what it does.
type commentSentence struct {
	text string
	kind sentenceKind
}

type sentenceKind int

const (
	sentenceStatement sentenceKind = iota // says something
	sentenceRequest                       // asks for a change: "please", "let's", "we should", "use x"
	sentenceQuestion                      // asks
	sentenceReport                        // tells what the writer did: "i changed it so that ..."
)

// newCommentFacts reads body. A labelled comment is read from its subject,
// so "issue: x" is judged on x. Code and quoted lines are removed before
// the vocabularies run: "since" in a code sample or "because" in the
// quoted text being answered is not the reviewer's own reasoning. The
// text may come lower-cased (some exports of GitHub reviews are), may be
// Markdown, and may carry code blocks whose fence marks an export dropped
// (a line reading only "python" or "diff" before the code).
func newCommentFacts(body string) *commentFacts {
	c := &commentFacts{}
	text := strings.ReplaceAll(body, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\u2019", "'") // a typographic apostrophe
	text = strings.ReplaceAll(text, "\u00b4", "'")
	text = htmlNoiseRe.ReplaceAllString(text, " ")
	if label, decs, subject, ok := parseCommentLabel(text); ok {
		c.label, c.decorations, text = label, decs, subject
	}
	var prose []string
	fenced, bareCode := false, false
	for _, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			if !fenced {
				c.code++
				if strings.HasPrefix(strings.TrimLeft(trimmed, "`~ "), "suggestion") {
					c.suggestions++
				}
			}
			fenced = !fenced
		case fenced:
		case trimmed == "":
			bareCode = false
			prose = append(prose, "")
		case bareCode || codeLanguages[strings.ToLower(trimmed)]:
			// A fence an export dropped: the language's name alone on a
			// line, then code up to the next blank line.
			if !bareCode {
				c.code++
			}
			bareCode = true
		case strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t") || looksLikeCode(trimmed):
			c.code++
		case strings.HasPrefix(trimmed, ">"):
			c.quotes++
		default:
			prose = append(prose, c.readLinks(c.dropSpans(trimmed)))
		}
	}
	c.raw = strings.TrimSpace(strings.Join(prose, "\n"))
	c.prose = strings.ToLower(c.raw)
	c.words = len(strings.FieldsFunc(c.prose, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '+'
	}))
	c.asks = asks(c.prose)
	c.sentences = splitSentences(c.prose)
	var told []string
	for _, s := range c.sentences {
		if s.kind != sentenceQuestion && s.kind != sentenceReport {
			told = append(told, s.text)
		}
	}
	c.told = strings.Join(told, "\n")
	return c
}

// htmlNoiseRe is HTML a review tool adds around its text: comments, and
// the folded <details> blocks AI reviewers attach ("prompt to fix with
// AI"); and the tags themselves.
var htmlNoiseRe = regexp.MustCompile(`(?s)<!--.*?-->|<details>.*?</details>|</?[a-z]+[^<>\n]*>`)

// codeLanguages are the words a fenced block names its language with.
var codeLanguages = map[string]bool{
	"py": true, "python": true, "pycon": true, "diff": true, "sh": true, "bash": true, "shell": true,
	"console": true, "rst": true, "json": true, "yaml": true, "yml": true, "toml": true, "ini": true,
	"js": true, "javascript": true, "ts": true, "typescript": true, "go": true, "c": true, "cpp": true,
	"java": true, "rust": true, "ruby": true, "sql": true, "html": true, "css": true, "text": true,
	"suggestion": true,
}

// codeStart is a line that can only be code: a definition, an import,
// a decorator, a shell prompt. codeKeyword is a line that opens with a
// keyword a sentence may open with too ("return the old value", "if
// so, ..."); it is code only with the marks of code and no full stop.
var (
	codeStart   = regexp.MustCompile(`^(def \w+\(|class \w+[(:]|from [\w.]+ import \w|import [\w.]+(, [\w.]+)*$|@\w+(\(|$)|#include|func \w*\(|\$ \w)`)
	codeKeyword = regexp.MustCompile(`^(return|raise|assert|if|elif|else|for|while|try|except|with|print|var|let|const|yield|await)\b`)
	codeEnding  = regexp.MustCompile(`[:{;(\[,]$|\)$|=|\(\)`)
)

// looksLikeCode reports a line of code outside a fence: a line only code
// opens with, a keyword with code's marks, or a line made mostly of the
// marks code is made of.
func looksLikeCode(line string) bool {
	if codeStart.MatchString(line) {
		return true
	}
	if codeKeyword.MatchString(line) && codeEnding.MatchString(line) && !strings.HasSuffix(line, ".") {
		return true
	}
	if len(line) < 12 {
		return false
	}
	marks, letters := 0, 0
	for _, r := range line {
		switch {
		case strings.ContainsRune("=()[]{};<>|&*+-/\\\"_:#", r):
			marks++
		case unicode.IsLetter(r):
			letters++
		}
	}
	return marks >= 4 && marks*2 > letters
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

// markdownLinkRe is [text](target) or ![alt](image); bareURLRe a URL in
// the text.
var (
	markdownLinkRe = regexp.MustCompile(`(!?)\[([^\]\n]*)\]\(([^)\s]*(?:\([^)\s]*\)[^)\s]*)*)\)`)
	bareURLRe      = regexp.MustCompile(`https?://[^\s)>\]]+`)
)

// readLinks counts the links of line by kind and leaves their text: a
// Markdown link reads as its words, a bare URL as the word "link".
func (c *commentFacts) readLinks(line string) string {
	line = markdownLinkRe.ReplaceAllStringFunc(line, func(m string) string {
		sub := markdownLinkRe.FindStringSubmatch(m)
		if sub[1] == "!" {
			c.links.images++
			return " "
		}
		c.countLink(sub[3])
		return sub[2]
	})
	return bareURLRe.ReplaceAllStringFunc(line, func(u string) string {
		c.countLink(u)
		return " link "
	})
}

// Where a link leads, by its address. A page of a project's source (a
// file at a commit or on a branch) shows how; a pull request, issue,
// commit page, discussion or security alert is other work.
var (
	threadLinkRe = regexp.MustCompile(`/(pull|pulls|issues|commit|commits|compare|discussions|security|actions|runs|checks|job|jobs|builds?)/|#discussion_|#issuecomment-|/-/merge_requests/|/#/c/|/c/\d+|^https?://(review|bugs|logs|ci|jenkins|zuul|storyboard|paste)\.|/browse/[a-z]+-\d+|/ticket/\d+|/bugs?/\d+`)
	codeLinkRe   = regexp.MustCompile(`/(blob|tree|src|source|raw)/|/-/blob/|opendev\.org/.*/src/|\.(py|go|js|ts|java|c|h|cc|cpp|rs|rb)(#|$)`)
	docLinkRe    = regexp.MustCompile(`docs?\.|/docs?/|/documentation/|readthedocs|/manual/|/reference/|/library/|/api/|wiki|peps?\.|/pep-|rfc|stackoverflow\.com|stackexchange\.com|developer\.mozilla|arxiv\.org|/blog/|medium\.com|\.(html?|pdf|md|rst|txt)(#|$)`)
	imageLinkRe  = regexp.MustCompile(`\.(png|jpe?g|gif|svg|webp)(\?|$)|user-images\.githubusercontent|/assets/`)
)

func (c *commentFacts) countLink(u string) {
	u = strings.ToLower(u)
	switch {
	case imageLinkRe.MatchString(u):
		c.links.images++
	case threadLinkRe.MatchString(u):
		c.links.threads++
	case codeLinkRe.MatchString(u):
		c.links.code++
	case docLinkRe.MatchString(u):
		c.links.docs++
	case strings.HasPrefix(u, "http"):
		c.links.other++
	}
}

// sentenceSplit ends a sentence at ".", "!" or "?" before a space, or at
// a line break.
var sentenceSplit = regexp.MustCompile(`[.!?]+(\s+|$)|\n+`)

func splitSentences(prose string) []commentSentence {
	var out []commentSentence
	rest := prose
	for rest != "" {
		loc := sentenceSplit.FindStringIndex(rest)
		var s string
		if loc == nil {
			s, rest = rest, ""
		} else {
			s, rest = rest[:loc[1]], rest[loc[1]:]
		}
		s = strings.TrimSpace(mentionStart.ReplaceAllString(strings.TrimSpace(s), ""))
		if !hasLetter(s) {
			continue
		}
		k := sentenceKindOf(s)
		if n := len(out); n > 0 && out[n-1].kind == sentenceQuestion && questionReason.MatchString(s) {
			// "is this type-checked? because you also pass none below":
			// the reason is the question's, why the reviewer asks.
			k = sentenceQuestion
		}
		out = append(out, commentSentence{text: s, kind: k})
	}
	return out
}

// askingWhy is a sentence that says why the reviewer asks ("i'm asking
// because the title says markdown"): its reason is the question's.
var askingWhy = regexp.MustCompile(`\b(i'm|i am|i was|just) asking\b|\bthe reason i ask\b`)

// mentionStart is a sentence's opening @mention ("@maria i added ..."):
// whom the sentence is for, not what it says.
var mentionStart = regexp.MustCompile(`^(@[\w.-]+[,:]? +)+`)

// questionReason opens a sentence that gives the reason for the question
// before it, or says why the reviewer asks: "because ...", "i'm asking
// since ...".
var questionReason = regexp.MustCompile(`^(because|since|as|(i'm|i am|just) asking|asking)\b`)

// sentenceKindOf tells a question, a request and a statement apart.
func sentenceKindOf(s string) sentenceKind {
	switch {
	case strings.HasSuffix(strings.TrimRight(s, " !"), "?"):
		return sentenceQuestion
	case reportWords.MatchString(s):
		return sentenceReport
	case askingWhy.MatchString(s):
		return sentenceQuestion
	case requestRe.MatchString(s) || politeRequest.MatchString(s):
		return sentenceRequest
	case askingStart.MatchString(s) && !strings.HasSuffix(s, "."):
		return sentenceQuestion
	}
	return sentenceStatement
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
