package classify

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/git-career/git-career/analyzer/classify/commitmodel"
	"github.com/git-career/git-career/analyzer/classify/internal/loro"
	"github.com/git-career/git-career/analyzer/work"
)

// fullEval skips a test unless GIT_CAREER_EVAL_FULL=1: the evals that
// train models (leave-one-repository-out, the model's freshness) take
// minutes, too long for every `go test`.
func fullEval(t *testing.T) {
	t.Helper()
	if os.Getenv("GIT_CAREER_EVAL_FULL") != "1" {
		t.Skip("trains models for minutes: set GIT_CAREER_EVAL_FULL=1 to run it")
	}
}

func gold(t *testing.T) []commitmodel.GoldRecord {
	t.Helper()
	recs, err := commitmodel.ReadGold(os.DirFS(evalDir(t)))
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// goldCommit is the commit git would give for g, with subject as its
// subject (as written, or without the Conventional type).
func goldCommit(g *commitmodel.GoldRecord, subject string) *work.Commit {
	c := recordCommit(&g.Record, subject)
	c.SHA = g.SHA
	return c
}

// goldFloors are the floors for the primary kind, pooled over the
// 21 repositories, leave-one-repository-out: precision and recall.
var goldFloors = map[string][2]float64{
	"feature": {0.70, 0.70}, "fix": {0.70, 0.70}, "docs": {0.70, 0.70}, "testing": {0.70, 0.70},
	"automation": {0.60, 0.60}, "refactor": {0.60, 0.60}, "dependencies": {0.60, 0.60}, "release": {0.60, 0.60},
}

// The recogniser as the tool runs it (rules, then the model), scored
// leave-one-repository-out on the commits two annotators labelled: for
// each of the 21 repositories, the model is built from the corpus and the
// labelled commits of the 20 others (nothing of the one scored in
// training, in the second stage, or in any setting it chooses), and the
// repository's commits are classified with it. Two ways: with the
// subject as the repository has it (authors' Conventional prefixes
// honoured, as the tool reads them) and without the type (what a
// repository without the convention looks like, and what the annotators
// saw). The floors hold for both.
func TestEvalGoldLORO(t *testing.T) {
	fullEval(t)
	recs, labelled := corpus(t), gold(t)
	start := time.Now()
	primary := func(subject func(g *commitmodel.GoldRecord) string) func(m *commitmodel.Model, g *commitmodel.GoldRecord) string {
		return func(m *commitmodel.Model, g *commitmodel.GoldRecord) string {
			cats, _ := Commit(goldCommit(g, subject(g)), &Context{Model: m})
			return string(cats[0])
		}
	}
	tabs := loro.Gold(recs, labelled, commitmodel.DefaultTrainOptions,
		primary(func(g *commitmodel.GoldRecord) string { return g.Subject }),
		primary(func(g *commitmodel.GoldRecord) string { return g.SubjectWithoutType }))
	fmt.Printf("eval gold LORO: %d repositories in %s\n", len(tabs[0].Repos), time.Since(start).Round(time.Second))
	for i, name := range []string{"eval gold LORO (as written)", "eval gold LORO (without type)"} {
		tab := &tabs[i]
		tab.Print(os.Stdout, name)
		if s := tab.Share(); s < 0.75 {
			t.Errorf("%s: primary kind right for %.3f, want ≥ 0.75", name, s)
		}
		if o := tab.OtherShare(); o > 0.05 {
			t.Errorf("%s: other for %.1f%% of commits, want ≤ 5%%", name, 100*o)
		}
		for _, k := range loro.GoldKinds {
			floor, ok := goldFloors[k]
			if !ok {
				continue
			}
			s := tab.Kind(k)
			if s.Precision() < floor[0] || s.Recall() < floor[1] {
				t.Errorf("%s: %s precision %.3f recall %.3f, want ≥ %.2f/%.2f", name, k, s.Precision(), s.Recall(), floor[0], floor[1])
			}
		}
	}
}

// flakyCase is one commit scored for the flaky-tests flag.
type flakyCase struct {
	c     *work.Commit
	flaky bool
}

// Flaky-test fixes: the commits the annotators flagged (both of them; a
// flag only one set is left out) and the accepted fixes of flaky tests in
// junit-quickcheck (IDoFT), most of which do not say "flaky", with every
// other commit of both as negatives. Rules only: no model is involved.
func TestEvalFlaky(t *testing.T) {
	var cases []flakyCase
	for _, g := range gold(t) {
		if g.Flaky != nil {
			cases = append(cases, flakyCase{goldCommit(&g, g.Subject), *g.Flaky})
		}
	}
	nGold := len(cases)
	for _, r := range readEval(t, "flaky-junit-quickcheck.jsonl") {
		cases = append(cases, flakyCase{r.commit(r.Subject, r.Body), r.FlakyFix})
	}
	var all, goldOnly confusion
	for i, fc := range cases {
		cats, why := Commit(fc.c, nil)
		pred := has(cats, work.FlakyTests)
		all.add(pred, fc.flaky)
		if i < nGold {
			goldOnly.add(pred, fc.flaky)
		}
		if testing.Verbose() && pred != fc.flaky {
			t.Logf("flaky %v, labelled %v: %q (%q)", pred, fc.flaky, fc.c.Subject, why)
		}
	}
	fmt.Printf("eval flaky-tests (gold flags and junit-quickcheck fixes): precision %.3f recall %.3f (tp %d fp %d fn %d); gold alone %.3f/%.3f\n",
		all.precision(), all.recall(), all.tp, all.fp, all.fn, goldOnly.precision(), goldOnly.recall())
	if all.precision() < 0.8 || all.recall() < 0.8 {
		t.Errorf("flaky precision %.3f (want ≥ 0.8), recall %.3f (want ≥ 0.8)", all.precision(), all.recall())
	}
}
