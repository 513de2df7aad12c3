package gitengine

import (
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing/object/commitgraph"

	"github.com/git-career/git-career/internal/gittest"
)

// The walk stops a few commits after the first one older than the period
// (minus the margin), with and without a commit-graph file.
func TestWalkStopsBeforeThePeriod(t *testing.T) {
	r := gittest.New(t)
	// 400 commits in 2020, then three in the period: the walk must not
	// read the old history (it stops after stopRun old commits).
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 400; i++ {
		r.CommitWith("old", nil, gittest.CommitOpts{AllowEmpty: true, Date: day.Add(time.Duration(i) * time.Hour).Format(time.RFC3339)})
	}
	for i := 0; i < 3; i++ {
		r.Commit("new "+string(rune('a'+i)), map[string]string{"n.go": strings.Repeat("x\n", i+1)}, "2026-08-0"+string(rune('1'+i))+"T00:00:00Z")
	}
	period := struct{ Since time.Time }{time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)}
	g, err := Open(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	tips, err := g.Tips()
	if err != nil {
		t.Fatal(err)
	}
	visited := 0
	err = WalkCommits(g.nodes, tips, nil, period.Since.Add(-StopMargin), func(commitgraph.CommitNode) error {
		visited++
		return nil
	})
	g.Close()
	if err != nil {
		t.Fatal(err)
	}
	if visited != 3+stopRun-1 {
		t.Errorf("walk visited %d commits, want %d: the three new ones, then old ones until the stopRun-th", visited, 3+stopRun-1)
	}

	// The commit-graph file, once written, is used.
	r.Run("commit-graph", "write", "--reachable")
	g, err = Open(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	usesGraph := g.graph
	g.Close()
	if !usesGraph {
		t.Error("commit-graph file written but not used")
	}
}
