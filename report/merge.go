package report

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/git-career/git-career/analyzer/work"
)

// Merge folds a freshly rendered document into an existing one and
// returns the merged bytes; existing is not modified. Periods new to the
// document are inserted whole, newest first; in a period both hold, only
// items whose ids the period has never recorded are added, at the end of
// their sections. Everything else in existing is kept byte for byte,
// except generated blocks (scan line, pie chart, review summary, Toward)
// that still read exactly as they were written: those are brought up to
// date. Merging the same fresh document again changes nothing.
//
// Merge fails with a [*ParseError] when existing is not a document this
// package wrote or its markers no longer fit together; the caller should
// then leave the file alone. See the package documentation for the rules.
func Merge(existing, fresh []byte) ([]byte, error) {
	out, _, err := MergeChanges(existing, fresh)
	return out, err
}

// Change says what a merge did to one period of the fresh document.
type Change struct {
	Label string
	New   bool // the period was not in the document and was added whole
	// Items counts the contributions the merge added to the period (all
	// of them for a new period): the ids new to its seen record, without
	// the series the renderer groups them into.
	Items int
}

// MergeChanges is [Merge], also saying what it changed, one [Change] per
// period of fresh, in its order.
//
// A fresh period that overlaps one the document holds under another label
// (July asked into a document holding 2026Q3) is refused with an
// [*OverlapError]: merged as a period of its own, every item in both would
// be listed twice.
func MergeChanges(existing, fresh []byte) ([]byte, []Change, error) {
	d, err := ParseDoc(existing)
	if err != nil {
		return nil, nil, err
	}
	return d.Merge(fresh)
}

// Doc is a brag document a person keeps, parsed once: what it holds, what
// was deleted from it, whose it is, and how to merge a fresh rendering
// into it.
type Doc struct {
	src            []byte
	parsed         *parsedDoc
	known, deleted map[string]bool
}

// ParseDoc parses a document this package wrote, as the person left it.
// It fails with a [*ParseError] when doc is not one, or its markers no
// longer fit together: the caller should then leave the file alone.
func ParseDoc(doc []byte) (*Doc, error) {
	p, err := parseDoc(string(doc))
	if err != nil {
		return nil, err
	}
	d := &Doc{src: doc, parsed: p, known: map[string]bool{}, deleted: map[string]bool{}}
	for _, per := range p.periods {
		for id := range per.ids {
			d.known[id] = true
			if !per.marked[id] {
				d.deleted[id] = true
			}
		}
	}
	return d, nil
}

// Known is the id of every item the document holds or ever held (its
// seen records and id markers), to render a fresh document for merging
// into it ([Options.Known]).
func (d *Doc) Known() map[string]bool { return d.known }

// Deleted are the ids of items the person deleted (in a seen record, no
// longer in the text): [Options.Deleted].
func (d *Doc) Deleted() map[string]bool { return d.deleted }

// Bytes is the document as it was parsed.
func (d *Doc) Bytes() []byte { return d.src }

// Title is the text of the document's first "# " heading: whose it is.
func (d *Doc) Title() string { return Title(d.src) }

// Title is the text of the first "# " heading of a Markdown document, ""
// when it has none.
func Title(doc []byte) string {
	for _, line := range strings.Split(string(doc), "\n") {
		if t, ok := strings.CutPrefix(strings.TrimRight(line, "\r"), "# "); ok {
			return t
		}
	}
	return ""
}

// Merge folds a fresh rendering into the document (see [Merge]) and says
// what it changed, one [Change] per period of fresh; the Doc itself is
// not modified.
func (d *Doc) Merge(fresh []byte) ([]byte, []Change, error) {
	out, changes, _, err := d.MergeWith(fresh, nil)
	return out, changes, err
}

// Remeasured counts the measured lines of one period that a merge
// measured again.
type Remeasured struct {
	Label string
	Lines int
}

// MergeWith is [Doc.Merge] that also brings the document's measured lines
// up to date: a line written while the window after its work was
// incomplete (see [Doc.Open]) and still reading as written is replaced by
// the same measure taken again, from the fresh document when it holds
// that item, else from again (by item id, as a run that measured the
// items of [Doc.Open] again found them). A line whose window was complete
// never changes, nor does one the person edited. remeasured counts the
// lines replaced, by period, in the document's order.
func (d *Doc) MergeWith(fresh []byte, again map[string][]work.Impact) (out []byte, changes []Change, remeasured []Remeasured, err error) {
	old := d.parsed
	nw, err := parseDoc(string(fresh))
	if err != nil {
		// Not a *ParseError: the existing file is fine, the caller
		// passed something Markdown did not write.
		return nil, nil, nil, errors.New("report: the fresh document does not parse: " + strings.TrimPrefix(err.Error(), "report: "))
	}
	for _, fp := range nw.periods {
		if old.period(fp.label) != nil {
			continue
		}
		for _, ep := range old.periods {
			if fp.since <= ep.until && ep.since <= fp.until {
				return nil, nil, nil, &OverlapError{Fresh: periodName(fp), Existing: periodName(ep)}
			}
		}
	}
	m := &merger{old: old, fresh: nw, eol: lineEnding(old.lines)}
	for _, fp := range nw.periods {
		ch := Change{Label: fp.label}
		if ep := old.period(fp.label); ep != nil {
			ch.Items = m.mergePeriod(ep, fp)
		} else {
			m.insertPeriod(fp)
			ch.New = true
			ch.Items = countWork(fp.seen, nil)
		}
		changes = append(changes, ch)
	}
	remeasured = m.remeasure(again)
	return m.apply(), changes, remeasured, nil
}

// countWork counts the ids of contributions among ids not in known.
func countWork(ids []string, known map[string]bool) int {
	n := 0
	for _, id := range ids {
		if !known[id] && !strings.HasPrefix(id, "series:") {
			n++
		}
	}
	return n
}

// OverlapError refuses a period that shares days with one the document
// already holds under another label.
type OverlapError struct {
	Fresh, Existing string // "2026-07-01..2026-07-31", "2026Q3 (2026-07-01..2026-09-30)"
}

func (e *OverlapError) Error() string {
	return fmt.Sprintf("report: period %s overlaps period %s already in the document; "+
		"merging it would list the work of the days they share twice", e.Fresh, e.Existing)
}

// periodName is "2026Q3 (2026-07-01..2026-09-30)", or the range alone when
// it is the label.
func periodName(p *parsedPeriod) string {
	r := p.since + ".." + p.until
	if p.label == r {
		return r
	}
	return p.label + " (" + r + ")"
}

// DocIDs returns [Doc.Known] and [Doc.Deleted] of doc, parsed.
func DocIDs(doc []byte) (known, deleted map[string]bool, err error) {
	d, err := ParseDoc(doc)
	if err != nil {
		return nil, nil, err
	}
	return d.known, d.deleted, nil
}

// lineEnding is the file's own: inserted text follows its first line.
func lineEnding(ls []docLine) string {
	if len(ls) > 0 && ls[0].eol == "\r\n" {
		return "\r\n"
	}
	return "\n"
}

func (d *parsedDoc) period(label string) *parsedPeriod {
	for _, p := range d.periods {
		if p.label == label {
			return p
		}
	}
	return nil
}

// merger collects edits against the existing document's lines and applies
// them at the end, so every decision is taken on the document as it was.
type merger struct {
	old, fresh *parsedDoc
	eol        string
	edits      []edit
	// newWork is true while merging a period that gains contributions:
	// only then are its Highlights picked again.
	newWork bool
}

// edit replaces lines [at, end) with text; at == end inserts before at.
type edit struct {
	at, end int
	text    string
}

func (m *merger) insert(at int, text string) { m.edits = append(m.edits, edit{at, at, text}) }

// freshText is lines [from, to) of the fresh document with the existing
// file's line endings.
func (m *merger) freshText(from, to int) string {
	var b strings.Builder
	for _, l := range m.fresh.lines[from:to] {
		b.WriteString(l.text + m.eol)
	}
	return b.String()
}

// insertPeriod puts a period the document lacks before the first period
// that started earlier, else after the last period, else at the end.
func (m *merger) insertPeriod(fp *parsedPeriod) {
	text := m.freshText(fp.begin, fp.end+1)
	for _, ep := range m.old.periods {
		if newer(fp, ep) {
			m.insert(ep.begin, text+m.eol)
			return
		}
	}
	if n := len(m.old.periods); n > 0 {
		m.insert(m.old.periods[n-1].end+1, m.eol+text)
		return
	}
	m.insert(len(m.old.lines), m.eol+text)
}

// newer orders periods newest first: later start, then later end, then
// label.
func newer(a, b *parsedPeriod) bool {
	return cmp.Or(cmp.Compare(a.since, b.since), cmp.Compare(a.until, b.until), cmp.Compare(a.label, b.label)) > 0
}

// mergePeriod merges a period both documents hold and returns how many
// contributions it added.
func (m *merger) mergePeriod(ep, fp *parsedPeriod) int {
	if len(ep.ids) == 0 && m.untouched(ep, fp) {
		// Nothing was ever listed here and the person wrote nothing:
		// an early run found no work yet. Write the period as if new.
		m.edits = append(m.edits, edit{ep.begin, ep.end + 1, m.freshText(fp.begin, fp.end+1)})
		return countWork(fp.seen, nil)
	}
	m.updateDates(ep, fp)
	isNew := map[string]bool{}
	var added []string
	for _, id := range fp.seen {
		if !ep.ids[id] && !isNew[id] && !m.elsewhere(ep, id) {
			isNew[id] = true
			added = append(added, id)
		}
	}
	m.newWork = countWork(added, nil) > 0
	for _, fs := range fp.top {
		m.mergeSection(ep, fs, isNew)
	}
	for _, key := range stateKeys {
		if es := ep.byKey[key]; es != nil && es.sum != "" && fp.byKey[key] == nil && m.intact(es) {
			// Nothing is waiting on a branch any more (merged, or the
			// branch gone): the block, as written, goes, and the line
			// after it.
			end := es.end + 1
			if end < len(m.old.lines) && strings.TrimSpace(m.old.lines[end].text) == "" {
				end++
			}
			m.edits = append(m.edits, edit{es.begin, end, ""})
		}
	}
	switch {
	case ep.seenEnd < 0:
		// The person deleted the record: rebuild it from the id
		// markers still in the period and the new ids, so what they
		// delete from now on stays deleted.
		all := slices.Collect(maps.Keys(ep.ids))
		all = append(all, added...)
		slices.Sort(all)
		m.insert(ep.end, seenRecord(ep.label, all, m.eol))
	case len(added) > 0:
		slices.Sort(added)
		var b strings.Builder
		for _, id := range added {
			b.WriteString(markerWord(id) + m.eol)
		}
		m.insert(ep.seenEnd, b.String())
	}
	return countWork(added, nil)
}

// showsDeleted reports whether the block es shows evidence of an item
// the person deleted from the period: its commit's short id, or its
// pull request's or issue's number as a link.
func (m *merger) showsDeleted(ep *parsedPeriod, es *parsedSection) bool {
	text := lineTexts(m.old.lines[es.begin : es.end+1])
	for id := range ep.ids {
		if ep.marked[id] {
			continue
		}
		id = strings.TrimPrefix(id, "series:")
		var needle string
		switch {
		case strings.HasPrefix(id, "git:"):
			needle = "`" + shortSHA(strings.TrimPrefix(id, "git:")) + "`"
			if strings.Contains(text, "["+shortSHA(strings.TrimPrefix(id, "git:"))+"]") {
				return true
			}
		case strings.HasPrefix(id, "pr:"), strings.HasPrefix(id, "issue:"):
			if i := strings.LastIndexByte(id, '#'); i >= 0 {
				needle = "[" + id[i:] + "]("
			}
		}
		if needle != "" && strings.Contains(text, needle) {
			return true
		}
	}
	return false
}

// elsewhere reports whether another period of the document lists id: a
// piece of work belongs to one period, and a later run that reads it into
// another (a year, then one of its quarters) does not list it twice.
func (m *merger) elsewhere(ep *parsedPeriod, id string) bool {
	for _, p := range m.old.periods {
		if p != ep && p.ids[id] {
			return true
		}
	}
	return false
}

// updateDates follows a period that is still running ("2026Q4" to date
// ends today): its marker and heading get the fresh end date, each only
// if it still reads as written for the old dates.
func (m *merger) updateDates(ep, fp *parsedPeriod) {
	if ep.since == fp.since && ep.until == fp.until {
		return
	}
	ls := m.old.lines
	if ls[ep.begin].text == periodMarker(ep.label, ep.since, ep.until) && m.ourEOL(ep.begin) {
		m.edits = append(m.edits, edit{ep.begin, ep.begin + 1, m.freshText(fp.begin, fp.begin+1)})
	}
	h := ep.begin + 1
	if h < ep.end && ls[h].text == periodHeading(ep.label, ep.since, ep.until) && m.ourEOL(h) {
		m.edits = append(m.edits, edit{h, h + 1, m.freshText(fp.begin+1, fp.begin+2)})
	}
}

// mergeSection brings one fresh section into the existing period: new
// items at the end of the existing section, an intact generated block
// replaced, a missing section created if it has new items.
func (m *merger) mergeSection(ep *parsedPeriod, fs *parsedSection, isNew map[string]bool) {
	es := ep.byKey[fs.key]
	if es == nil {
		if fs.sum == "" && receivesItems(fs.key) && hasNew(fs, isNew) || slices.Contains(stateKeys, fs.key) {
			m.createSection(ep, fs, isNew)
		}
		return
	}
	if fs.sum != "" {
		if fs.key == keyHighlights && !m.newWork && !m.showsDeleted(ep, es) {
			// The Highlights picked stay until new work arrives, or until
			// the person deletes an item they show: a rerun of an
			// untouched period changes nothing.
			return
		}
		if es.sum != "" && m.intact(es) && !m.sameBlock(es, fs) {
			m.edits = append(m.edits, edit{es.begin, es.end + 1, m.freshText(fs.begin, fs.end+1)})
		}
		return
	}
	if receivesItems(fs.key) {
		var b strings.Builder
		for _, it := range fs.items {
			if isNew[it.id] {
				b.WriteString(m.freshText(it.begin, it.end))
			}
		}
		if b.Len() > 0 {
			m.insert(m.appendAt(es), b.String())
		}
	}
	for _, c := range fs.children {
		m.mergeSection(ep, c, isNew)
	}
}

// appendAt is where new items go in an existing section: at its end, but
// inside the fold that closes the appendix, so that it stays folded.
func (m *merger) appendAt(es *parsedSection) int {
	if es.key != keyAppendix {
		return es.end
	}
	ls := m.old.lines
	j := es.end - 1
	for j > es.begin && strings.TrimSpace(ls[j].text) == "" {
		j--
	}
	if j <= es.begin || strings.TrimSpace(ls[j].text) != detailsEnd {
		return es.end
	}
	for j-1 > es.begin && strings.TrimSpace(ls[j-1].text) == "" {
		j--
	}
	return j
}

// intact reports whether a generated block still reads exactly as it was
// written, its marker lines included (a note typed after a marker is the
// person's text too).
func (m *merger) intact(s *parsedSection) bool {
	ls := m.old.lines
	for i := s.begin; i <= s.end; i++ {
		if !m.ourEOL(i) {
			return false
		}
	}
	return ls[s.begin].text == sectionMarker(s.key, s.sum) && ls[s.end].text == endSectionMarker(s.key) &&
		blockSum(lineTexts(ls[s.begin+1:s.end])) == s.sum
}

// ourEOL reports whether line i ends as the merge would write it: a line
// break the person typed into a line of ours is their text too.
func (m *merger) ourEOL(i int) bool {
	eol := m.old.lines[i].eol
	return eol == m.eol || eol == "" && i == len(m.old.lines)-1
}

// sameBlock reports whether an existing block already is the fresh one.
func (m *merger) sameBlock(es, fs *parsedSection) bool {
	return lineTexts(m.old.lines[es.begin:es.end+1]) == lineTexts(m.fresh.lines[fs.begin:fs.end+1])
}

// lineTexts joins lines with "\n", whatever their endings were.
func lineTexts(ls []docLine) string {
	var b strings.Builder
	for _, l := range ls {
		b.WriteString(l.text + "\n")
	}
	return b.String()
}

func hasNew(s *parsedSection, isNew map[string]bool) bool {
	if !receivesItems(s.key) {
		return false
	}
	for _, it := range s.items {
		if isNew[it.id] {
			return true
		}
	}
	for _, c := range s.children {
		if c.sum == "" && hasNew(c, isNew) {
			return true
		}
	}
	return false
}

// createSection adds a section the existing period lacks, holding only
// the new items, at its canonical place among its existing siblings.
func (m *merger) createSection(ep *parsedPeriod, fs *parsedSection, isNew map[string]bool) {
	text := m.skeleton(fs, isNew)
	siblings, parentEnd := ep.top, ep.end
	if ep.seenBegin >= 0 {
		parentEnd = ep.seenBegin
	}
	if fs.parent != nil {
		// The parent exists: a missing parent is created whole.
		p := ep.byKey[fs.parent.key]
		siblings, parentEnd = p.children, p.end
	}
	rank := sectionRank(fs.key)
	for _, s := range siblings {
		if sectionRank(s.key) > rank {
			m.insert(s.begin, text+m.eol)
			return
		}
	}
	if n := len(siblings); n > 0 {
		m.insert(siblings[n-1].end+1, m.eol+text)
		return
	}
	m.insert(parentEnd, text+m.eol)
}

// skeleton is a fresh section's lines with only its new items: its
// heading and other lines, generated blocks inside it, and sub-sections
// that have new items. A dropped sub-section takes its blank line along.
func (m *merger) skeleton(fs *parsedSection, isNew map[string]bool) string {
	starts := map[int]parsedItem{}
	for _, it := range fs.items {
		starts[it.begin] = it
	}
	children := map[int]*parsedSection{}
	for _, c := range fs.children {
		children[c.begin] = c
	}
	var b strings.Builder
	for i := fs.begin; i <= fs.end; {
		if it, ok := starts[i]; ok {
			if isNew[it.id] {
				b.WriteString(m.freshText(it.begin, it.end))
			}
			i = it.end
			continue
		}
		if c := children[i]; c != nil {
			switch {
			case c.sum != "":
				b.WriteString(m.freshText(c.begin, c.end+1))
			case hasNew(c, isNew):
				b.WriteString(m.skeleton(c, isNew))
			default:
				if c.end+1 < len(m.fresh.lines) && m.fresh.lines[c.end+1].text == "" {
					i++
				}
			}
			i = c.end + 1
			continue
		}
		b.WriteString(m.freshText(i, i+1))
		i++
	}
	return b.String()
}

// untouched reports whether the person has written nothing in a period:
// it holds only intact generated blocks, empty lines, and markers and the
// heading exactly as the fresh period has them.
func (m *merger) untouched(ep, fp *parsedPeriod) bool {
	// A running period's dates move on: its marker and heading as written
	// for the old dates are ours too.
	ours := map[string]bool{"": true,
		periodMarker(ep.label, ep.since, ep.until):  true,
		periodHeading(ep.label, ep.since, ep.until): true,
	}
	for _, i := range []int{fp.begin, fp.begin + 1, fp.end, fp.seenBegin} {
		if i >= 0 {
			ours[m.fresh.lines[i].text] = true
		}
	}
	for i := ep.begin; i <= ep.end; i++ {
		if s := sectionAt(ep, i); s != nil && s.sum != "" {
			if !m.intact(s) {
				return false
			}
			i = s.end
			continue
		}
		t := m.old.lines[i].text
		if !m.ourEOL(i) || !ours[t] && !(i == ep.seenEnd && t == "-->") {
			return false
		}
	}
	return true
}

// sectionAt is the section whose opening marker is on line i.
func sectionAt(p *parsedPeriod, i int) *parsedSection {
	for _, s := range p.byKey {
		if s.begin == i {
			return s
		}
	}
	return nil
}

// apply writes the existing lines with the edits made, in line order;
// edits at the same place keep the order they were made in, inserts
// before a replacement.
func (m *merger) apply() []byte {
	slices.SortStableFunc(m.edits, func(a, b edit) int {
		return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.end-a.at, b.end-b.at))
	})
	lines := m.old.lines
	var b strings.Builder
	pos := 0
	for _, e := range m.edits {
		for ; pos < e.at; pos++ {
			b.WriteString(lines[pos].text + lines[pos].eol)
		}
		if e.at > 0 && e.at == len(lines) && lines[e.at-1].eol == "" {
			// Text goes after a last line without a line ending.
			b.WriteString(m.eol)
			lines[e.at-1].eol = m.eol
		}
		b.WriteString(e.text)
		pos = max(pos, e.end)
	}
	for ; pos < len(lines); pos++ {
		b.WriteString(lines[pos].text + lines[pos].eol)
	}
	return []byte(b.String())
}

// measuredNow is a measure taken again: a measured line's words after its
// label, and its marker's words.
type measuredNow struct{ rest, args string }

// remeasure replaces the open measured lines of the existing document
// with the measures taken again (see Doc.MergeWith), except where another
// edit rewrites the lines around them, and counts them by period.
func (m *merger) remeasure(again map[string][]work.Impact) []Remeasured {
	now := map[string]measuredNow{}
	for _, l := range m.fresh.measured {
		if _, rest, ok := splitLabel(l.text); ok && l.intact {
			if _, dup := now[l.key()]; !dup {
				now[l.key()] = measuredNow{rest, l.args}
			}
		}
	}
	for _, id := range slices.Sorted(maps.Keys(again)) {
		for i := range again[id] {
			im := &again[id][i]
			k := im.Measure + " " + id
			if _, dup := now[k]; !dup {
				now[k] = measuredNow{measuredText("", im), measuredArgs(id, im)}
			}
		}
	}
	var out []Remeasured
	count := map[string]int{}
	for _, l := range m.old.measured {
		fm, ok := now[l.key()]
		if l.to == "" || !l.intact || !ok || m.rewritten(l.line) {
			continue
		}
		prefix, _, ok := splitLabel(l.text)
		if !ok {
			continue
		}
		text := prefix + fm.rest
		if text == l.text && fm.args == l.args {
			continue
		}
		eol := m.old.lines[l.line].eol
		m.edits = append(m.edits, edit{l.line, l.line + 1, text + measuredMarker(l.measure, l.id, fm.args, text) + eol})
		label := ""
		for _, p := range m.old.periods {
			if p.begin <= l.line && l.line <= p.end {
				label = p.label
			}
		}
		if count[label] == 0 {
			out = append(out, Remeasured{Label: label})
		}
		count[label]++
	}
	for i := range out {
		out[i].Lines = count[out[i].Label]
	}
	return out
}

// rewritten reports whether an edit already replaces line i (a generated
// block brought up to date, a period written anew).
func (m *merger) rewritten(i int) bool {
	for _, e := range m.edits {
		if e.at < e.end && e.at <= i && i < e.end {
			return true
		}
	}
	return false
}
