package history

import (
	"strings"
	"testing"

	"github.com/git-career/git-career/analyzer/work"
)

func TestMailmap(t *testing.T) {
	mm := parseMailmap(`# comment
Ada Lovelace <ada@example.com> <ada@old.example.com>
<bo@example.com> <BO@Laptop.local>
Cy Diaz <cy@example.com> cy <cy@shared.example.com>
Di Eng <di@shared.example.com>
<di@example.com> <di@shared.example.com>
broken line without brackets
`)
	tests := []struct {
		in, want work.Person
	}{
		{work.Person{Name: "A", Email: "ada@old.example.com"}, work.Person{Name: "Ada Lovelace", Email: "ada@example.com"}},
		{work.Person{Name: "A", Email: "ADA@OLD.example.com"}, work.Person{Name: "Ada Lovelace", Email: "ada@example.com"}},
		{work.Person{Name: "Bo", Email: "bo@laptop.local"}, work.Person{Name: "Bo", Email: "bo@example.com"}},
		{work.Person{Name: "cy", Email: "cy@shared.example.com"}, work.Person{Name: "Cy Diaz", Email: "cy@example.com"}},
		{work.Person{Name: "CY", Email: "cy@shared.example.com"}, work.Person{Name: "Cy Diaz", Email: "cy@example.com"}},
		{work.Person{Name: "someone", Email: "cy@shared.example.com"}, work.Person{Name: "someone", Email: "cy@shared.example.com"}},
		// Two lines about one address merge: one names, one re-addresses.
		{work.Person{Name: "d", Email: "di@shared.example.com"}, work.Person{Name: "Di Eng", Email: "di@example.com"}},
		{work.Person{Name: "Zed", Email: "zed@example.com"}, work.Person{Name: "Zed", Email: "zed@example.com"}},
	}
	for _, tt := range tests {
		if got := mm.Map(tt.in); got != tt.want {
			t.Errorf("Map(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
	var nilMap *mailmapTable
	if got := nilMap.Map(work.Person{Name: "a", Email: "b"}); got != (work.Person{Name: "a", Email: "b"}) {
		t.Errorf("nil mailmap changed the person: %v", got)
	}
}

func TestMailmapLaterLinesWin(t *testing.T) {
	mm := parseMailmap("First <one@x> <old@x>\n")
	mm.Add("Second <two@x> <old@x>\n")
	if got, want := mm.Map(work.Person{Name: "o", Email: "old@x"}), (work.Person{Name: "Second", Email: "two@x"}); got != want {
		t.Errorf("Map = %v, want %v", got, want)
	}
}

// FuzzMailmap checks that any mailmap text parses, and that mapping never
// invents an address: the result's email is the input's or one the text
// holds.
func FuzzMailmap(f *testing.F) {
	f.Add("Ada <a@x> <b@x>\n", "n", "b@x")
	f.Add("<a@x> Name <b@x>", "Name", "B@X")
	f.Add("<<>>\n#<x>", "", "")
	f.Fuzz(func(t *testing.T, text, name, email string) {
		got := parseMailmap(text).Map(work.Person{Name: name, Email: email})
		if got.Email != email && !strings.Contains(text, got.Email) {
			t.Fatalf("mapped to %q, found neither in input nor mailmap", got.Email)
		}
		if got.Name != name && !strings.Contains(text, got.Name) {
			t.Fatalf("mapped name %q from nowhere", got.Name)
		}
	})
}
