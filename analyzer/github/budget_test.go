package github

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/git-career/git-career/internal/fakegithub"
)

// TestGitHubRequestBudget measures a busy quarter: 40 authored PRs, 120
// reviewed PRs, 300 review comments, 30 issues (and a conversation comment
// on every reviewed PR, which costs nothing more). Budget: 2 per reviewed
// PR and 10 per run, plus one per commented thread of others'.
func TestGitHubRequestBudget(t *testing.T) {
	for _, tc := range []struct {
		name    string
		threads int // others' issues with a comment: one request each
	}{
		{"quarter", 0},
		{"quarter+20 commented issues", 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := generated(fakegithub.Gen{AuthoredPRs: 40, ReviewedPRs: 120, ReviewComments: 300, Issues: 30,
				ReviewConversation: true, CommentedIssues: tc.threads, Noise: 200})
			r := newGHRun(t, s, afterGHQ3)
			opt := r.options()
			opt.HTTPClient = &http.Client{Transport: NewCacheTransport(t.TempDir(), nil)}
			cold := r.mustRead(opt)
			if len(cold.PullRequests) != 40 || len(cold.Reviews) != 120 || len(cold.ReviewComments) != 300 ||
				len(cold.Issues) != 30 || len(cold.IssueComments) != tc.threads {
				t.Fatalf("evidence: %d PRs, %d reviews, %d review comments, %d issues, %d issue comments",
					len(cold.PullRequests), len(cold.Reviews), len(cold.ReviewComments), len(cold.Issues), len(cold.IssueComments))
			}
			// The budget: 2 per reviewed PR and 10 per run (which pays for
			// GET /user, the searches and their pages, and one request per
			// repository), plus one per commented thread of others'.
			searches := r.scenario.PathRequests("/search/issues")
			budget := 2*120 + 10 + tc.threads
			warm := r.mustRead(opt)
			fmt.Printf("github budget (%s): cold %d requests (budget %d = 2×120 + 10 + %d threads; %d searches, %d repositories); cached %d requests, %d answered 304\n",
				tc.name, cold.Requests, budget, tc.threads, searches, len(s.Repos), warm.Requests, warm.NotModified)
			if cold.Requests > budget {
				t.Errorf("cold run: %d requests, over the budget of %d", cold.Requests, budget)
			}
			// Every request but the searches (which GitHub does not tag)
			// revalidates for free.
			if warm.Requests != cold.Requests || warm.NotModified != warm.Requests-searches {
				t.Errorf("cached run: %d of %d requests answered 304, want all but the %d searches", warm.NotModified, warm.Requests, searches)
			}
			sameEvidence(t, cold, warm)
		})
	}
}
