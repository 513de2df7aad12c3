package classify

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/git-career/git-career/analyzer/work"
)

// The labelled data lives beside the repository (../shared/eval from the
// repository root, so ../../../shared/eval from this package), never inside
// it: it is other people's text, read at run time only to measure.
// GIT_CAREER_EVAL overrides the folder.
func evalDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("GIT_CAREER_EVAL")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "eval")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("labelled data not found at %s (set GIT_CAREER_EVAL): %v", dir, err)
	}
	return dir
}

type evalRecord struct {
	Subject            string `json:"subject"`
	Body               string `json:"body"`
	SubjectWithoutType string `json:"subject_without_type"`
	Label              string `json:"label"`
	FlakyFix           bool   `json:"flaky_fix"`
	Files              []struct {
		Path      string `json:"path"`
		Additions *int   `json:"additions"`
		Deletions *int   `json:"deletions"`
	} `json:"files"`
}

// commit builds the evidence git would give for r; null counts are binary.
func (r *evalRecord) commit(subject, body string) *work.Commit {
	c := &work.Commit{Subject: subject, Body: body}
	for _, f := range r.Files {
		fc := work.FileChange{Path: f.Path}
		if f.Additions == nil || f.Deletions == nil {
			fc.Binary = true
		} else {
			fc.Additions, fc.Deletions = *f.Additions, *f.Deletions
		}
		c.Files = append(c.Files, fc)
	}
	return c
}

// readJSONL reads one of the labelled files, one JSON record a line.
func readJSONL[T any](t *testing.T, name string) []T {
	t.Helper()
	fh, err := os.Open(filepath.Join(evalDir(t), name))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	var out []T
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var r T
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("%s: no records", name)
	}
	return out
}

func readEval(t *testing.T, name string) []evalRecord { return readJSONL[evalRecord](t, name) }

func has(cats []work.Category, k work.Category) bool {
	for _, c := range cats {
		if c == k {
			return true
		}
	}
	return false
}

// confusion counts predictions against labels.
type confusion struct{ tp, fp, fn int }

func (m *confusion) add(pred, label bool) {
	switch {
	case pred && label:
		m.tp++
	case pred:
		m.fp++
	case label:
		m.fn++
	}
}

func (m confusion) precision() float64 { return ratio(m.tp, m.tp+m.fp) }
func (m confusion) recall() float64    { return ratio(m.tp, m.tp+m.fn) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
