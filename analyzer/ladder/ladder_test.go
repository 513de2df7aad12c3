package ladder

import (
	"slices"
	"testing"

	"github.com/git-career/git-career/analyzer/work"
)

func TestBuiltinLadderShape(t *testing.T) {
	l := Builtin()
	want := map[string][]string{
		"ic":         {"junior", "mid", "senior", "staff", "principal", "distinguished"},
		"management": {"tech-lead", "engineering-manager", "director", "vp", "cto"},
	}
	if len(l.Tracks) != len(want) {
		t.Fatalf("tracks = %d, want %d", len(l.Tracks), len(want))
	}
	for _, tr := range l.Tracks {
		var got []string
		for _, lv := range tr.Levels {
			got = append(got, lv.ID)
		}
		if !slices.Equal(got, want[tr.ID]) {
			t.Errorf("track %q levels = %v, want %v", tr.ID, got, want[tr.ID])
		}
		if tr.Name == "" {
			t.Errorf("track %q has no name", tr.ID)
		}
	}
}

func TestBuiltinLadderContent(t *testing.T) {
	for _, tr := range Builtin().Tracks {
		for _, lv := range tr.Levels {
			if lv.Title == "" || lv.Summary == "" {
				t.Errorf("level %q: title %q, summary %q; want both", lv.ID, lv.Title, lv.Summary)
			}
			if n := len(lv.Expectations); n < 2 || n > 4 {
				t.Errorf("level %q has %d expectations, want 2 to 4", lv.ID, n)
			}
			for _, e := range lv.Expectations {
				if e.Text == "" {
					t.Errorf("level %q has an expectation without text", lv.ID)
				}
				if len(e.Categories) == 0 {
					t.Errorf("level %q, %q: no categories", lv.ID, e.Text)
				}
				for _, c := range e.Categories {
					if !slices.Contains(work.Categories, c) {
						t.Errorf("level %q, %q: unknown category %q", lv.ID, e.Text, c)
					}
				}
				if n := len(e.Ideas); n < 2 || n > 3 {
					t.Errorf("level %q, %q: %d ideas, want 2 or 3", lv.ID, e.Text, n)
				}
			}
		}
	}
}

func TestBuiltinLadderIsACopy(t *testing.T) {
	a := Builtin()
	a.Tracks[0].Levels[0].Expectations[0].Ideas[0] = "changed"
	if b := Builtin(); b.Tracks[0].Levels[0].Expectations[0].Ideas[0] == "changed" {
		t.Error("Builtin shares state between calls")
	}
}

func TestLadderNext(t *testing.T) {
	l := Builtin()
	tests := []struct {
		id, want string
		ok       bool
	}{
		{"junior", "mid", true},
		{"mid", "senior", true},
		{"senior", "staff", true},
		{"staff", "principal", true},
		{"principal", "distinguished", true},
		{"distinguished", "", false},
		{"tech-lead", "engineering-manager", true},
		{"engineering-manager", "director", true},
		{"director", "vp", true},
		{"vp", "cto", true},
		{"cto", "", false},
		{"seniorr", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := l.Next(tt.id)
		if got.ID != tt.want || ok != tt.ok {
			t.Errorf("Next(%q) = %q, %v; want %q, %v", tt.id, got.ID, ok, tt.want, tt.ok)
		}
	}
}

func TestLadderLevel(t *testing.T) {
	l := Builtin()
	lv, tr, i, ok := l.Level("staff")
	if !ok || lv.Title != "Staff Engineer" || tr.ID != "ic" || i != 3 {
		t.Errorf("Level(staff) = %q, track %v, %d, %v; want Staff Engineer, ic, 3, true", lv.Title, tr, i, ok)
	}
	lv, tr, i, ok = l.Level("vp")
	if !ok || tr.ID != "management" || i != 3 || lv.ID != "vp" {
		t.Errorf("Level(vp) = %q, track %v, %d, %v; want vp, management, 3, true", lv.ID, tr, i, ok)
	}
	if _, tr, _, ok := l.Level("intern"); ok || tr != nil {
		t.Errorf("Level(intern) = %v, %v; want nil, false", tr, ok)
	}
}

func TestLadderLevelIDs(t *testing.T) {
	got := Builtin().LevelIDs()
	want := []string{"junior", "mid", "senior", "staff", "principal", "distinguished",
		"tech-lead", "engineering-manager", "director", "vp", "cto"}
	if !slices.Equal(got, want) {
		t.Errorf("LevelIDs = %v, want %v", got, want)
	}
}
