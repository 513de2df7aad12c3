package report

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/git-career/git-career/analyzer/work"
)

// A measured line says what was measured after an item (see
// work.Impact), under the item and, in Highlights, before "Why it
// mattered":
//
//   - Measured: 1 fix commit by others touched its files in … (after: [a1b2c3d](…); before: …) <!-- git-career:measured regressions git:a1b2… at=2026-05-03 to=2026-07-15 sum=0123456789abcdef -->
//
// It is a generated part of the item: the marker at its end names the
// measure and the item, says when the work was (at=) and, while the
// window after it was incomplete, the day it was read up to (to=); c=
// lists the work's commits (twelve digits each) when the id does not
// name them. sum= is the checksum of the line before the marker: a later
// run replaces the line with a fresh measurement only while the line
// still reads as written and its window was incomplete. The marker sits
// at the end of the line, as an item's id does, so the line stays one
// indented line of the item; a document without such lines parses as
// before.
const measuredPrefix = markerPrefix + "measured "

// measuredRE finds a measured marker at the end of a line.
var measuredRE = regexp.MustCompile(` ?<!-- git-career:measured (\S+) (\S+)((?: \S+=\S*)*) sum=([0-9a-f]{16}) -->$`)

// measuredLine is one measured line found in a document.
type measuredLine struct {
	line    int
	measure string
	id      string
	at, to  string   // YYYY-MM-DD; to is "" once the window was complete
	commits []string // abbreviated ids, for stories and pull requests
	text    string   // the line before the marker
	args    string   // the marker's words between the id and the sum
	intact  bool     // the text still has the marker's sum
}

// key names what a measured line measures: one measure of one item.
func (l *measuredLine) key() string { return l.measure + " " + l.id }

// parseMeasured reads a measured line; ok is false for any other line.
func parseMeasured(text string, i int) (measuredLine, bool) {
	if !strings.Contains(text, measuredPrefix) {
		return measuredLine{}, false
	}
	m := measuredRE.FindStringSubmatchIndex(text)
	if m == nil {
		return measuredLine{}, false
	}
	l := measuredLine{line: i, measure: text[m[2]:m[3]], id: unmarkerWord(text[m[4]:m[5]]), text: text[:m[0]], args: text[m[6]:m[7]]}
	for _, f := range strings.Fields(text[m[6]:m[7]]) {
		k, v, _ := strings.Cut(f, "=")
		switch k {
		case "at":
			l.at = v
		case "to":
			l.to = v
		case "c":
			l.commits = strings.Split(v, ",")
		}
	}
	l.intact = lineSum(l.text) == text[m[8]:m[9]]
	return l, true
}

// lineSum is the checksum of a measured line's text.
func lineSum(text string) string { return blockSum(text + "\n") }

// measuredArgs are a measured marker's words after the measure and the
// item: when the work was, the day the window after it was read up to
// while it was incomplete, and the work's commits when the id does not
// name them.
func measuredArgs(id string, m *work.Impact) string {
	var b strings.Builder
	if !m.First.IsZero() {
		b.WriteString(" at=" + m.First.UTC().Format(dateLayout))
	}
	if m.Open() {
		b.WriteString(" to=" + m.Last.AddDate(0, 0, m.AfterDays).UTC().Format(dateLayout))
	}
	if len(m.Of) > 0 && !strings.HasPrefix(id, "git:") {
		short := make([]string, len(m.Of))
		for i, sha := range m.Of {
			short[i] = shortID(sha)
		}
		b.WriteString(" c=" + strings.Join(short, ","))
	}
	return b.String()
}

// measuredMarker ends a measured line whose text (indentation and label
// included) is text.
func measuredMarker(measure, id, args, text string) string {
	return " " + measuredPrefix + measure + " " + markerWord(id) + args + " sum=" + lineSum(text) + markerSuffix
}

// shortID is the twelve-digit abbreviation of a commit id that a measured
// marker keeps.
func shortID(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}

// maxLinks is how many events a measured line links on each side; the
// JSON lists them all.
const maxLinks = 6

// measuredText is a measured line without its marker: prefix (the
// bullet and its label), the impact's words, then its events linked.
func measuredText(prefix string, m *work.Impact) string {
	t := prefix + escapeText(m.Text)
	var after, before []string
	for _, e := range m.Evidence {
		if e.After || m.Measure != work.MeasureRegressions {
			after = append(after, eventLink(e))
		} else {
			before = append(before, eventLink(e))
		}
	}
	var parts []string
	if len(after) > 0 {
		label := ""
		if m.Measure == work.MeasureRegressions {
			label = "after: "
		}
		parts = append(parts, label+links(after))
	}
	if len(before) > 0 {
		parts = append(parts, "before: "+links(before))
	}
	if len(parts) > 0 {
		t += " (" + strings.Join(parts, "; ") + ")"
	}
	return t
}

// links joins links, the first maxLinks of them and how many more.
func links(ls []string) string {
	if len(ls) <= maxLinks {
		return strings.Join(ls, " ")
	}
	return strings.Join(ls[:maxLinks], " ") + fmt.Sprintf(" and %d more", len(ls)-maxLinks)
}

// eventLink is an event's evidence: a link labelled with its short id,
// or the short id as code.
func eventLink(e work.Evidence) string {
	ref := e.ID
	if len(ref) == 40 && isHex(ref) {
		ref = shortSHA(ref)
	}
	if e.URL != "" {
		return "[" + escapeText(ref) + "](" + linkTarget.Replace(e.URL) + ")"
	}
	return "`" + ref + "`"
}

func isHex(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return false
		}
	}
	return true
}

// writeMeasured writes an item's measured lines, each with its marker.
func writeMeasured(b *strings.Builder, indent, label, id string, ms []work.Impact) {
	for i := range ms {
		text := indent + measuredText(label, &ms[i])
		b.WriteString(text + measuredMarker(ms[i].Measure, id, measuredArgs(id, &ms[i]), text) + "\n")
	}
}

// measuredItemLabel and measuredHighlightLabel start a measured line under
// an item and in a highlight.
const (
	measuredItemLabel      = "- Measured: "
	measuredHighlightLabel = "- **Measured:** "
)

// splitLabel splits a measured line's text after its label: the
// indentation and label, which a line measured again keeps, and the
// words.
func splitLabel(text string) (prefix, rest string, ok bool) {
	for _, label := range []string{measuredHighlightLabel, measuredItemLabel} {
		if i := strings.Index(text, label); i >= 0 && strings.TrimSpace(text[:i]) == "" {
			return text[:i+len(label)], text[i+len(label):], true
		}
	}
	return "", "", false
}

// OpenMeasure is a measured line of a document whose window after the
// work was incomplete when written: a later run measures it again.
type OpenMeasure struct {
	Measure string
	ID      string    // the item's id
	At      time.Time // the day of the work's first commit (UTC)
	To      time.Time // the day the window after it was read up to
	// Commits are the work's commits, full or abbreviated ids.
	Commits []string
}

// Open lists the document's measured lines that a later run may measure
// again: written while their window after the work was incomplete, and
// still reading as written. Each measure of an item once, in the order of
// the document.
func (d *Doc) Open() []OpenMeasure {
	var out []OpenMeasure
	seen := map[string]bool{}
	for _, l := range d.parsed.measured {
		if l.to == "" || !l.intact || seen[l.key()] {
			continue
		}
		at, err1 := time.Parse(dateLayout, l.at)
		to, err2 := time.Parse(dateLayout, l.to)
		if err1 != nil || err2 != nil {
			continue
		}
		seen[l.key()] = true
		o := OpenMeasure{Measure: l.measure, ID: l.id, At: at, To: to, Commits: l.commits}
		if sha, ok := strings.CutPrefix(strings.TrimPrefix(l.id, "series:"), "git:"); ok && len(o.Commits) == 0 {
			o.Commits = []string{sha}
		}
		out = append(out, o)
	}
	return out
}
