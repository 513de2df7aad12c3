package analyzer

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseTrailers(t *testing.T) {
	tests := []struct {
		name string
		msg  string
		want []Trailer
	}{
		{"subject only", "Fix: the thing\n", nil},
		{"no trailer block", "Subject\n\nBody text here.\n", nil},
		{"one", "Subject\n\nBody.\n\nCo-authored-by: Bo Chen <bo@example.com>\n",
			[]Trailer{{"Co-authored-by", "Bo Chen <bo@example.com>"}}},
		{"several, crlf", "Subject\r\n\r\nSigned-off-by: A <a@x>\r\nCo-authored-by: B <b@x>\r\n",
			[]Trailer{{"Signed-off-by", "A <a@x>"}, {"Co-authored-by", "B <b@x>"}}},
		{"continuation", "S\n\nNote-for: one\n  two\n",
			[]Trailer{{"Note-for", "one two"}}},
		{"prose with colon is not a block", "S\n\nWe did this: because.\nCo-authored-by: B <b@x>\n", nil},
		{"only last paragraph", "S\n\nCo-authored-by: A <a@x>\n\nThe end.\n", nil},
		{"space before colon", "S\n\nReviewed-by : C <c@x>\n", []Trailer{{"Reviewed-by", "C <c@x>"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseTrailers(tt.msg)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseTrailers(%q) = %q, want %q", tt.msg, got, tt.want)
			}
		})
	}
}

func TestCoauthorsDropsBotsAndDuplicates(t *testing.T) {
	tr := []Trailer{
		{"Co-authored-by", "Bo Chen <bo@example.com>"},
		{"co-authored-by", "Bo C <BO@example.com>"},
		{"Co-authored-by", "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>"},
		{"Co-authored-by", "renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>"},
		{"Co-authored-by", "autofix-ci <autofix-ci@example.com>"},
		{"Signed-off-by", "Cy <cy@example.com>"},
		{"Co-authored-by", "not a person"},
	}
	got := coauthors(tr)
	want := []Person{{"Bo Chen", "bo@example.com"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("coauthors = %v, want %v", got, want)
	}
}

func TestParsePerson(t *testing.T) {
	tests := []struct {
		in   string
		want Person
		ok   bool
	}{
		{"Ada Lovelace <ada@example.com>", Person{"Ada Lovelace", "ada@example.com"}, true},
		{"<ada@example.com>", Person{"", "ada@example.com"}, true},
		{"ada@example.com", Person{"", "ada@example.com"}, true},
		{"  Ada <a@x>  ", Person{"Ada", "a@x"}, true},
		{"Ada", Person{}, false},
		{"<>", Person{}, false},
	}
	for _, tt := range tests {
		got, ok := ParsePerson(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParsePerson(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// FuzzParseTrailers checks that any message parses without panicking and
// that every trailer found has a well-formed key and came from the message's
// last paragraph.
func FuzzParseTrailers(f *testing.F) {
	f.Add("Subject\n\nCo-authored-by: Bo <bo@x>\n")
	f.Add("S\n\nA: b\n c\nD: e\n")
	f.Add("S\r\n\r\nKey : v\r\n")
	f.Add("\n\n\n:")
	f.Fuzz(func(t *testing.T, msg string) {
		for _, tr := range ParseTrailers(msg) {
			if tr.Key == "" || strings.ContainsAny(tr.Key, " :\n\t") {
				t.Fatalf("bad key %q from %q", tr.Key, msg)
			}
			if !strings.Contains(msg, tr.Key) {
				t.Fatalf("key %q not in message %q", tr.Key, msg)
			}
			if strings.Contains(tr.Value, "\n") {
				t.Fatalf("value %q holds a newline", tr.Value)
			}
		}
	})
}
