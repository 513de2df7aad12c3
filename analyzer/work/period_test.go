package work

import (
	"testing"
	"time"
)

func TestQuarter(t *testing.T) {
	loc := time.FixedZone("X", -7*3600)
	now := time.Date(2026, 11, 27, 15, 0, 0, 0, loc)
	tests := []struct {
		q, since, until, label string
	}{
		{"", "2026-10-01", "2026-11-27", "2026Q4"},
		{"current", "2026-10-01", "2026-11-27", "2026Q4"},
		{"last", "2026-07-01", "2026-09-30", "2026Q3"},
		{"2026Q1", "2026-01-01", "2026-03-31", "2026Q1"},
		{"2025q4", "2025-10-01", "2025-12-31", "2025Q4"},
		{"2026Q4", "2026-10-01", "2026-11-27", "2026Q4"},
	}
	for _, tt := range tests {
		p, err := Quarter(tt.q, now)
		if err != nil {
			t.Fatalf("Quarter(%q): %v", tt.q, err)
		}
		got := [3]string{p.Since.Format(dateLayout), p.Until.Format(dateLayout), p.Label}
		if want := [3]string{tt.since, tt.until, tt.label}; got != want {
			t.Errorf("Quarter(%q) = %v, want %v", tt.q, got, want)
		}
		if p.Since.Location() != loc {
			t.Errorf("Quarter(%q) left the local zone", tt.q)
		}
	}
	if p, _ := Quarter("last", time.Date(2026, 2, 1, 0, 0, 0, 0, loc)); p.Label != "2025Q4" {
		t.Errorf("last quarter in Q1 = %s, want 2025Q4", p.Label)
	}
	for _, bad := range []string{"2026Q5", "Q3", "2026-Q3", "next"} {
		if _, err := Quarter(bad, now); err == nil {
			t.Errorf("Quarter(%q) accepted", bad)
		}
	}
}

func TestPeriodContains(t *testing.T) {
	loc := time.FixedZone("X", 2*3600)
	since, _ := ParseDate("2026-07-01", loc)
	until, _ := ParseDate("2026-09-30", loc)
	p, err := Range(since, until)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		t    time.Time
		want bool
	}{
		{time.Date(2026, 7, 1, 0, 0, 0, 0, loc), true},
		{time.Date(2026, 6, 30, 23, 59, 0, 0, loc), false},
		{time.Date(2026, 9, 30, 23, 59, 59, 0, loc), true},
		{time.Date(2026, 10, 1, 0, 0, 0, 0, loc), false},
		// 21:30 UTC on June 30th is already July 1st in the period's zone.
		{time.Date(2026, 6, 30, 22, 30, 0, 0, time.UTC), true},
		{time.Date(2026, 9, 30, 22, 30, 0, 0, time.UTC), false},
	}
	for _, tt := range tests {
		if got := p.Contains(tt.t); got != tt.want {
			t.Errorf("Contains(%v) = %v, want %v", tt.t, got, tt.want)
		}
	}
	if _, err := Range(until, since); err == nil {
		t.Error("Range accepted until before since")
	}
	for in, want := range map[string]string{
		"2026-02-30": `there is no such day as "2026-02-30": February 2026 has 28 days`,
		"2024-02-30": `there is no such day as "2024-02-30": February 2024 has 29 days`,
		"2026-04-31": `there is no such day as "2026-04-31": April 2026 has 30 days`,
		"2026-13-01": `there is no such day as "2026-13-01": the month must be 01 to 12`,
		"2026-7-1":   `bad date "2026-7-1": want YYYY-MM-DD`,
	} {
		_, err := ParseDate(in, loc)
		if err == nil || err.Error() != want {
			t.Errorf("ParseDate(%q) = %v, want %q", in, err, want)
		}
	}
}

func TestReportSplit(t *testing.T) {
	now := time.Date(2026, 9, 30, 12, 0, 0, 0, time.UTC)
	q1, _ := Quarter("2026Q1", now)
	q3, _ := Quarter("2026Q3", now)
	r := &Report{Contributions: []Contribution{
		{ID: "a", Date: time.Date(2026, 8, 1, 9, 0, 0, 0, time.UTC), Categories: []Category{Fix}},
		{ID: "b", Date: time.Date(2026, 3, 31, 23, 0, 0, 0, time.UTC), Categories: []Category{Fix, Docs}},
		{ID: "c", Date: time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)},
	}}
	parts := r.Split([]Period{q1, q3})
	if len(parts) != 2 || len(parts[0].Contributions) != 1 || parts[0].Contributions[0].ID != "b" ||
		len(parts[1].Contributions) != 1 || parts[1].Contributions[0].ID != "a" {
		t.Fatalf("split = %+v", parts)
	}
	if got := parts[0].Summary; got[Fix] != 1 || got[Docs] != 1 || len(got) != 2 {
		t.Errorf("Q1 summary = %v", got)
	}
	if parts[1].Period != q3 {
		t.Errorf("Q3 period = %v", parts[1].Period)
	}
}
