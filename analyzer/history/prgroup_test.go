package history

import (
	"testing"
)

func TestSquashAndMergePR(t *testing.T) {
	for _, tt := range []struct {
		subject string
		want    int
	}{
		{"Add export (#123)", 123},
		{"Add export (#123)  ", 123},
		{"Fix #12 in parser", 0},
		{"(#5) at the start", 0},
	} {
		got, _ := squashPR(tt.subject)
		if got != tt.want {
			t.Errorf("squashPR(%q) = %d, want %d", tt.subject, got, tt.want)
		}
	}
	if n, ok := mergePR("Merge pull request #42 from ada/export\n\nAdd export"); !ok || n != 42 {
		t.Errorf("mergePR = %d, %v; want 42, true", n, ok)
	}
	if _, ok := mergePR("Merge branch 'main' into export"); ok {
		t.Error("mergePR matched a plain merge")
	}
}
