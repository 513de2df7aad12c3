package history

import (
	"reflect"
	"strings"
	"testing"

	"github.com/git-career/git-career/analyzer/work"
)

func TestParseTrailers(t *testing.T) {
	tests := []struct {
		name string
		msg  string
		want []work.Trailer
	}{
		{"subject only", "Fix: the thing\n", nil},
		{"no trailer block", "Subject\n\nBody text here.\n", nil},
		{"one", "Subject\n\nBody.\n\nCo-authored-by: Bo Chen <bo@example.com>\n",
			[]work.Trailer{{Key: "Co-authored-by", Value: "Bo Chen <bo@example.com>"}}},
		{"several, crlf", "Subject\r\n\r\nSigned-off-by: A <a@x>\r\nCo-authored-by: B <b@x>\r\n",
			[]work.Trailer{{Key: "Signed-off-by", Value: "A <a@x>"}, {Key: "Co-authored-by", Value: "B <b@x>"}}},
		{"continuation", "S\n\nNote-for: one\n  two\n",
			[]work.Trailer{{Key: "Note-for", Value: "one two"}}},
		{"prose with colon is not a block", "S\n\nWe did this: because.\nCo-authored-by: B <b@x>\n", nil},
		{"only last paragraph", "S\n\nCo-authored-by: A <a@x>\n\nThe end.\n", nil},
		{"space before colon", "S\n\nReviewed-by : C <c@x>\n", []work.Trailer{{Key: "Reviewed-by", Value: "C <c@x>"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseTrailers(tt.msg)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("parseTrailers(%q) = %q, want %q", tt.msg, got, tt.want)
			}
		})
	}
}

func TestCoauthorsDropsBotsAndDuplicates(t *testing.T) {
	tr := []work.Trailer{
		{Key: "Co-authored-by", Value: "Bo Chen <bo@example.com>"},
		{Key: "co-authored-by", Value: "Bo C <BO@example.com>"},
		{Key: "Co-authored-by", Value: "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>"},
		{Key: "Co-authored-by", Value: "renovate[bot] <29139614+renovate[bot]@users.noreply.github.com>"},
		{Key: "Co-authored-by", Value: "autofix-ci <autofix-ci@example.com>"},
		{Key: "Signed-off-by", Value: "Cy <cy@example.com>"},
		{Key: "Co-authored-by", Value: "not a person"},
	}
	got := coauthors(tr)
	want := []work.Person{{Name: "Bo Chen", Email: "bo@example.com"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("coauthors = %v, want %v", got, want)
	}
}

func TestParsePerson(t *testing.T) {
	tests := []struct {
		in   string
		want work.Person
		ok   bool
	}{
		{"Ada Lovelace <ada@example.com>", work.Person{Name: "Ada Lovelace", Email: "ada@example.com"}, true},
		{"<ada@example.com>", work.Person{Name: "", Email: "ada@example.com"}, true},
		{"ada@example.com", work.Person{Name: "", Email: "ada@example.com"}, true},
		{"  Ada <a@x>  ", work.Person{Name: "Ada", Email: "a@x"}, true},
		{"Ada", work.Person{}, false},
		{"<>", work.Person{}, false},
	}
	for _, tt := range tests {
		got, ok := parsePerson(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("parsePerson(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
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
		for _, tr := range parseTrailers(msg) {
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
