package history

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/git-career/git-career/analyzer/work"
	"github.com/git-career/git-career/internal/gittest"
)

// TestReadPullRequestOlderThanTheWalk: a pull request merged in the
// period counts there with all its commits, however old: one written in
// the months before the period (which a window's walk reads anyway) and
// one written long before, past the hundreds of commits at which the
// walk stops; with a window and without.
func TestReadPullRequestOlderThanTheWalk(t *testing.T) {
	r := gittest.New(t)
	r.Commit("Base", map[string]string{"a.txt": "0"}, "2025-01-01T10:00:00Z")
	r.Branch("feature")
	start := r.Commit("Start the feature", map[string]string{"f.txt": "1"}, "2025-02-01T10:00:00Z")
	r.Checkout("main")
	r.Filler(250, "2025-03-01T10:00:00Z", "2025-12-01T10:00:00Z")
	r.Checkout("feature")
	cont := r.Commit("Continue the feature", map[string]string{"f.txt": "2"}, "2026-05-01T10:00:00Z")
	finish := r.Commit("Finish the feature", map[string]string{"f.txt": "3"}, "2026-07-05T10:00:00Z")
	r.Checkout("main")
	mine := r.Commit("Something else", map[string]string{"b.txt": "1"}, "2026-07-08T10:00:00Z")
	merge := r.Merge("feature", "Merge pull request #7 from ada/feature", "2026-07-10T10:00:00Z")

	period, _ := work.Quarter("2026Q3", day("2026-10-01"))
	mergeTime, _ := time.Parse(time.RFC3339, "2026-07-10T10:00:00Z")
	var windows [2][]WindowCommit
	for graph := 0; graph < 2; graph++ {
		if graph == 1 {
			// The same with the commit-graph file, which the walk uses.
			r.Run("commit-graph", "write", "--reachable")
		}
		windows[graph] = readOlderThanTheWalk(t, r.Dir, period, mergeTime, []string{mine, finish, cont, start}, mine, merge)
	}
	if !reflect.DeepEqual(windows[0], windows[1]) {
		t.Errorf("the window differs with the commit-graph file:\n%+v\n%+v", windows[1], windows[0])
	}
}

func readOlderThanTheWalk(t *testing.T, dir string, period work.Period, mergeTime time.Time, want []string, mine, merge string) []WindowCommit {
	t.Helper()
	repo, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	var kept []WindowCommit
	for _, window := range []*TimeRange{nil, {Since: day("2026-01-01"), Until: day("2027-01-01")}} {
		scan, err := repo.Read(context.Background(), Options{
			Identity: work.Identity{Emails: []string{gittest.AuthorEmail}}, Period: period, Window: window,
			PullRequest: func(string, int) bool { return true },
		})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range scan.Commits {
			got = append(got, e.Commit.SHA)
			if e.Commit.SHA != mine && (e.PullRequest != 7 || !e.When.Equal(mergeTime) || e.Unmerged) {
				t.Errorf("window %v: %s counts in #%d at %v (unmerged %v), want #7 at the merge",
					window != nil, e.Commit.Subject, e.PullRequest, e.When, e.Unmerged)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("window %v: commits %v, want %v", window != nil, got, want)
		}
		if _, ok := scan.Merges[7]; !ok {
			t.Errorf("window %v: merge %s of #7 not kept", window != nil, merge)
		}
		if scan.Window != nil {
			// Every commit's parent tree, as the walk knew it or read.
			for i := range scan.Window.Commits {
				if _, err := scan.Window.Changes(i); err != nil {
					t.Fatal(err)
				}
			}
			kept = scan.Window.Commits
		}
	}
	return kept
}
