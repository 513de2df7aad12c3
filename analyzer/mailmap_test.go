package analyzer

import (
	"strings"
	"testing"
)

func TestMailmap(t *testing.T) {
	mm := ParseMailmap(`# comment
Ada Lovelace <ada@example.com> <ada@old.example.com>
<bo@example.com> <BO@Laptop.local>
Cy Diaz <cy@example.com> cy <cy@shared.example.com>
Di Eng <di@shared.example.com>
<di@example.com> <di@shared.example.com>
broken line without brackets
`)
	tests := []struct {
		in, want Person
	}{
		{Person{"A", "ada@old.example.com"}, Person{"Ada Lovelace", "ada@example.com"}},
		{Person{"A", "ADA@OLD.example.com"}, Person{"Ada Lovelace", "ada@example.com"}},
		{Person{"Bo", "bo@laptop.local"}, Person{"Bo", "bo@example.com"}},
		{Person{"cy", "cy@shared.example.com"}, Person{"Cy Diaz", "cy@example.com"}},
		{Person{"CY", "cy@shared.example.com"}, Person{"Cy Diaz", "cy@example.com"}},
		{Person{"someone", "cy@shared.example.com"}, Person{"someone", "cy@shared.example.com"}},
		// Two lines about one address merge: one names, one re-addresses.
		{Person{"d", "di@shared.example.com"}, Person{"Di Eng", "di@example.com"}},
		{Person{"Zed", "zed@example.com"}, Person{"Zed", "zed@example.com"}},
	}
	for _, tt := range tests {
		if got := mm.Map(tt.in); got != tt.want {
			t.Errorf("Map(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
	var nilMap *Mailmap
	if got := nilMap.Map(Person{"a", "b"}); got != (Person{"a", "b"}) {
		t.Errorf("nil mailmap changed the person: %v", got)
	}
}

func TestMailmapLaterLinesWin(t *testing.T) {
	mm := ParseMailmap("First <one@x> <old@x>\n")
	mm.Add("Second <two@x> <old@x>\n")
	if got, want := mm.Map(Person{"o", "old@x"}), (Person{"Second", "two@x"}); got != want {
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
		got := ParseMailmap(text).Map(Person{name, email})
		if got.Email != email && !strings.Contains(text, got.Email) {
			t.Fatalf("mapped to %q, found neither in input nor mailmap", got.Email)
		}
		if got.Name != name && !strings.Contains(text, got.Name) {
			t.Fatalf("mapped name %q from nowhere", got.Name)
		}
	})
}
