package history

import (
	"strings"

	"github.com/git-career/git-career/analyzer/work"
)

// parseTrailers returns the trailers of a commit message: the "Key: value"
// lines of its last paragraph, when that paragraph holds only trailers and
// their continuation lines, as git interpret-trailers reads them. A message
// that is one paragraph (a subject alone) has no trailers.
func parseTrailers(message string) []work.Trailer {
	message = strings.ReplaceAll(message, "\r\n", "\n")
	paras := work.Paragraphs(message)
	if len(paras) < 2 {
		return nil
	}
	last := paras[len(paras)-1]
	var out []work.Trailer
	for _, line := range strings.Split(last, "\n") {
		if line == "" {
			continue
		}
		if (line[0] == ' ' || line[0] == '\t') && len(out) > 0 {
			// A folded value continues the trailer above it.
			out[len(out)-1].Value += " " + strings.TrimSpace(line)
			continue
		}
		key, value, ok := splitTrailer(line)
		if !ok {
			return nil
		}
		out = append(out, work.Trailer{Key: key, Value: value})
	}
	return out
}

// splitTrailer splits "Key: value". Keys are letters, digits and hyphens, as
// git's trailer tokens are; that keeps prose such as "Note that: x" out.
func splitTrailer(line string) (key, value string, ok bool) {
	i := strings.IndexByte(line, ':')
	if i <= 0 {
		return "", "", false
	}
	key = strings.TrimRight(line[:i], " \t")
	if key == "" {
		return "", "", false
	}
	for _, r := range key {
		if !(r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return "", "", false
		}
	}
	return key, strings.TrimSpace(line[i+1:]), true
}

// parsePerson parses "Name <email>" as trailers and mailmaps write it. A bare
// email (with or without angle brackets) gives a Person with no name.
func parsePerson(s string) (work.Person, bool) {
	s = strings.TrimSpace(s)
	lt := strings.LastIndexByte(s, '<')
	gt := strings.LastIndexByte(s, '>')
	if lt < 0 || gt < lt {
		if strings.Contains(s, "@") && !strings.ContainsAny(s, " <>") {
			return work.Person{Email: s}, true
		}
		return work.Person{}, false
	}
	email := strings.TrimSpace(s[lt+1 : gt])
	name := strings.TrimSpace(s[:lt])
	if email == "" && name == "" {
		return work.Person{}, false
	}
	return work.Person{Name: name, Email: email}, true
}

// coauthors returns the people a message's Co-authored-by trailers credit,
// deduplicated by email, without bots.
func coauthors(trailers []work.Trailer) []work.Person {
	var out []work.Person
	seen := map[string]bool{}
	for _, t := range trailers {
		if !strings.EqualFold(t.Key, "Co-authored-by") && !strings.EqualFold(t.Key, "Co-developed-by") {
			continue
		}
		p, ok := parsePerson(t.Value)
		if !ok || work.IsBot(p) {
			continue
		}
		key := strings.ToLower(p.Email)
		if key == "" {
			key = "name:" + strings.ToLower(p.Name)
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, p)
	}
	return out
}

// creditKeys are the trailers, other than a co-author's, by which a
// commit credits someone with a part in it (git's own project writes
// them): help, the patch it grew from, mentoring, the idea. The values
// are how a doc names them.
var creditKeys = map[string]string{
	"helped-by":         "Helped-by",
	"based-on-patch-by": "Based-on-patch-by",
	"mentored-by":       "Mentored-by",
	"suggested-by":      "Suggested-by",
}

// creditedBy returns the credit trailer (see creditKeys) by which a
// message's trailers name someone match matches, and "" for none.
func creditedBy(trailers []work.Trailer, match func(work.Person) bool, mm *mailmapTable) string {
	for _, t := range trailers {
		key, ok := creditKeys[strings.ToLower(t.Key)]
		if !ok {
			continue
		}
		if p, ok := parsePerson(t.Value); ok && !work.IsBot(p) && match(mm.Map(p)) {
			return key
		}
	}
	return ""
}
