package work

import "testing"

func TestNoreplyLogin(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"123+ada-l@users.noreply.github.com", "ada-l", true},
		{"Ada-L@users.noreply.github.com", "ada-l", true},
		{"ada@example.com", "", false},
		{"@users.noreply.github.com", "", false},
	}
	for _, tt := range tests {
		got, ok := NoreplyLogin(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("NoreplyLogin(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestIsBot(t *testing.T) {
	bots := []Person{
		{"dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"},
		{"renovate[bot]", "bot@renovateapp.com"},
		{"github-actions", "41898282+github-actions[bot]@users.noreply.github.com"},
		{"x", "12345+dependabot@users.noreply.github.com"},
		{"autofix-ci", "114827586+autofix-ci[bot]@users.noreply.github.com"},
		{"actions-user", "actions@github.com"},
		{"GoReleaser Bot", "29843943+goreleaserbot@users.noreply.github.com"},
	}
	for _, p := range bots {
		if !IsBot(p) {
			t.Errorf("IsBot(%v) = false, want true", p)
		}
	}
	people := []Person{
		{"Ada Lovelace", "ada@example.com"},
		{"Robert", "robert@example.com"},
		{"Bo", "99+bo@users.noreply.github.com"},
		{"Abbot", "abbot@example.com"},
	}
	for _, p := range people {
		if IsBot(p) {
			t.Errorf("IsBot(%v) = true, want false", p)
		}
	}
}

func TestMatcher(t *testing.T) {
	m := NewMatcher(Identity{Emails: []string{"Ada@Example.com"}, Logins: []string{"@ada-l"}, Names: []string{"Ada Lovelace"}})
	yes := []Person{
		{"x", "ada@example.com"},
		{"Ada Lovelace", "other@example.com"},
		{"y", "42+ada-l@users.noreply.github.com"},
		{"ada-l", "z@example.com"},
	}
	for _, p := range yes {
		if !m.Match(p) {
			t.Errorf("match(%v) = false, want true", p)
		}
	}
	no := []Person{{"Bo", "bo@example.com"}, {"", ""}, {"Ada", "ada@example.org"}}
	for _, p := range no {
		if m.Match(p) {
			t.Errorf("match(%v) = true, want false", p)
		}
	}
	if !NewMatcher(Identity{All: true}).Match(Person{"anyone", "a@b"}) {
		t.Error(`"*" did not match everyone`)
	}
}
