package gitengine

import "testing"

func TestWildmatch(t *testing.T) {
	for _, tt := range []struct {
		pat, name string
		want      bool
	}{
		{"*.dat", "a.dat", true},
		{"*.dat", "dir/a.dat", false}, // a pattern with no slash is matched on the base name by the caller
		{"sub/*.txt", "sub/a.txt", true},
		{"sub/*.txt", "sub/x/a.txt", false},
		{"sub/**/*.bin", "sub/x.bin", true},
		{"sub/**/*.bin", "sub/a/b/x.bin", true},
		{"**/x", "a/b/x", true},
		{"**/x", "x", true},
		{"a/**", "a/b/c", true},
		{"a/**", "b/c", false},
		{"?.go", "a.go", true},
		{"?.go", "/.go", false},
		{"[abc].go", "b.go", true},
		{"[!abc].go", "b.go", false},
		{"[a-c]x", "cx", true},
		{"[a-c]x", "dx", false},
		{"\\*.go", "*.go", true},
		{"\\*.go", "a.go", false},
		{"[unclosed", "[unclosed", true},
		{"a*b*c", "axxbyyc", true},
		{"a*b*c", "axxbyy", false},
	} {
		if got := wildmatch(tt.pat, tt.name); got != tt.want {
			t.Errorf("wildmatch(%q, %q) = %v, want %v", tt.pat, tt.name, got, tt.want)
		}
	}
}

func TestGitAttrsDiff(t *testing.T) {
	files := map[string]string{
		".gitattributes":     "[attr]nodiff -diff\n*.dat binary\n*.txt -diff\nkeep.txt diff\n*.m nodiff\n*.u -diff\n*.u !diff\nsub/*.x -diff\n",
		"sub/.gitattributes": "*.dat diff\n[attr]ignored -diff\n*.y ignored\n",
	}
	read := func(name string) ([]byte, bool) {
		s, ok := files[name]
		return []byte(s), ok
	}
	g := newGitAttrs("info.dat -diff\n", read)
	for _, tt := range []struct {
		path string
		want diffAttr
	}{
		{"a.dat", diffBinary},
		{"deep/down/a.dat", diffBinary},
		{"sub/a.dat", diffText},      // the deeper file wins
		{"sub/info.dat", diffBinary}, // info/attributes wins over all
		{"a.txt", diffBinary},
		{"keep.txt", diffText}, // the later line wins
		{"a.m", diffBinary},
		{"a.u", diffSniff},
		{"sub/a.x", diffBinary},
		{"sub/deeper/a.x", diffSniff},
		{"sub/a.y", diffSniff}, // macros are defined only at the top
		{"README", diffSniff},
	} {
		if got := g.diff(tt.path); got != tt.want {
			t.Errorf("diff(%q) = %d, want %d", tt.path, got, tt.want)
		}
	}
	if got := (*gitAttrs)(nil).diff("a.dat"); got != diffSniff {
		t.Errorf("nil attrs: %d", got)
	}
}
