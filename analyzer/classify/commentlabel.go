package classify

import "strings"

// commentLabels are the labels of Conventional Comments
// (conventionalcomments.org), plus typo, polish and quibble, which some
// teams add, and "nit", the shorthand of nitpick that reviewers type far
// more often than the long form. Anything else before a colon ("Note that
// x: y", "see foo.py: 12") is prose, not a label.
var commentLabels = map[string]bool{
	"praise": true, "nitpick": true, "nit": true, "suggestion": true,
	"issue": true, "todo": true, "question": true, "thought": true,
	"chore": true, "note": true, "typo": true, "polish": true, "quibble": true,
}

// parseCommentLabel parses the first line of a review comment as a
// Conventional Comment, "<label> [(decorations)]: <subject>". The label is
// returned lower-cased and must be one of commentLabels; decorations are
// the comma-separated words in parentheses, lower-cased and trimmed
// ("non-blocking", "blocking", "if-minor", "security", ...); subject is the
// rest of the body after the colon, trimmed, so it is always a suffix of the
// trimmed body. Markdown emphasis around the label ("**nit:** x", "**nit**: x") is
// allowed, because GitHub users often bold the label.
func parseCommentLabel(body string) (label string, decorations []string, subject string, ok bool) {
	s := strings.TrimLeft(body, " \t\r\n")
	s = strings.TrimLeft(s, "*_")
	i := 0
	for i < len(s) && isASCIILetter(s[i]) {
		i++
	}
	label = strings.ToLower(s[:i])
	if !commentLabels[label] {
		return "", nil, "", false
	}
	rest := trimEmphasis(s[i:])
	if strings.HasPrefix(rest, "(") {
		end := strings.IndexByte(rest, ')')
		if end < 0 {
			return "", nil, "", false
		}
		for _, d := range strings.Split(rest[1:end], ",") {
			d = strings.ToLower(strings.TrimSpace(d))
			if !isDecoration(d) {
				return "", nil, "", false
			}
			decorations = append(decorations, d)
		}
		rest = trimEmphasis(rest[end+1:])
	}
	if !strings.HasPrefix(rest, ":") {
		return "", nil, "", false
	}
	subject = strings.TrimSpace(strings.TrimLeft(rest[1:], "*_"))
	if subject == "" {
		return "", nil, "", false
	}
	return label, decorations, subject, true
}

// trimEmphasis drops spaces and Markdown emphasis markers at the start.
func trimEmphasis(s string) string {
	return strings.TrimLeft(s, " \t*_")
}

// isDecoration accepts a short word of letters, digits and hyphens:
// "(non-blocking)" is a decoration, "(see above)" and "()" are not.
func isDecoration(d string) bool {
	if d == "" || len(d) > 24 {
		return false
	}
	for i := 0; i < len(d); i++ {
		c := d[i]
		if !(isASCIILetter(c) || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
