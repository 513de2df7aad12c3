package report

import (
	"strings"
	"unicode/utf8"
)

// inlineSpecial are characters that start inline Markdown constructs (code,
// emphasis, links, HTML, table cells) anywhere in a line. Escaping them
// keeps a commit subject as plain text; GitHub renders "\*" as "*".
const inlineSpecial = "\\`*_[]<>|~"

// escapeText makes s safe to place inside a list item or heading: it
// collapses line breaks, backslash-escapes inline syntax and neutralises a
// start that Markdown would read as a block (heading, quote, list).
func escapeText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	for i := 0; i < len(s); {
		// A code span the author wrote ("Add `--json` to `gh run list`")
		// stays one: nothing inside a code span is read as Markdown.
		if s[i] == '`' {
			if j := strings.IndexByte(s[i+1:], '`'); j > 0 && strings.TrimSpace(s[i+1:i+1+j]) != "" {
				b.WriteString(s[i : i+j+2])
				i += j + 2
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if strings.ContainsRune(inlineSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
		i += n
	}
	return escapeBlockStart(b.String())
}

// escapeBlockStart escapes a leading "#", "+", "-" or "1." that would turn
// the text into a heading or a nested list when it begins a list item
// ("- # foo" is a heading inside a list item in CommonMark), and a trailing
// run of "#", which a heading would silently drop as its closing sequence.
func escapeBlockStart(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '+', '-', '=':
		s = "\\" + s
	default:
		// "1. foo" or "1) foo" would start an ordered list.
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
			s = s[:i] + "\\" + s[i:]
		}
	}
	if strings.HasSuffix(s, "#") && !strings.HasSuffix(s, "\\#") {
		j := strings.TrimRight(s, "#")
		s = j + "\\" + s[len(j):]
	}
	return s
}
