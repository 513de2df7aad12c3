package history

import (
	"bytes"
	"slices"

	"github.com/git-career/git-career/internal/gitengine"
)

// textSet finds which of several texts a content holds, in one pass over
// the content rather than one per text: through the texts' common
// beginning when they share one of some length (a Go module's import
// paths), else with an Aho-Corasick automaton when there are more than a
// few (file names of new scripts and docs); a few texts are searched for
// one by one, which the library does fastest.
type textSet struct {
	texts  [][]byte
	anchor []byte     // the texts' common beginning; nil when too short to help
	ac     *acMatcher // nil unless neither one by one nor anchor
}

// minAnchor is the shortest common beginning worth searching for, and
// fewTexts the most texts searched for one by one.
const (
	minAnchor = 4
	fewTexts  = 4
)

func newTextSet(texts []string) *textSet {
	s := &textSet{texts: make([][]byte, len(texts))}
	for i, t := range texts {
		s.texts[i] = []byte(t)
	}
	if len(texts) > 1 {
		common := s.texts[0]
		for _, t := range s.texts[1:] {
			n := 0
			for n < len(common) && n < len(t) && common[n] == t[n] {
				n++
			}
			common = common[:n]
		}
		if len(common) >= minAnchor {
			s.anchor = common
		}
	}
	if s.anchor == nil && len(texts) > fewTexts {
		s.ac = newACMatcher(s.texts)
	}
	return s
}

// in returns, in increasing order, the texts data holds, skipping those
// for which skip is true.
func (s *textSet) in(data []byte, skip func(t int) bool) []int {
	var out []int
	if s.anchor == nil && s.ac == nil {
		for t, text := range s.texts {
			if !skip(t) && bytes.Contains(data, text) {
				out = append(out, t)
			}
		}
		return out
	}
	found := make([]bool, len(s.texts))
	left := 0
	for t := range s.texts {
		if skip(t) {
			found[t] = true // not looked for
		} else {
			left++
		}
	}
	mark := func(t int) {
		if !found[t] {
			found[t] = true
			left--
			out = append(out, t)
		}
	}
	if s.ac != nil {
		s.ac.scan(data, func(t int) bool {
			mark(t)
			return left > 0
		})
	} else {
		for rest := data; left > 0; {
			j := bytes.Index(rest, s.anchor)
			if j < 0 {
				break
			}
			for t, text := range s.texts {
				if !found[t] && bytes.HasPrefix(rest[j:], text) {
					mark(t)
				}
			}
			rest = rest[j+1:]
		}
	}
	slices.Sort(out)
	return out
}

// acMatcher is an Aho-Corasick automaton over a set of texts, its
// transitions complete (a table by state and class of byte: the bytes no
// text holds are one class).
type acMatcher struct {
	class  [256]uint8
	nclass int
	next   []int32   // next[state*nclass+class]
	out    [][]int32 // the texts that end at each state, suffixes included
}

func newACMatcher(texts [][]byte) *acMatcher {
	m := &acMatcher{nclass: 1}
	for _, t := range texts {
		for _, b := range t {
			if m.class[b] == 0 {
				if m.nclass == 256 {
					continue // cannot happen: 255 byte values and class 0
				}
				m.class[b] = uint8(m.nclass)
				m.nclass++
			}
		}
	}
	nc := m.nclass
	// The trie: -1 for no child yet.
	newState := func() int32 {
		for c := 0; c < nc; c++ {
			m.next = append(m.next, -1)
		}
		m.out = append(m.out, nil)
		return int32(len(m.out) - 1)
	}
	newState() // the root, 0
	for i, t := range texts {
		s := int32(0)
		for _, b := range t {
			k := int(s)*nc + int(m.class[b])
			if m.next[k] < 0 {
				child := newState()
				m.next[k] = child
			}
			s = m.next[k]
		}
		m.out[s] = append(m.out[s], int32(i))
	}
	// Breadth first: each state's failure, its missing transitions taken
	// from its failure's, its outputs joined with its failure's.
	fail := make([]int32, len(m.out))
	queue := []int32{}
	for c := 0; c < nc; c++ {
		if child := m.next[c]; child < 0 {
			m.next[c] = 0
		} else {
			fail[child] = 0
			queue = append(queue, child)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		m.out[s] = append(m.out[s], m.out[fail[s]]...)
		for c := 0; c < nc; c++ {
			k := int(s)*nc + c
			child := m.next[k]
			if child < 0 {
				m.next[k] = m.next[int(fail[s])*nc+c]
				continue
			}
			fail[child] = m.next[int(fail[s])*nc+c]
			queue = append(queue, child)
		}
	}
	return m
}

// scan calls found with each text data holds (a text once or more), as
// the end of an occurrence is read, while found returns true.
func (m *acMatcher) scan(data []byte, found func(t int) bool) {
	nc := int32(m.nclass)
	s := int32(0)
	for _, b := range data {
		s = m.next[s*nc+int32(m.class[b])]
		if out := m.out[s]; len(out) > 0 {
			for _, t := range out {
				if !found(int(t)) {
					return
				}
			}
		}
	}
}

// added returns, in increasing order, the texts after holds and before
// does not, skipping those for which skip is true; longest is the length
// of the longest text. Only the stretch of after between what it shares
// with before at the beginning and at the end, widened by longest-1 bytes
// on each side, is searched: an occurrence wholly in the shared beginning
// or end is in before too. With many texts this is worth reading before
// for: the automaton goes through a content a byte at a time.
func (s *textSet) added(before, after []byte, longest int, skip func(t int) bool) []int {
	head := gitengine.CommonPrefix(after, before)
	tail := gitengine.CommonSuffix(after[head:], before[head:])
	lo, hi := max(0, head-longest+1), min(len(after), len(after)-tail+longest-1)
	if lo >= hi {
		return nil
	}
	var out []int
	for _, t := range s.in(after[lo:hi], skip) {
		if !bytes.Contains(before, s.texts[t]) {
			out = append(out, t)
		}
	}
	return out
}
