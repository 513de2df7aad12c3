package analyzer

import (
	"testing"

	"github.com/git-career/git-career/analyzer/github"
	"github.com/git-career/git-career/analyzer/work"
)

func TestReviewBot(t *testing.T) {
	for login, want := range map[string]bool{
		"coderabbitai[bot]": true, "coderabbitai": true, "Copilot": true,
		"copilot-pull-request-reviewer[bot]": true, "gemini-code-assist[bot]": true,
		"github-advanced-security[bot]": true, "sourcery-ai": true, "greptile-apps[bot]": true,
		"dependabot[bot]": true, "renovate": true, "release-bot": true, "k8s-ci-robot": true,
		"ada": false, "bob": false, "abbot": false, "robotics-fan": false, "": false,
	} {
		if got := reviewBot(login); got != want {
			t.Errorf("reviewBot(%q) = %v, want %v", login, got, want)
		}
	}
}

// A review bot's or an AI reviewer's comments are never mentoring, however
// much they explain: the same teaching comment on the same person's pull
// request is mentoring when a person wrote it.
func TestBotCommentsAreNotMentoring(t *testing.T) {
	const teaching = "Take the lock before reading the counter, because otherwise two workers can both see zero " +
		"and both start the upload, which means it runs twice. Note that the counter is shared by every request, " +
		"so this happens under load even though the tests never hit it. See https://go.dev/ref/mem for why."
	for _, tt := range []struct {
		login, author string
		mentoring     bool
	}{
		{"ada", "bob", true},
		{"coderabbitai[bot]", "bob", false},
		{"copilot-pull-request-reviewer[bot]", "bob", false},
		{"gemini-code-assist", "bob", false},
		// A person's comment on an AI agent's pull request teaches nobody.
		{"ada", "copilot-swe-agent", false},
	} {
		cs := []work.Contribution{
			review(github.Review{ID: 1, Repo: "acme/shop", PRNumber: 3, PRTitle: "Retry uploads",
				PRAuthor: tt.author, State: "COMMENTED", Body: teaching}, tt.login),
			reviewComment(github.ReviewComment{ID: 2, Repo: "acme/shop", PRNumber: 3,
				PRTitle: "Retry uploads", PRAuthor: tt.author, Body: teaching}, tt.login),
			issueComment(github.IssueComment{ID: 3, Repo: "acme/shop", Number: 3, IsPR: true,
				Title: "Retry uploads", IssueAuthor: tt.author, Body: teaching}, tt.login),
		}
		for _, c := range cs {
			if c.Class != "educational" {
				t.Errorf("%s: %s classed %q, want educational (the text teaches whoever wrote it)", tt.login, c.ID, c.Class)
			}
			if got := c.Has(work.Mentoring); got != tt.mentoring {
				t.Errorf("%s: %s mentoring = %v, want %v (%v)", tt.login, c.ID, got, tt.mentoring, c.Reasons)
			}
		}
	}
}
