package report

import (
	"testing"

	"github.com/git-career/git-career/analyzer/work"
)

func TestTowardBlock(t *testing.T) {
	own := work.Expectation{Text: "Owns problems that slow others down", Ideas: []string{"unused"}}
	design := work.Expectation{Text: "Leads *design*", Ideas: []string{"Write an RFC", "Run a design review"}}
	quiet := work.Expectation{Text: "Grows others"}
	tw := &work.Toward{
		Target: work.Level{ID: "senior", Title: "Senior Engineer", Summary: "Owns a system."},
		Items: []work.TowardItem{
			{Expectation: own, Evidence: []string{"git:aaaa", "pr:acme/api#12", "git:elsewhere"}},
			{Expectation: design},
			{Expectation: quiet},
		},
	}
	cs := []work.Contribution{
		{ID: "git:aaaa", Kind: work.KindCommit, SHA: "aaaaaaaaaa", Title: "Retry the flaky upload test"},
		{ID: "pr:acme/api#12", Kind: work.KindPullRequest, Number: 12, URL: "https://github.com/acme/api/pull/12", Title: "Automate the release notes"},
	}
	got := towardBlock(tw, cs)
	want := "### Toward Senior Engineer\n\n" +
		"Owns a system.\n\n" +
		"- Owns problems that slow others down: Retry the flaky upload test (`aaaaaaa`); Automate the release notes ([#12](https://github.com/acme/api/pull/12)); `git:elsewhere`\n" +
		"- Leads \\*design\\*: no evidence yet. Ideas:\n" +
		"  - Write an RFC\n" +
		"  - Run a design review\n" +
		"- Grows others: no evidence yet\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
