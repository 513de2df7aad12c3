package report

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"strings"
)

// The invisible markers a later run uses to find its own structure in a
// document a person has edited. They are HTML comments, which GitHub and
// most Markdown renderers do not show. Every marker but the item id sits on
// a line of its own. See the package documentation for the format.
const (
	markerPrefix = "<!-- git-career:"
	markerSuffix = " -->"
	docMarker    = "<!-- git-career:doc v1 -->"
)

// markerEscaper keeps a label or id to one word that cannot end the
// comment early; ids and labels from the analyzer never need it, but a
// marker that broke on a strange repository name would lose the document.
var (
	markerEscaper   = strings.NewReplacer("%", "%25", " ", "%20", "\t", "%09", "\r", "%0D", "\n", "%0A", ">", "%3E")
	markerUnescaper = strings.NewReplacer("%25", "%", "%20", " ", "%09", "\t", "%0D", "\r", "%0A", "\n", "%3E", ">")
)

func markerWord(s string) string   { return markerEscaper.Replace(s) }
func unmarkerWord(s string) string { return markerUnescaper.Replace(s) }

// periodMarker opens a period: "<!-- git-career:period 2026Q3
// 2026-07-01..2026-09-30 -->". The dates let a merge order periods newest
// first whatever their labels look like.
func periodMarker(label, since, until string) string {
	return markerPrefix + "period " + markerWord(label) + " " + since + ".." + until + markerSuffix
}

// periodHeading is "## 2026Q3 · 2026-07-01 to 2026-09-30", or just the
// range when the label is the range. A merge rebuilds it from the period
// marker to tell whether the person has changed it.
func periodHeading(label, since, until string) string {
	if label == since+".."+until {
		return "## " + since + " to " + until
	}
	return "## " + escapeText(label) + " · " + since + " to " + until
}

func endPeriodMarker(label string) string {
	return markerPrefix + "end-period " + markerWord(label) + markerSuffix
}

// sectionMarker opens a section. A generated block (a summary the tool
// owns, like the pie chart) carries the checksum of what was written, so a
// merge can tell whether the person has touched it since.
func sectionMarker(key, sum string) string {
	if sum != "" {
		return markerPrefix + "section " + key + " sum=" + sum + markerSuffix
	}
	return markerPrefix + "section " + key + markerSuffix
}

func endSectionMarker(key string) string {
	return markerPrefix + "end-section " + key + markerSuffix
}

// seenRecord lists every id ever written into a period, so an item the
// person deleted is not added again. The ids are packed several to a line
// (up to seenWidth bytes, eight commit ids): a busy quarter's record is a
// few dozen lines of the file, not one line per item, in a comment nobody
// reads or edits.
func seenRecord(label string, ids []string, eol string) string {
	var b strings.Builder
	b.WriteString(markerPrefix + "seen " + markerWord(label) + eol)
	line := 0
	for _, id := range ids {
		w := markerWord(id)
		if line > 0 && line+1+len(w) > seenWidth {
			b.WriteString(eol)
			line = 0
		}
		if line > 0 {
			b.WriteByte(' ')
			line++
		}
		b.WriteString(w)
		line += len(w)
	}
	if line > 0 {
		b.WriteString(eol)
	}
	b.WriteString("-->" + eol)
	return b.String()
}

// seenWidth is the widest line of a seen record, ids allowing.
const seenWidth = 400

// idMarker ends an item's first line; it travels with the line when the
// person moves the item and usually survives rewording, since it is the
// part of the line nobody needs to touch.
func idMarker(id string) string {
	return " <!-- id:" + markerWord(id) + markerSuffix
}

var idMarkerRE = regexp.MustCompile(`<!-- id:(\S+) -->`)

// lineIDs returns the ids of the item markers on a line.
func lineIDs(line string) []string {
	var ids []string
	for _, m := range idMarkerRE.FindAllStringSubmatch(line, -1) {
		ids = append(ids, unmarkerWord(m[1]))
	}
	return ids
}

// blockSum is the checksum of a generated block's lines, each ended by
// "\n" whatever the file uses, so a file converted to CRLF still counts as
// untouched.
//
// A measured line that still reads as written counts by what it measures
// only, not by its words: a later run measures it again without the
// block it sits in seeming edited. Blocks without measured lines sum as
// they always did.
func blockSum(content string) string {
	h := fnv.New64a()
	if strings.Contains(content, measuredPrefix) {
		lines := strings.SplitAfter(content, "\n")
		for i, l := range lines {
			if ml, ok := parseMeasured(strings.TrimSuffix(l, "\n"), i); ok && ml.intact {
				lines[i] = "\x00measured " + ml.key() + "\n"
			}
		}
		content = strings.Join(lines, "")
	}
	h.Write([]byte(content))
	return fmt.Sprintf("%016x", h.Sum64())
}
