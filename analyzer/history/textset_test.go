package history

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestTextSet: which texts a content holds, found through their common
// beginning, by the automaton or one by one, is what searching for each
// gives.
func TestTextSet(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := []string{`"mod/`, `"mod/a`, "a", "b", "/", `"`, "mod", "\n"}
	word := func(n int) string {
		var b bytes.Buffer
		for ; n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for round := 0; round < 20000; round++ {
		var texts []string
		anchored := rng.IntN(2) == 0
		for n := 1 + rng.IntN(12); n > 0; n-- {
			prefix := `"mod/`
			if !anchored || rng.IntN(5) == 0 {
				prefix = ""
			}
			texts = append(texts, prefix+word(1+rng.IntN(3)))
		}
		data := []byte(word(rng.IntN(40)))
		skipped := rng.IntN(len(texts) + 1)
		skip := func(t int) bool { return t == skipped }
		var want []int
		for i, text := range texts {
			if !skip(i) && bytes.Contains(data, []byte(text)) {
				want = append(want, i)
			}
		}
		got := newTextSet(texts).in(data, skip)
		if !slices.Equal(got, want) {
			t.Fatalf("texts %q in %q (skipping %d): %v, want %v", texts, data, skipped, got, want)
		}
	}
}

// TestTextSetAdded: the texts a new content holds and the old one does
// not, found in the stretch that changed, are those searching both
// wholly finds.
func TestTextSetAdded(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	alphabet := []string{"ab", "a", "b", "c", "abc", "\n"}
	word := func(n int) string {
		var b bytes.Buffer
		for ; n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for round := 0; round < 20000; round++ {
		var texts []string
		longest := 0
		for n := 1 + rng.IntN(8); n > 0; n-- {
			text := word(1 + rng.IntN(3))
			texts = append(texts, text)
			longest = max(longest, len(text))
		}
		before := word(rng.IntN(20))
		// after: before with a stretch replaced, or unrelated, or nothing.
		after := word(rng.IntN(20))
		if rng.IntN(4) != 0 && len(before) > 0 {
			i := rng.IntN(len(before))
			j := i + rng.IntN(len(before)-i+1)
			after = before[:i] + word(rng.IntN(4)) + before[j:]
		}
		var old []byte
		if rng.IntN(8) != 0 {
			old = []byte(before)
		}
		skipped := rng.IntN(len(texts) + 1)
		skip := func(t int) bool { return t == skipped }
		var want []int
		for i, text := range texts {
			if !skip(i) && strings.Contains(after, text) && !bytes.Contains(old, []byte(text)) {
				want = append(want, i)
			}
		}
		got := newTextSet(texts).added(old, []byte(after), longest, skip)
		if !slices.Equal(got, want) {
			t.Fatalf("texts %q, %q -> %q (skipping %d): %v, want %v", texts, old, after, skipped, got, want)
		}
	}
}
