package gitengine

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
)

// diffParsed is what diffRaw must find, the long way: both trees parsed
// whole and walked side by side.
func diffParsed(t *testing.T, a, b []byte) []string {
	ea, err := parseTree(a)
	if err != nil {
		t.Fatal(err)
	}
	eb, err := parseTree(b)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	i, j := 0, 0
	for i < len(ea) || j < len(eb) {
		c := 0
		switch {
		case i == len(ea):
			c = 1
		case j == len(eb):
			c = -1
		default:
			c = compareEntries(&ea[i], &eb[j])
		}
		switch {
		case c < 0:
			out = append(out, describe(&ea[i], nil))
			i++
		case c > 0:
			out = append(out, describe(nil, &eb[j]))
			j++
		default:
			if ea[i].hash != eb[j].hash || ea[i].mode != eb[j].mode {
				out = append(out, describe(&ea[i], &eb[j]))
			}
			i++
			j++
		}
	}
	return out
}

func describe(x, y *rawEntry) string {
	s := func(e *rawEntry) string {
		if e == nil {
			return "-"
		}
		return fmt.Sprintf("%s %o %x", e.name, e.mode, e.hash[:2])
	}
	return s(x) + " | " + s(y)
}

type testEntry struct {
	name string
	mode string // as stored: "100644", "100664", "40000", ...
	hash plumbing.Hash
}

func encodeTree(es []testEntry) []byte {
	sort.Slice(es, func(i, j int) bool {
		x := rawEntry{name: []byte(es[i].name), mode: modeOf(es[i].mode)}
		y := rawEntry{name: []byte(es[j].name), mode: modeOf(es[j].mode)}
		return compareEntries(&x, &y) < 0
	})
	var b bytes.Buffer
	for _, e := range es {
		b.WriteString(e.mode + " " + e.name + "\x00")
		b.Write(e.hash[:])
	}
	return b.Bytes()
}

func modeOf(s string) filemode.FileMode {
	var v uint32
	fmt.Sscanf(s, "%o", &v)
	return canonMode(v)
}

// TestDiffRawMatchesAFullParse: on random pairs of trees (entries added,
// removed, changed, a mode that git reads as the same one, a file and a
// folder of one name, changes at either end or none), diffRaw lists
// exactly what comparing the two fully parsed trees lists, in the same
// order.
func TestDiffRawMatchesAFullParse(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	hash := func() plumbing.Hash {
		var h plumbing.Hash
		for i := range h {
			h[i] = byte(rng.IntN(256))
		}
		// Hash bytes that look like names and separators, to trip a
		// parser that loses its place.
		if rng.IntN(4) == 0 {
			copy(h[:], " a\x00")
		}
		return h
	}
	modes := []string{"100644", "100755", "100664", "120000", "40000", "160000"}
	for round := 0; round < 3000; round++ {
		var base []testEntry
		names := map[string]bool{}
		for n := rng.IntN(40); len(base) < n; {
			name := fmt.Sprintf("%c%d", 'a'+rng.IntN(4), rng.IntN(30))
			if rng.IntN(5) == 0 {
				name = name[:1] // "a" as a file and as a folder, "a-b" around them
			}
			mode := modes[rng.IntN(len(modes))]
			key := name + map[bool]string{true: "/", false: ""}[mode == "40000"]
			if names[key] {
				continue
			}
			names[key] = true
			base = append(base, testEntry{name, mode, hash()})
		}
		other := append([]testEntry(nil), base...)
		for k := rng.IntN(4); k > 0 && len(other) > 0; k-- {
			i := rng.IntN(len(other))
			switch rng.IntN(4) {
			case 0:
				other = append(other[:i:i], other[i+1:]...)
			case 1:
				other[i].hash = hash()
			case 2:
				if other[i].mode == "100644" {
					other[i].mode = "100664" // the same mode to git
				} else {
					other[i].mode = "100755"
				}
			case 3:
				name := fmt.Sprintf("z%d", rng.IntN(1000))
				if !names[name] {
					names[name] = true
					other = append(other, testEntry{name, "100644", hash()})
				}
			}
		}
		a, b := encodeTree(append([]testEntry(nil), base...)), encodeTree(other)
		if rng.IntN(10) == 0 {
			a = nil
		}
		want := diffParsed(t, a, b)
		var got []string
		if err := diffRaw(a, b, func(x, y *rawEntry) error {
			got = append(got, describe(x, y))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: diffRaw = %q, want %q", round, got, want)
		}
		for _, e := range base {
			var found rawEntry
			ok, err := findRaw(a, e.name, e.mode == "40000", &found)
			if a != nil && (err != nil || !ok || found.hash != e.hash) {
				t.Fatalf("round %d: findRaw(%q) = %v, %v", round, e.name, ok, err)
			}
		}
	}
}

func TestDiffRawRejectsGarbage(t *testing.T) {
	good := encodeTree([]testEntry{{"a", "100644", plumbing.Hash{1}}})
	for _, bad := range []string{"100644", "10064x a\x00", "100644 a\x00short"} {
		if err := diffRaw(good, []byte(bad), func(x, y *rawEntry) error { return nil }); err == nil {
			t.Errorf("diffRaw(%q) succeeded", bad)
		}
	}
}
