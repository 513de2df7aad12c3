package report

import "testing"

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{
		0: "0", 7: "7", 999: "999", 1000: "1,000", 1200: "1,200",
		12408: "12,408", 1234567: "1,234,567", -1200: "-1,200",
	} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestCount(t *testing.T) {
	if got := count(1, "file", "files"); got != "1 file" {
		t.Errorf("got %q", got)
	}
	if got := count(1500, "commit", "commits"); got != "1,500 commits" {
		t.Errorf("got %q", got)
	}
}

func TestEscapeText(t *testing.T) {
	for in, want := range map[string]string{
		"plain title":         "plain title",
		"# heading":           `\# heading`,
		"## two":              `\## two`,
		"fix #123":            "fix #123",
		"C #":                 `C \#`,
		"- dash":              `\- dash`,
		"+ plus":              `\+ plus`,
		"12. twelve":          `12\. twelve`,
		"3) three":            `3\) three`,
		"v1.2 release":        "v1.2 release",
		"[x] <b> | `c`":       "\\[x\\] \\<b\\> \\| `c`",
		"a `<b>|*` span":      "a `<b>|*` span",
		"a lone ` tick":       "a lone \\` tick",
		"a_b *c* ~d~":         `a\_b \*c\* \~d\~`,
		`back\slash`:          `back\\slash`,
		"two\nlines  spaced ": "two lines spaced",
		"":                    "",
	} {
		if got := escapeText(in); got != want {
			t.Errorf("escapeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCodeSpan(t *testing.T) {
	for in, want := range map[string]string{
		"/src/my api": "`/src/my api`",
		"a`b":         "``a`b``",
		"`x":          "`` `x ``",
	} {
		if got := codeSpan(in); got != want {
			t.Errorf("codeSpan(%q) = %q, want %q", in, got, want)
		}
	}
}
