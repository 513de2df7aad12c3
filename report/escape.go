package report

import "strings"

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
	for _, r := range s {
		if strings.ContainsRune(inlineSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
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
