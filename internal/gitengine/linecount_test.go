package gitengine

import (
	"strings"
	"testing"
)

func TestCountLines(t *testing.T) {
	big := strings.Repeat("line\n", 10000)
	tests := []struct {
		name     string
		a, b     string
		add, del int
		binary   bool
	}{
		{"identical", "a\nb\n", "a\nb\n", 0, 0, false},
		{"both empty", "", "", 0, 0, false},
		{"from empty", "", "a\nb\n", 2, 0, false},
		{"to empty", "a\nb\nc", "", 0, 3, false},
		{"insert middle", "a\nc\n", "a\nb\nc\n", 1, 0, false},
		{"insert start", "b\nc\n", "a\nb\nc\n", 1, 0, false},
		{"append", "a\n", "a\nb\n", 1, 0, false},
		{"delete middle", "a\nb\nc\n", "a\nc\n", 0, 1, false},
		{"change one", "a\nb\nc\n", "a\nB\nc\n", 1, 1, false},
		{"no trailing newline added", "a", "a\n", 1, 1, false},
		{"no trailing newline removed", "a\nb\n", "a\nb", 1, 1, false},
		{"append to unterminated", "a\nb", "a\nb\nc\n", 2, 1, false},
		{"append unterminated", "a\n", "a\nb", 1, 0, false},
		{"crlf to lf", "a\r\nb\r\n", "a\nb\n", 2, 2, false},
		{"crlf change", "a\r\nb\r\nc\r\n", "a\r\nX\r\nc\r\n", 1, 1, false},
		{"lone cr is not a line end", "a\rb\n", "a\rc\n", 1, 1, false},
		{"binary new", "", "a\x00b", 0, 0, true},
		{"binary old", "a\x00b", "text\n", 0, 0, true},
		{"nul after sniff window", strings.Repeat("x", 8000) + "\x00", "y\n", 1, 1, false},
		{"nul at end of sniff window", strings.Repeat("x", 7999) + "\x00", "y\n", 0, 0, true},
		{"swap", "a\nb\n", "b\na\n", 1, 1, false},
		{"repeated lines", "x\nx\nx\n", "x\nx\n", 0, 1, false},
		{"interleaved", "a\nb\nc\nd\ne\n", "a\nx\nc\ny\ne\nz\n", 3, 2, false},
		{"big prefix", big + "a\n" + big, big + "b\n" + big, 1, 1, false},
		{"rewrite", "a\nb\nc\n", "d\ne\n", 2, 3, false},
		{"shared suffix mid-line", "ab\n", "b\n", 1, 1, false},
		{"shared suffix after newline", "x\nb\n", "y\nb\n", 1, 1, false},
		{"suffix is whole of one side", "b\n", "a\nb\n", 1, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			add, del, bin := countLines([]byte(tt.a), []byte(tt.b))
			if add != tt.add || del != tt.del || bin != tt.binary {
				t.Errorf("countLines = +%d -%d binary=%v, want +%d -%d binary=%v",
					add, del, bin, tt.add, tt.del, tt.binary)
			}
		})
	}
}

// A rewrite far beyond xdiff's cost limit must account for every line and
// stay fast; its counts are git's (checked against git in
// TestCountsMatchGitCorpus).
func TestCountLinesBigRewrite(t *testing.T) {
	var a, b strings.Builder
	const n = 6000
	for i := 0; i < n; i++ {
		// Lines shared in a different order defeat the unique-line filter.
		a.WriteString(strings.Repeat("k", i%50) + "\n")
		b.WriteString(strings.Repeat("k", (i*7)%50) + "\n")
		b.WriteString("new\n")
	}
	add, del, _ := countLines([]byte(a.String()), []byte(b.String()))
	if add-del != n {
		t.Errorf("added-deleted = %d, want %d", add-del, n)
	}
	if del > n || add > 2*n {
		t.Errorf("counts +%d -%d exceed the files", add, del)
	}
}

// With needMin, xdiff's search is exact: its counts are those of a
// minimal alignment, checked against a brute-force longest common
// subsequence. Without it, the counts can only be larger.
func TestXdiffCountMinimal(t *testing.T) {
	lcs := func(a, b []uint64) int {
		dp := make([][]int, len(a)+1)
		for i := range dp {
			dp[i] = make([]int, len(b)+1)
		}
		for i := len(a) - 1; i >= 0; i-- {
			for j := len(b) - 1; j >= 0; j-- {
				if a[i] == b[j] {
					dp[i][j] = dp[i+1][j+1] + 1
				} else {
					dp[i][j] = max(dp[i+1][j], dp[i][j+1])
				}
			}
		}
		return dp[0][0]
	}
	seq := func(seed uint64, n int) []uint64 {
		s := make([]uint64, n)
		for i := range s {
			seed = seed*6364136223846793005 + 1442695040888963407
			s[i] = seed >> 61 // a few distinct values, many repeats
		}
		return s
	}
	for i := uint64(0); i < 400; i++ {
		a, b := seq(i, int(i%41)), seq(i*31+7, int(i%37))
		common := lcs(a, b)
		del, add := xdiffCount(a, b, true)
		if del != len(a)-common || add != len(b)-common {
			t.Fatalf("case %d: minimal -%d +%d, want -%d +%d (a=%v b=%v)", i, del, add, len(a)-common, len(b)-common, a, b)
		}
		del, add = xdiffCount(a, b, false)
		if del < len(a)-common || add < len(b)-common || del-add != len(a)-len(b) {
			t.Fatalf("case %d: -%d +%d is no alignment of %d and %d lines sharing %d", i, del, add, len(a), len(b), common)
		}
	}
}

func BenchmarkCountLines(b *testing.B) {
	var x, y strings.Builder
	for i := 0; i < 2000; i++ {
		x.WriteString("func line number " + strings.Repeat("x", i%40) + "\n")
		if i%97 == 0 {
			y.WriteString("changed\n")
		} else {
			y.WriteString("func line number " + strings.Repeat("x", i%40) + "\n")
		}
	}
	xa, ya := []byte(x.String()), []byte(y.String())
	b.SetBytes(int64(len(xa)))
	for b.Loop() {
		countLines(xa, ya)
	}
}
