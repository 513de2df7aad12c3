package history

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestTextSet: which texts a content holds, found through their common
// beginning or one by one, is what searching for each gives.
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
	for round := 0; round < 5000; round++ {
		var texts []string
		for n := 1 + rng.IntN(6); n > 0; n-- {
			prefix := `"mod/`
			if rng.IntN(5) == 0 {
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
