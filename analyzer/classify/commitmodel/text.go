package commitmodel

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitArea splits a subject written with a path or area prefix, as git,
// the Linux kernel and many Go projects write them ("builtin/gc: add a
// --detach flag", "t/unit-tests: fix leak", "net/http, mime: ..."), into
// the area and the rest. A Conventional type is not an area: callers parse
// that first. It returns ok false when there is no such prefix.
func SplitArea(subject string) (area, rest string, ok bool) {
	i := strings.Index(subject, ": ")
	if i <= 0 || i > maxAreaLen {
		return "", subject, false
	}
	head := subject[:i]
	// An area is one or more path-like names: no spaces except after a
	// comma ("diff, log: ..."), so that a sentence with a colon ("Note
	// this: ...") is not taken for one.
	for j, r := range head {
		switch {
		case r == ' ':
			if j == 0 || head[j-1] != ',' {
				return "", subject, false
			}
		case r < utf8.RuneSelf && (isAlnum(byte(r)) || strings.ContainsRune("/._-*{},+@()[]", r)):
		default:
			return "", subject, false
		}
	}
	rest = strings.TrimSpace(subject[i+2:])
	if rest == "" || strings.HasPrefix(head, "http") {
		return "", subject, false
	}
	return head, rest, true
}

// maxAreaLen bounds an area prefix; longer heads are prose.
const maxAreaLen = 48

func isAlnum(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9'
}

// words returns the lower-cased word stems of s in order. Numbers become
// "#" and versions "v#", so that "bump to 1.2.3" and "bump to 4.0" look
// alike; other tokens are cut to a crude stem (see stem).
func words(s string, limit int) []string {
	return wordsWith(s, limit, nil)
}

// surface maps stems back to the text they were first written as.
type surface struct{ stems, raws []string }

// of returns the text stem w was first written as.
func (s *surface) of(w string) (string, bool) {
	if w == "#" || w == "v#" {
		return "", false
	}
	for i, x := range s.stems {
		if x == w {
			return s.raws[i], true
		}
	}
	return "", false
}

// wordsWith is words, also appending to raws (when not nil) the text each
// stem was written as, so that reasons quote "rename", not "renam".
func wordsWith(s string, limit int, raws *[]string) []string {
	out := make([]string, 0, 16)
	// Lower-case once when s is ASCII (nearly always): then every token
	// is a slice of it, not a string of its own.
	lower, ascii := "", isASCII(s)
	if ascii {
		lower = strings.ToLower(s)
	}
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		var raw string
		if ascii {
			raw = lower[start:end]
		} else {
			raw = strings.ToLower(s[start:end])
		}
		start = -1
		if w := normalize(raw); w != "" {
			out = append(out, w)
			if raws != nil {
				*raws = append(*raws, raw)
			}
		}
	}
	for i, r := range s {
		if limit > 0 && len(out) >= limit {
			return out
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		// Keep the dots of a version ("1.2.3") in one token.
		if r == '.' && start >= 0 && i+1 < len(s) && '0' <= s[i+1] && s[i+1] <= '9' {
			continue
		}
		flush(i)
	}
	flush(len(s))
	if limit > 0 && len(out) > limit {
		out = out[:limit]
		if raws != nil {
			*raws = (*raws)[:limit]
		}
	}
	return out
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func normalize(w string) string {
	digits := 0
	for i := 0; i < len(w); i++ {
		if '0' <= w[i] && w[i] <= '9' {
			digits++
		}
	}
	switch {
	case digits == len(w) || digits > 0 && strings.Trim(w, "0123456789.") == "":
		return "#"
	case w[0] == 'v' && digits == len(w)-1-strings.Count(w, "."):
		return "v#"
	case len(w) < 2:
		return ""
	}
	return stem(w)
}

// stem folds the commonest English inflections ("adds", "added",
// "adding" → "add"; "fixes" → "fix") so that the model sees one word
// where authors write several. It is deliberately crude: the same token
// is produced at training and at prediction time, which is all a linear
// model needs.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ing"):
		w = w[:n-3]
	case n > 4 && strings.HasSuffix(w, "ied"):
		w = w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ies"):
		w = w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ed"):
		w = w[:n-2]
	case n > 4 && (strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "sses")):
		w = w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:n-1]
	}
	// "added" → "add", "fixed" → "fix" already; "enabled" → "enabl" and
	// "enable" → "enabl" agree after dropping a final e.
	if len(w) > 4 && strings.HasSuffix(w, "e") {
		w = w[:len(w)-1]
	}
	return w
}

// bodyText drops what says nothing about the work from a message body:
// trailers, quoted lines, links and HTML comments of PR templates.
func bodyText(body string) string {
	var b strings.Builder
	inComment := false
	// Every word of the result is in one of its fields, so maxBodyWords
	// fields are always enough.
	fields := 0
	for line := range strings.SplitSeq(body, "\n") {
		// The model reads the first maxBodyWords words: enough text for
		// them, not a whole release note.
		if b.Len() > maxBodyBytes {
			break
		}
		t := strings.TrimSpace(line)
		if inComment {
			if strings.Contains(t, "-->") {
				inComment = false
			}
			continue
		}
		if strings.HasPrefix(t, "<!--") {
			inComment = !strings.Contains(t, "-->")
			continue
		}
		if t == "" || strings.HasPrefix(t, ">") || isTrailerLine(t) || isIssueRef(t) {
			continue
		}
		for f := range strings.FieldsSeq(t) {
			if strings.Contains(f, "://") {
				continue
			}
			b.WriteString(f)
			b.WriteByte(' ')
			if fields++; fields > maxBodyWords {
				return b.String()
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// maxBodyBytes is more text than maxBodyWords words take.
const maxBodyBytes = 2048

// isIssueRef: a line that only links issues ("Fixes #412", "Closes
// owner/repo#3, #4", "Resolves https://..."): "fixes #N" alone says which
// issue, not that the work is a fix.
func isIssueRef(t string) bool {
	if !strings.Contains(t, "#") && !strings.Contains(t, "://") && !strings.Contains(t, "gh-") {
		return false
	}
	verb, rest, ok := strings.Cut(strings.ToLower(t), " ")
	if !ok || !issueVerbs[strings.TrimSuffix(verb, ":")] {
		return false
	}
	for f := range strings.FieldsSeq(rest) {
		f = strings.TrimRight(f, ",.;")
		if f == "and" || f == "" {
			continue
		}
		if !(strings.Contains(f, "#") || strings.Contains(f, "://") || strings.HasPrefix(f, "gh-")) {
			return false
		}
	}
	return true
}

var issueVerbs = set("fix", "fixes", "fixed", "close", "closes", "closed", "resolve", "resolves", "resolved", "see", "ref", "refs", "re")

// isTrailerLine: "Signed-off-by: ...", "Co-authored-by: ..." and the like.
func isTrailerLine(t string) bool {
	i := strings.Index(t, ": ")
	if i <= 0 || i > 40 {
		return false
	}
	for j := 0; j < i; j++ {
		if !(isAlnum(t[j]) || t[j] == '-') {
			return false
		}
	}
	return strings.Contains(t[:i], "-") || strings.EqualFold(t[:i], "fixes") || strings.EqualFold(t[:i], "closes")
}
