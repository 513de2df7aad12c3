package main

import (
	"strings"
	"testing"

	"github.com/git-career/git-career/internal/gittest"
)

// TestRenameNamesAsGit renames files in the shapes git writes differently
// ("a => b", "pfx/{a => b}/sfx", an empty side, quoted names) and checks
// that parseNumstatLine reads git's plain numstat as git's -z output says,
// and that renameName writes each rename as git does.
func TestRenameNamesAsGit(t *testing.T) {
	r := gittest.New(t)
	moves := [][2]string{
		{"a.txt", "b.txt"},
		{"docs/guide/x.md", "website/guide/x.md"},
		{"p/q/r/f.go", "p/r/f.go"},
		{"top.go", "deep/er/top.go"},
		{"lib/old/util.c", "util.c"},
		{"src/one.go", "src/two.go"},
		{"tab\there.txt", "no tab.txt"},
		{"café.txt", "cafe/café.txt"},
		{"k/same/x.txt", "k/same/y/x.txt"},
	}
	files := map[string]string{}
	for i, m := range moves {
		files[m[0]] = strings.Repeat("contents of file "+string(rune('A'+i))+"\n", 5)
	}
	r.Commit("root", files, "")
	change := map[string]string{}
	for _, m := range moves {
		change[m[0]] = gittest.Delete
		change[m[1]] = files[m[0]]
	}
	h := r.Commit("moves", change, "")

	want := r.Numstat("-1", h)[h]
	plain := strings.TrimSpace(r.Run("log", "-1", "--format=", "--numstat", h))
	lines := strings.Split(plain, "\n")
	if len(lines) != len(want) || len(want) != len(moves) {
		t.Fatalf("git printed %d lines, -z %d files, want %d renames:\n%s", len(lines), len(want), len(moves), plain)
	}
	for i, line := range lines {
		got, err := parseNumstatLine(line)
		if err != nil {
			t.Fatal(err)
		}
		if got != want[i] {
			t.Errorf("parse %q = %+v, want %+v", line, got, want[i])
		}
		name := strings.SplitN(line, "\t", 3)[2]
		if w := renameName(want[i].OldPath, want[i].Path); w != name {
			t.Errorf("renameName(%q, %q) = %q, git %q", want[i].OldPath, want[i].Path, w, name)
		}
	}
}
