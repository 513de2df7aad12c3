package report

import (
	"fmt"
	"strings"
	"time"
)

// ParseError says why a document cannot be merged: it is not one this
// package wrote, or its markers no longer fit together. The file should be
// left as it is.
type ParseError struct {
	Line int // 1-based; 0 when the problem is not on one line
	Msg  string
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("report: line %d: %s", e.Line, e.Msg)
	}
	return "report: " + e.Msg
}

func parseErr(i int, format string, args ...any) error {
	return &ParseError{Line: i + 1, Msg: fmt.Sprintf(format, args...)}
}

// docLine is one line of a document without its line ending, which is
// kept apart so that text copied through is byte for byte.
type docLine struct {
	text string
	eol  string // "\n", "\r\n", or "" on a last line without one
}

func splitLines(s string) []docLine {
	var ls []docLine
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			ls = append(ls, docLine{s, ""})
			break
		}
		l := docLine{s[:i], "\n"}
		if strings.HasSuffix(l.text, "\r") {
			l = docLine{l.text[:len(l.text)-1], "\r\n"}
		}
		ls = append(ls, l)
		s = s[i+1:]
	}
	return ls
}

// parsedDoc is the structure the markers give a document.
type parsedDoc struct {
	lines   []docLine
	periods []*parsedPeriod
	// measured are the measured lines (see measured.go), in order.
	measured []measuredLine
}

type parsedPeriod struct {
	label        string
	since, until string // YYYY-MM-DD, for ordering
	begin, end   int    // the lines of its markers
	// seenBegin and seenEnd are the first and last line of the seen
	// record, -1 when there is none.
	seenBegin, seenEnd int
	seen               []string        // the ids in the seen record
	ids                map[string]bool // seen, plus every id marker inside the period
	marked             map[string]bool // the id markers inside the period
	top                []*parsedSection
	byKey              map[string]*parsedSection
}

type parsedSection struct {
	key        string
	sum        string // set on a generated block
	begin, end int    // the lines of its markers
	parent     *parsedSection
	children   []*parsedSection
	items      []parsedItem // items directly in it, not in a child
}

// parsedItem is a line with an id marker and the indented lines after it.
type parsedItem struct {
	id         string
	begin, end int // end exclusive
}

// marker is a git-career marker line, split into its words.
type marker struct {
	kind string
	args []string
}

// parseMarker recognises a marker line; ok is false for any other line. A
// line that starts like a marker but is malformed is an error, since
// guessing what a damaged marker meant could put text in the wrong place.
func parseMarker(text string, i int) (m marker, ok bool, err error) {
	t := strings.TrimSpace(text)
	if !isMarker(t) {
		return marker{}, false, nil
	}
	rest := t[len(markerPrefix):]
	closed := strings.HasSuffix(rest, "-->")
	rest = strings.TrimSuffix(rest, "-->")
	words := strings.Fields(rest)
	if len(words) == 0 {
		return marker{}, false, parseErr(i, "malformed git-career marker %q", t)
	}
	m = marker{words[0], words[1:]}
	want := map[string][2]int{ // kind → min, max args
		"doc": {1, 1}, "period": {2, 2}, "end-period": {1, 1},
		"section": {1, 2}, "end-section": {1, 1}, "seen": {1, 1},
	}
	if m.kind == "measured" {
		// A measured line whose words were deleted, leaving its marker:
		// a line of the item like any other.
		return marker{}, false, nil
	}
	n, known := want[m.kind]
	switch {
	case !known:
		return marker{}, false, parseErr(i, "unknown git-career marker %q", t)
	case len(m.args) < n[0] || len(m.args) > n[1]:
		return marker{}, false, parseErr(i, "malformed git-career marker %q", t)
	case closed == (m.kind == "seen"):
		// A seen record spans lines and closes with "-->" on a line of
		// its own; every other marker is one closed comment.
		if m.kind != "seen" || !closed {
			return marker{}, false, parseErr(i, "malformed git-career marker %q", t)
		}
	}
	return m, true, nil
}

// parseDoc finds the structure of a document written by Markdown. It fails
// unless the document is one of ours with balanced markers.
func parseDoc(src string) (*parsedDoc, error) {
	d := &parsedDoc{lines: splitLines(src)}
	// Say "not ours" before anything about markers: a stray marker in
	// someone else's file is not the problem worth reporting.
	if !hasDocMarker(d.lines) {
		if strings.Contains(src, legacyStamp) {
			return nil, &ParseError{Msg: fmt.Sprintf("written by an older git-career that did not mark its structure (no %q marker), so it cannot be merged", docMarker)}
		}
		return nil, &ParseError{Msg: fmt.Sprintf("not a git-career document (no %q marker)", docMarker)}
	}
	var (
		cur   *parsedPeriod
		stack []*parsedSection
		item  *parsedItem // the item whose indented lines may follow
		byLab = map[string]*parsedPeriod{}
	)
	endItem := func(i int) {
		if item != nil {
			item.end = i
			item = nil
		}
	}
	for i := 0; i < len(d.lines); i++ {
		text := d.lines[i].text
		if i == 0 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		m, ok, err := parseMarker(text, i)
		if err != nil {
			return nil, err
		}
		if !ok {
			if ml, ok := parseMeasured(text, i); ok {
				d.measured = append(d.measured, ml)
			}
			if item != nil && !strings.HasPrefix(text, "  ") {
				endItem(i)
			}
			if cur == nil {
				continue
			}
			ids := lineIDs(text)
			for _, id := range ids {
				cur.ids[id] = true
				cur.marked[id] = true
			}
			if len(ids) > 0 && len(stack) > 0 {
				endItem(i)
				s := stack[len(stack)-1]
				s.items = append(s.items, parsedItem{id: ids[0], begin: i, end: i + 1})
				item = &s.items[len(s.items)-1]
			}
			continue
		}
		endItem(i)
		switch m.kind {
		case "doc":
			if m.args[0] != "v1" {
				return nil, parseErr(i, "document format %s is not supported (this version reads v1)", m.args[0])
			}
		case "period":
			label := unmarkerWord(m.args[0])
			if cur != nil {
				return nil, parseErr(i, "period %s starts before period %s opened on line %d is closed", label, cur.label, cur.begin+1)
			}
			if prev := byLab[label]; prev != nil {
				return nil, parseErr(i, "period %s appears twice (lines %d and %d)", label, prev.begin+1, i+1)
			}
			since, until, found := strings.Cut(m.args[1], "..")
			if !found || !isDate(since) || !isDate(until) {
				return nil, parseErr(i, "period %s: malformed dates %q", label, m.args[1])
			}
			cur = &parsedPeriod{label: label, since: since, until: until, begin: i,
				seenBegin: -1, seenEnd: -1, ids: map[string]bool{}, marked: map[string]bool{}, byKey: map[string]*parsedSection{}}
			byLab[label] = cur
		case "end-period":
			label := unmarkerWord(m.args[0])
			switch {
			case cur == nil:
				return nil, parseErr(i, "end of period %s without its start", label)
			case len(stack) > 0:
				s := stack[len(stack)-1]
				return nil, parseErr(s.begin, "section %s in period %s is never closed", s.key, cur.label)
			case label != cur.label:
				return nil, parseErr(i, "period %s opened on line %d is closed as %s", cur.label, cur.begin+1, label)
			}
			cur.end = i
			d.periods = append(d.periods, cur)
			cur = nil
		case "section":
			key := m.args[0]
			if cur == nil {
				return nil, parseErr(i, "section %s outside any period", key)
			}
			if prev := cur.byKey[key]; prev != nil {
				return nil, parseErr(i, "section %s appears twice in period %s (lines %d and %d)", key, cur.label, prev.begin+1, i+1)
			}
			s := &parsedSection{key: key, begin: i}
			if len(m.args) == 2 {
				sum, ok := strings.CutPrefix(m.args[1], "sum=")
				if !ok || sum == "" {
					return nil, parseErr(i, "malformed git-career marker %q", strings.TrimSpace(text))
				}
				s.sum = sum
			}
			if len(stack) > 0 {
				s.parent = stack[len(stack)-1]
				s.parent.children = append(s.parent.children, s)
			} else {
				cur.top = append(cur.top, s)
			}
			cur.byKey[key] = s
			stack = append(stack, s)
		case "end-section":
			key := m.args[0]
			switch {
			case len(stack) == 0:
				return nil, parseErr(i, "end of section %s without its start", key)
			case stack[len(stack)-1].key != key:
				s := stack[len(stack)-1]
				return nil, parseErr(s.begin, "section %s is never closed (line %d closes %s)", s.key, i+1, key)
			}
			stack[len(stack)-1].end = i
			stack = stack[:len(stack)-1]
		case "seen":
			label := unmarkerWord(m.args[0])
			switch {
			case cur == nil:
				return nil, parseErr(i, "seen record for %s outside any period", label)
			case label != cur.label:
				return nil, parseErr(i, "seen record for %s inside period %s", label, cur.label)
			case cur.seenBegin >= 0:
				return nil, parseErr(i, "second seen record in period %s (the first is on line %d)", cur.label, cur.seenBegin+1)
			}
			end, err := readSeen(d.lines, i, cur)
			if err != nil {
				return nil, err
			}
			i = end
		}
	}
	endItem(len(d.lines))
	if cur != nil {
		return nil, parseErr(cur.begin, "period %s is never closed", cur.label)
	}
	return d, nil
}

// legacyStamp starts the line that versions before merging ended their
// documents with. It is not a marker (note the space) and is kept as
// text.
const legacyStamp = "<!-- git-career: generated"

// isMarker reports whether a trimmed line is one of our markers: the
// prefix directly followed by a word.
func isMarker(t string) bool {
	rest, ok := strings.CutPrefix(t, markerPrefix)
	return ok && rest != "" && rest[0] != ' '
}

func hasDocMarker(lines []docLine) bool {
	for i, l := range lines {
		t := l.text
		if i == 0 {
			t = strings.TrimPrefix(t, "\ufeff")
		}
		if strings.HasPrefix(strings.TrimSpace(t), markerPrefix+"doc ") {
			return true
		}
	}
	return false
}

// readSeen reads the ids of the seen record opening on line i, up to the
// "-->" line, and returns that line.
func readSeen(lines []docLine, i int, p *parsedPeriod) (int, error) {
	p.seenBegin = i
	for j := i + 1; j < len(lines); j++ {
		t := strings.TrimSpace(lines[j].text)
		switch {
		case t == "-->":
			p.seenEnd = j
			return j, nil
		case strings.HasPrefix(t, markerPrefix) || strings.Contains(t, "-->"):
			return 0, parseErr(i, "seen record for %s is not closed before line %d", p.label, j+1)
		case t != "":
			for _, w := range strings.Fields(t) {
				id := unmarkerWord(w)
				p.seen = append(p.seen, id)
				p.ids[id] = true
			}
		}
	}
	return 0, parseErr(i, "seen record for %s is never closed", p.label)
}

func isDate(s string) bool {
	_, err := time.Parse(dateLayout, s)
	return err == nil
}
