package ladder

import (
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/git-career/git-career/analyzer/work"
)

// The walk over a ladder file, one function per depth. Each stops at the
// first problem: the errors are precise enough to fix one at a time, and a
// later error is often a consequence of an earlier one.

func (p *ladderParser) ladder(n *yaml.Node) (*Ladder, error) {
	m, err := p.fields(n, "ladder", ladderKeys)
	if err != nil {
		return nil, err
	}
	l := &Ladder{}
	if l.Name, err = p.text(m, "name"); err != nil {
		return nil, err
	}
	tracks, err := p.items(m, "tracks")
	if err != nil {
		return nil, err
	}
	if len(tracks) == 0 {
		at := n
		if m["tracks"] != nil {
			at = m["tracks"]
		}
		return nil, p.errorf(at, "no tracks; want at least one track with levels")
	}
	for _, tn := range tracks {
		t, err := p.track(tn)
		if err != nil {
			return nil, err
		}
		l.Tracks = append(l.Tracks, t)
	}
	return l, nil
}

func (p *ladderParser) track(n *yaml.Node) (Track, error) {
	m, err := p.fields(n, "track", trackKeys)
	if err != nil {
		return Track{}, err
	}
	var t Track
	id, idNode, err := p.id(m, n, "track")
	if err != nil {
		return t, err
	}
	if first, ok := p.trackLine[id]; ok {
		return t, p.errorf(idNode, "track %q defined twice (first on line %d)", id, first)
	}
	p.trackLine[id] = idNode.Line
	t.ID = id
	if t.Name, err = p.text(m, "name"); err != nil {
		return t, err
	}
	if t.Name == "" {
		t.Name = id
	}
	levels, err := p.items(m, "levels")
	if err != nil {
		return t, err
	}
	if len(levels) == 0 {
		return t, p.errorf(n, "track %q has no levels", id)
	}
	for _, ln := range levels {
		lv, err := p.level(ln)
		if err != nil {
			return t, err
		}
		t.Levels = append(t.Levels, lv)
	}
	return t, nil
}

func (p *ladderParser) level(n *yaml.Node) (work.Level, error) {
	m, err := p.fields(n, "level", levelKeys)
	if err != nil {
		return work.Level{}, err
	}
	var lv work.Level
	id, idNode, err := p.id(m, n, "level")
	if err != nil {
		return lv, err
	}
	// Level ids are what --level and --target take, so they must be unique
	// across tracks, not only within one.
	if first, ok := p.levelLine[id]; ok {
		return lv, p.errorf(idNode, "level %q defined twice (first on line %d)", id, first)
	}
	p.levelLine[id] = idNode.Line
	lv.ID = id
	if lv.Title, err = p.text(m, "title"); err != nil {
		return lv, err
	}
	if lv.Title == "" {
		lv.Title = id
	}
	if lv.Summary, err = p.text(m, "summary"); err != nil {
		return lv, err
	}
	expects, err := p.items(m, "expects")
	if err != nil {
		return lv, err
	}
	if len(expects) == 0 {
		return lv, p.errorf(n, "level %q has no expectations; want at least one under \"expects\"", id)
	}
	for _, en := range expects {
		e, err := p.expectation(en, id)
		if err != nil {
			return lv, err
		}
		lv.Expectations = append(lv.Expectations, e)
	}
	return lv, nil
}

func (p *ladderParser) expectation(n *yaml.Node, level string) (work.Expectation, error) {
	m, err := p.fields(n, "expectation", expectationKeys)
	if err != nil {
		return work.Expectation{}, err
	}
	var e work.Expectation
	if e.Text, err = p.text(m, "text"); err != nil {
		return e, err
	}
	if e.Text == "" {
		return e, p.errorf(n, "an expectation of level %q without text", level)
	}
	cats, err := p.words(m, "evidence")
	if err != nil {
		return e, err
	}
	if len(cats) == 0 {
		return e, p.errorf(n, "expectation %q has no evidence; want categories from: %s", e.Text, categoryList())
	}
	for _, c := range cats {
		k := work.Category(strings.TrimSpace(c.Value))
		if !slices.Contains(work.Categories, k) {
			return e, p.errorf(c, "unknown category %q (allowed: %s)", c.Value, categoryList())
		}
		if slices.Contains(e.Categories, k) {
			return e, p.errorf(c, "category %q listed twice in expectation %q", k, e.Text)
		}
		e.Categories = append(e.Categories, k)
	}
	ideas, err := p.words(m, "ideas")
	if err != nil {
		return e, err
	}
	for _, in := range ideas {
		idea := strings.TrimSpace(in.Value)
		if idea == "" {
			return e, p.errorf(in, "an empty idea in expectation %q", e.Text)
		}
		e.Ideas = append(e.Ideas, idea)
	}
	return e, nil
}

// categoryList is every category id, comma separated, for messages.
func categoryList() string {
	s := make([]string, len(work.Categories))
	for i, c := range work.Categories {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}
