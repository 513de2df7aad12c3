package ladder

import (
	"errors"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/git-career/git-career/analyzer/work"
)

func TestParseLadderAcme(t *testing.T) {
	path := filepath.Join("testdata", "ladder", "acme.yaml")
	got, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	want := &Ladder{
		Name: "Acme engineering ladder",
		Tracks: []Track{
			{ID: "ic", Name: "Individual contributor", Levels: []work.Level{
				{ID: "engineer", Title: "Engineer", Summary: "Ships well-scoped work with tests.", Expectations: []work.Expectation{
					{Text: "Ships features and fixes", Categories: []work.Category{work.Feature, work.Fix},
						Ideas: []string{"Take one bug a week from the triage board"}},
					{Text: "Tests what they change", Categories: []work.Category{work.Testing}},
				}},
				{ID: "senior", Title: "Senior Engineer", Summary: "Owns problems end to end; raises the team.", Expectations: []work.Expectation{
					{Text: "Owns problems that slow others down", Categories: []work.Category{work.FlakyTests, work.Automation, work.Cleanup},
						Ideas: []string{"Stabilize the flaky test nobody wants to touch", "Automate a manual step of the release"}},
					{Text: "Mentors teammates", Categories: []work.Category{work.Mentoring, work.Reviews},
						Ideas: []string{"Rewrite the onboarding doc with the next new hire"}},
				}},
				// No title: the id stands in.
				{ID: "staff-plus", Title: "staff-plus", Summary: "Leads beyond the team.", Expectations: []work.Expectation{
					{Text: "Works across teams", Categories: []work.Category{work.CrossTeam}},
					{Text: "Drives design", Categories: []work.Category{work.Design},
						Ideas: []string{"Write a one-page proposal for the next big change", "Run the architecture review once a month"}},
				}},
			}},
			// No name: the id stands in.
			{ID: "management", Name: "management", Levels: []work.Level{
				{ID: "manager", Title: "Engineering Manager", Expectations: []work.Expectation{
					{Text: "Grows people", Categories: []work.Category{work.Mentoring},
						Ideas: []string{"Write a growth plan with each report"}},
				}},
			}},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Read(%q) =\n%+v\nwant\n%+v", path, got, want)
	}
	if next, ok := got.Next("senior"); !ok || next.ID != "staff-plus" {
		t.Errorf("Next(senior) = %q, %v; want staff-plus, true", next.ID, ok)
	}
}

func TestParseLadderDefaultName(t *testing.T) {
	src := "tracks:\n  - id: ic\n    levels:\n      - id: one\n        expects:\n          - text: Ships\n            evidence: feature\n"
	l, err := parse("teams/ladder.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := l.Name, "ladder.yaml"; got != want {
		t.Errorf("Name = %q, want %q", got, want)
	}
}

// A ladder written by Marshal reads back the same, and the built-in
// ladder passes every check a team's file gets.
func TestBuiltinLadderRoundTrip(t *testing.T) {
	data, err := marshal(Builtin())
	if err != nil {
		t.Fatal(err)
	}
	got, err := parse("builtin.yaml", data)
	if err != nil {
		t.Fatalf("parse(marshal(Builtin())): %v", err)
	}
	if want := Builtin(); !reflect.DeepEqual(got, want) {
		t.Errorf("round trip =\n%+v\nwant\n%+v", got, want)
	}
}

func TestParseLadderErrors(t *testing.T) {
	allowedCats := "feature, fix, flaky-tests, automation, cleanup, docs, design, testing, refactor, performance, security, dependencies, release, other, mentoring, cross-team, review, issue"
	// ok is a valid level body, to build the broken files around.
	const ok = "        expects:\n          - text: Ships\n            evidence: [feature]\n"
	tests := []struct {
		name, src, want string
	}{
		{"empty file", "", `ladder.yaml: empty file; want a ladder with tracks`},
		{"only a comment", "# nothing yet\n", `ladder.yaml: empty file; want a ladder with tracks`},
		{"syntax error", "name: a\n tracks: [\n", `ladder.yaml:2: mapping values are not allowed in this context`},
		{"two documents", "name: a\n---\nname: b\n", `ladder.yaml:2: a second YAML document; want one ladder per file`},
		{"not a mapping", "- ic\n", `ladder.yaml:1: a ladder must be a mapping with keys name, tracks`},
		{"unknown top key", "name: a\nversion: 2\n", `ladder.yaml:2: unknown key "version" in ladder (allowed: name, tracks)`},
		{"no tracks", "name: a\n", `ladder.yaml:1: no tracks; want at least one track with levels`},
		{"empty tracks", "name: a\ntracks: []\n", `ladder.yaml:2: no tracks; want at least one track with levels`},
		{"tracks not a list", "tracks: ic\n", `ladder.yaml:1: "tracks" must be a list`},
		{"track without id", "tracks:\n  - name: IC\n", `ladder.yaml:2: track without an id`},
		{"track without levels", "tracks:\n  - id: ic\n", `ladder.yaml:2: track "ic" has no levels`},
		{"track with empty levels", "tracks:\n  - id: ic\n    levels:\n", `ladder.yaml:2: track "ic" has no levels`},
		{"levels not a list", "tracks:\n  - id: ic\n    levels: senior\n", `ladder.yaml:3: "levels" must be a list`},
		{"key not a word", "tracks:\n  - id: ic\n    ? [levels]\n    : []\n", `ladder.yaml:3: a track key must be a plain word (allowed: id, name, levels)`},
		{"track not a mapping", "tracks:\n  - ic\n", `ladder.yaml:2: a track must be a mapping with keys id, name, levels`},
		{"unknown track key", "tracks:\n  - id: ic\n    levle: []\n", `ladder.yaml:3: unknown key "levle" in track (allowed: id, name, levels)`},
		{"track defined twice", "tracks:\n  - id: ic\n    levels:\n      - id: a\n" + ok + "  - id: ic\n",
			`ladder.yaml:8: track "ic" defined twice (first on line 2)`},
		{"bad level id", "tracks:\n  - id: ic\n    levels:\n      - id: Senior Engineer\n" + ok,
			`ladder.yaml:4: level id "Senior Engineer" must be lowercase letters, digits and hyphens, like "staff-plus"`},
		{"level without id", "tracks:\n  - id: ic\n    levels:\n      - title: Senior\n" + ok, `ladder.yaml:4: level without an id`},
		{"level defined twice", "tracks:\n  - id: ic\n    levels:\n      - id: senior\n" + ok + "      - id: senior\n" + ok,
			`ladder.yaml:8: level "senior" defined twice (first on line 4)`},
		{"level defined twice across tracks", "tracks:\n  - id: ic\n    levels:\n      - id: lead\n" + ok +
			"  - id: management\n    levels:\n      - id: lead\n" + ok,
			`ladder.yaml:10: level "lead" defined twice (first on line 4)`},
		{"empty level", "tracks:\n  - id: ic\n    levels:\n      - id: senior\n        title: Senior\n",
			`ladder.yaml:4: level "senior" has no expectations; want at least one under "expects"`},
		{"unknown level key", "tracks:\n  - id: ic\n    levels:\n      - id: senior\n        expect: []\n",
			`ladder.yaml:5: unknown key "expect" in level (allowed: id, title, summary, expects)`},
		{"key given twice", "tracks:\n  - id: ic\n    levels:\n      - id: senior\n        title: A\n        title: B\n" + ok,
			`ladder.yaml:6: key "title" given twice in level (first on line 5)`},
		{"title not text", "tracks:\n  - id: ic\n    levels:\n      - id: senior\n        title: [A, B]\n" + ok,
			`ladder.yaml:5: "title" must be text`},
		{"expectation without text", "tracks:\n  - id: ic\n    levels:\n      - id: senior\n        expects:\n          - evidence: [fix]\n",
			`ladder.yaml:6: an expectation of level "senior" without text`},
		{"expectation without evidence", "tracks:\n  - id: ic\n    levels:\n      - id: senior\n        expects:\n          - text: Ships\n",
			`ladder.yaml:6: expectation "Ships" has no evidence; want categories from: ` + allowedCats},
		{"unknown category", "tracks:\n  - id: ic\n    levels:\n      - id: senior\n        expects:\n          - text: Owns\n            evidence:\n              - automation\n              - flakey-tests\n",
			`ladder.yaml:9: unknown category "flakey-tests" (allowed: ` + allowedCats + `)`},
		{"category listed twice", "tracks:\n  - id: ic\n    levels:\n      - id: senior\n        expects:\n          - text: Owns\n            evidence: [fix, fix]\n",
			`ladder.yaml:7: category "fix" listed twice in expectation "Owns"`},
		{"unknown expectation key", "tracks:\n  - id: ic\n    levels:\n      - id: senior\n        expects:\n          - text: Owns\n            evidense: [fix]\n",
			`ladder.yaml:7: unknown key "evidense" in expectation (allowed: text, evidence, ideas)`},
		{"expectation not a mapping", "tracks:\n  - id: ic\n    levels:\n      - id: senior\n        expects:\n          - Owns problems\n",
			`ladder.yaml:6: an expectation must be a mapping with keys text, evidence, ideas`},
		{"empty idea", "tracks:\n  - id: ic\n    levels:\n      - id: senior\n        expects:\n          - text: Owns\n            evidence: fix\n            ideas: ['  ']\n",
			`ladder.yaml:8: an empty idea in expectation "Owns"`},
		{"idea not text", "tracks:\n  - id: ic\n    levels:\n      - id: senior\n        expects:\n          - text: Owns\n            evidence: fix\n            ideas:\n              - {a: b}\n",
			`ladder.yaml:9: each of "ideas" must be text`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := parse("ladder.yaml", []byte(tt.src))
			if err == nil {
				t.Fatalf("Parse = %+v, want error %q", l, tt.want)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestParseLadderAlias(t *testing.T) {
	// Anchors let a team share an expectation between levels.
	src := `tracks:
  - id: ic
    levels:
      - id: a
        expects:
          - &ships
            text: Ships
            evidence: [feature]
      - id: b
        expects:
          - *ships
`
	l, err := parse("ladder.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Tracks[0].Levels[1].Expectations[0].Text; got != "Ships" {
		t.Errorf("aliased expectation text = %q, want %q", got, "Ships")
	}
}

func TestParseLadderSyntaxErrorUnwraps(t *testing.T) {
	_, err := parse("ladder.yaml", []byte("a: b\n c: d\n"))
	if err == nil || errors.Unwrap(err) == nil {
		t.Fatalf("error %v: want one wrapping the YAML parser's", err)
	}
	if !strings.HasPrefix(errors.Unwrap(err).Error(), "yaml: ") {
		t.Errorf("wrapped error = %q, want the YAML parser's", errors.Unwrap(err))
	}
}

func TestReadLadderMissing(t *testing.T) {
	_, err := Read(filepath.Join(t.TempDir(), "nope.yaml"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Read(missing) = %v, want fs.ErrNotExist", err)
	}
}

func TestValidateLevel(t *testing.T) {
	l := Builtin()
	allowed := "junior, mid, senior, staff, principal, distinguished, tech-lead, engineering-manager, director, vp, cto"
	tests := []struct {
		id, flag, canonical, want string
	}{
		{"senior", "--level", "senior", ""},
		{"", "--target", "", ""},
		{"seniorr", "--level", "", `unknown level "seniorr" for --level (allowed: ` + allowed + `)`},
		// Ids compare case-insensitively, and come back as the ladder spells them.
		{"Staff", "career.target", "staff", ""},
		{"ENGINEERING-Manager", "--target", "engineering-manager", ""},
	}
	for _, tt := range tests {
		canonical, err := ValidateLevel(l, tt.id, tt.flag)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want || canonical != tt.canonical {
			t.Errorf("ValidateLevel(%q, %q) = %q, %q; want %q, %q", tt.id, tt.flag, canonical, got, tt.canonical, tt.want)
		}
	}
}

func TestValidateTarget(t *testing.T) {
	l := Builtin()
	tests := []struct {
		current, target, want string
	}{
		{"senior", "staff", ""},
		{"senior", "principal", ""},
		{"senior", "engineering-manager", ""}, // another track is a choice
		{"", "mid", ""},
		{"senior", "", ""},
		{"senior", "mid", "--target mid is below --level senior on the Individual contributor track: measure toward a level above it (next: staff)"},
		{"senior", "senior", "--target senior is --level senior: measure toward a level above it on the Individual contributor track"},
		{"cto", "vp", "--target vp is below --level cto on the Management track: measure toward a level above it (next: none, it is the top of the track)"},
	}
	for _, tt := range tests {
		err := ValidateTarget(l, tt.current, tt.target)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("ValidateTarget(%q, %q) = %q, want %q", tt.current, tt.target, got, tt.want)
		}
	}
}
