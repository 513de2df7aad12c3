package ladder

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/git-career/git-career/analyzer/work"
)

func towardContrib(id string, day int, lines int, cats ...work.Category) work.Contribution {
	return work.Contribution{
		ID:         id,
		Date:       time.Date(2026, 7, day, 12, 0, 0, 0, time.UTC),
		Categories: cats,
		Additions:  lines,
	}
}

// A senior engineer's quarter, measured toward staff: help across teams
// and tooling work show, design does not.
func TestMeasureTowardStaff(t *testing.T) {
	contribs := []work.Contribution{
		towardContrib("git:1111", 3, 12, work.CrossTeam),
		towardContrib("pr:acme/shared-lib#12", 9, 400, work.CrossTeam, work.Feature),
		towardContrib("git:2222", 10, 40, work.Automation, work.Testing),
		towardContrib("review:77", 11, 0, work.Reviews, work.Mentoring),
		towardContrib("git:3333", 12, 5, work.Fix),
		towardContrib("git:4444", 14, 2000, work.Dependencies),
	}
	got, err := Measure(Builtin(), "senior", "", contribs)
	if err != nil {
		t.Fatal(err)
	}
	if got.Current != "senior" || got.Target.ID != "staff" {
		t.Fatalf("Current, Target = %q, %q; want senior, staff", got.Current, got.Target.ID)
	}
	want := map[string][]string{
		"Contributes across team boundaries":          {"pr:acme/shared-lib#12", "git:1111"},
		"Drives technical design":                     nil,
		"Standardizes tooling so every team benefits": {"git:2222"},
		"Grows senior engineers":                      {"review:77"},
	}
	if len(got.Items) != len(want) {
		t.Fatalf("items = %d, want %d", len(got.Items), len(want))
	}
	for _, it := range got.Items {
		w, ok := want[it.Expectation.Text]
		if !ok {
			t.Errorf("unexpected expectation %q", it.Expectation.Text)
			continue
		}
		if !slices.Equal(it.Evidence, w) {
			t.Errorf("%q evidence = %v, want %v", it.Expectation.Text, it.Evidence, w)
		}
	}
	// No evidence for design: the doc falls back to the ideas.
	design := got.Items[1]
	if design.Expectation.Text != "Drives technical design" || len(design.Evidence) != 0 || len(design.Expectation.Ideas) < 2 {
		t.Errorf("design item = %+v; want no evidence and ideas", design)
	}
}

func TestMeasureTowardOrderAndCap(t *testing.T) {
	// Eight design contributions: bigger first, then newer, then by ID.
	var contribs []work.Contribution
	for _, d := range []struct {
		id    string
		day   int
		lines int
	}{
		{"git:c", 1, 10}, {"git:a", 1, 10}, {"git:b", 1, 10}, {"git:new", 20, 10},
		{"git:big", 2, 5000}, {"git:f", 1, 10}, {"git:e", 1, 10}, {"git:d", 1, 10},
	} {
		contribs = append(contribs, towardContrib(d.id, d.day, d.lines, work.Design))
	}
	before := fmt.Sprint(contribs)
	got, err := Measure(Builtin(), "", "distinguished", contribs)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"git:big", "git:new", "git:a", "git:b", "git:c"}
	if ev := got.Items[0].Evidence; !slices.Equal(ev, want) {
		t.Errorf("evidence = %v, want %v", ev, want)
	}
	if got.Current != "" {
		t.Errorf("Current = %q, want empty", got.Current)
	}
	if fmt.Sprint(contribs) != before {
		t.Error("Measure reordered the caller's contributions")
	}
}

func TestMeasureTowardOtherTrack(t *testing.T) {
	contribs := []work.Contribution{towardContrib("issue:acme/app#7", 5, 0, work.Issues)}
	got, err := Measure(Builtin(), "senior", "tech-lead", contribs)
	if err != nil {
		t.Fatal(err)
	}
	if got.Target.ID != "tech-lead" {
		t.Fatalf("Target = %q, want tech-lead", got.Target.ID)
	}
	if ev := got.Items[1].Evidence; !slices.Equal(ev, []string{"issue:acme/app#7"}) {
		t.Errorf("backlog evidence = %v, want the issue", ev)
	}
}

func TestMeasureTowardErrors(t *testing.T) {
	allowed := "junior, mid, senior, staff, principal, distinguished, tech-lead, engineering-manager, director, vp, cto"
	tests := []struct {
		current, target, want string
	}{
		{"", "", "no level to measure toward: give the current level or a target level"},
		{"seniorr", "", `unknown current level "seniorr" (allowed: ` + allowed + `)`},
		{"seniorr", "staff", `unknown current level "seniorr" (allowed: ` + allowed + `)`},
		{"senior", "stafff", `unknown target level "stafff" (allowed: ` + allowed + `)`},
		{"distinguished", "", `"distinguished" is the top of the "ic" track, so there is no next level: give a target level`},
		{"cto", "", `"cto" is the top of the "management" track, so there is no next level: give a target level`},
	}
	for _, tt := range tests {
		got, err := Measure(Builtin(), tt.current, tt.target, nil)
		if err == nil {
			t.Errorf("Measure(%q, %q) = %+v, want error %q", tt.current, tt.target, got, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("Measure(%q, %q) error =\n%s\nwant\n%s", tt.current, tt.target, err, tt.want)
		}
	}
}

func TestMeasureTowardNoContributions(t *testing.T) {
	got, err := Measure(Builtin(), "junior", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got.Target.ID != "mid" || len(got.Items) != len(got.Target.Expectations) {
		t.Fatalf("Target %q with %d items; want mid with one item per expectation", got.Target.ID, len(got.Items))
	}
	for _, it := range got.Items {
		if len(it.Evidence) != 0 {
			t.Errorf("%q evidence = %v, want none", it.Expectation.Text, it.Evidence)
		}
	}
}
