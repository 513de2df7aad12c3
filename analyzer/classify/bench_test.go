package classify

import (
	"strings"
	"testing"

	"github.com/git-career/git-career/analyzer/work"
)

// BenchmarkCommit is the cost of classifying one commit as Analyze does:
// the rules and, for a commit no rule decides, the model (already loaded;
// see commitmodel's BenchmarkParse for the one-time load).
func BenchmarkCommit(b *testing.B) {
	c := &work.Commit{
		Subject: "config: handle an empty file without crashing",
		Body:    "The loader dereferenced a nil map when the file had no sections.\n\nFixes #412\n\nSigned-off-by: Ada <ada@example.com>",
		Files: []work.FileChange{
			{Path: "internal/config/load.go", Additions: 12, Deletions: 3},
			{Path: "internal/config/load_test.go", Additions: 40},
			{Path: "docs/config.md", Additions: 2, Deletions: 1},
		},
	}
	ctx := &Context{}
	Commit(c, ctx) // load the model outside the timing
	benchCommits(b, c, ctx)
}

// BenchmarkCommitPrefixed is a commit its Conventional type decides: the
// model is not consulted.
func BenchmarkCommitPrefixed(b *testing.B) {
	c := &work.Commit{
		Subject: "fix(config): handle an empty file without crashing",
		Files:   []work.FileChange{{Path: "internal/config/load.go", Additions: 12, Deletions: 3}},
	}
	benchCommits(b, c, nil)
}

// BenchmarkCommitLongBody is a squash-merged pull request: a long
// description (the model reads its first 80 words) and more files.
func BenchmarkCommitLongBody(b *testing.B) {
	body := strings.Repeat("The scheduler now retries failed uploads with a backoff, and the queue keeps its order across restarts. ", 8)
	c := &work.Commit{Subject: "Retry failed uploads with backoff (#812)", Body: body}
	for _, p := range []string{"sched/retry.go", "sched/retry_test.go", "sched/queue.go", "docs/uploads.md", "go.mod", "go.sum", ".github/workflows/ci.yml", "internal/backoff/backoff.go"} {
		c.Files = append(c.Files, work.FileChange{Path: p, Additions: 20, Deletions: 4})
	}
	ctx := &Context{}
	Commit(c, ctx)
	benchCommits(b, c, ctx)
}

// benchCommits classifies c b.N times and reports, besides wall time, the
// process's CPU time per commit (cpu-ns/op), which another process's load
// does not inflate.
func benchCommits(b *testing.B, c *work.Commit, ctx *Context) {
	b.ReportAllocs()
	start := cpuTime()
	n := 0
	for b.Loop() {
		Commit(c, ctx)
		n++
	}
	if used := cpuTime() - start; used > 0 && n > 0 {
		b.ReportMetric(float64(used)/float64(n), "cpu-ns/op")
	}
}
