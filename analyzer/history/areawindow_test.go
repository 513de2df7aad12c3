package history

import (
	"testing"
	"time"
)

func TestAreaWindow(t *testing.T) {
	for _, tc := range []struct{ at, since, until string }{
		{"2026-08-02", "2025-10-01", "2026-10-01"},
		{"2026-09-30", "2025-10-01", "2026-10-01"},
		{"2026-01-01", "2025-04-01", "2026-04-01"},
		{"2026-12-31", "2026-01-01", "2027-01-01"},
	} {
		at, _ := time.Parse("2006-01-02", tc.at)
		s, u := AreaWindow(at)
		if got := s.Format("2006-01-02") + ".." + u.Format("2006-01-02"); got != tc.since+".."+tc.until {
			t.Errorf("AreaWindow(%s) = %s, want %s..%s", tc.at, got, tc.since, tc.until)
		}
	}
}
