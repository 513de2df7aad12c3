package gittest

import (
	"strings"
	"testing"
)

func TestTestRepoHelper(t *testing.T) {
	r := New(t)
	r.Commit("first", map[string]string{"a/b.txt": "x\n"}, "")
	h := r.CommitWith("second", map[string]string{"a/b.txt": Delete, "a": "file\n"}, CommitOpts{
		Author:        "Bob Builder <bob@example.com>",
		Date:          "2024-02-03T04:05:06Z",
		CommitterDate: "2024-02-05T00:00:00+02:00",
		Body:          "Why it changed.",
		Coauthors:     []string{"Ada Lovelace <ada@example.com>"},
	})
	got := r.Run("log", "-1", "--format=%an|%ae|%aI|%cn|%cI|%s|%b", h)
	want := "Bob Builder|bob@example.com|2024-02-03T04:05:06+00:00|Ada Lovelace|2024-02-05T00:00:00+02:00|second|" +
		"Why it changed.\n\nCo-authored-by: Ada Lovelace <ada@example.com>\n\n"
	if got != want {
		t.Errorf("log = %q\nwant %q", got, want)
	}
	if files := r.Run("ls-files"); files != "a\n" {
		t.Errorf("files = %q, want a file replacing the directory", files)
	}
	r.Branch("topic")
	r.Commit("on topic", map[string]string{"t": "t\n"}, "")
	r.Checkout("main")
	m := r.Merge("topic", "merge topic", "")
	if parents := strings.Fields(r.Run("log", "-1", "--format=%P", m)); len(parents) != 2 {
		t.Errorf("merge has parents %v", parents)
	}
}
