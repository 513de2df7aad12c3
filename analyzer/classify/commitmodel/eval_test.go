package commitmodel_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/git-career/git-career/analyzer/classify/commitmodel"
	"github.com/git-career/git-career/analyzer/classify/internal/loro"
)

// corpus reads ../shared/eval (GIT_CAREER_EVAL overrides it), skipping
// when it is absent: it is other people's text and never part of the
// repository.
func corpus(t testing.TB) []commitmodel.Record {
	t.Helper()
	dir := os.Getenv("GIT_CAREER_EVAL")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "..", "shared", "eval")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("labelled data not found at %s (set GIT_CAREER_EVAL): %v", dir, err)
	}
	recs, err := commitmodel.ReadCorpus(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// classKinds is how a class reads as the scored kinds, the model alone.
var classKinds = map[string][]string{
	"feature": {"feature"}, "fix": {"fix"}, "docs": {"docs"}, "test": {"testing"},
	"ci": {"automation"}, "build": {"automation"}, "perf": {"performance"},
	"refactor": {"refactor"}, "style": {"refactor"},
	"release": {"release"}, "deps": {"dependencies"}, "chore": nil,
}

// The model alone, leave-one-repository-out (the classifier with its rules
// is scored in analyzer/classify).
func TestEvalModelLORO(t *testing.T) {
	if testing.Short() {
		t.Skip("trains 17 models: not with -short")
	}
	recs := corpus(t)
	start := time.Now()
	tab := loro.Run(recs, commitmodel.DefaultTrainOptions, func(m *commitmodel.Model, r *commitmodel.Record) []string {
		return classKinds[m.Predict(r.Input()).Class]
	})
	tab.Print(os.Stdout, "eval model-alone")
	fmt.Printf("eval model-alone: %d folds in %s\n", len(tab.Repos), time.Since(start).Round(time.Millisecond))
}
