package classify

import (
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/git-career/git-career/analyzer/classify/commitmodel"
	"github.com/git-career/git-career/analyzer/classify/internal/loro"
	"github.com/git-career/git-career/analyzer/work"
)

func corpus(t *testing.T) []commitmodel.Record {
	t.Helper()
	recs, err := commitmodel.ReadCorpus(os.DirFS(evalDir(t)))
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// recordCommit is the commit git would give for r, with subject as its
// subject (the author's, or without the Conventional type).
func recordCommit(r *commitmodel.Record, subject string) *work.Commit {
	in := r.Input()
	c := &work.Commit{Repo: r.Repo, Subject: subject, Body: r.Body, Author: work.Person{Name: r.AuthorName, Email: r.AuthorEmail}}
	for _, f := range in.Files {
		c.Files = append(c.Files, work.FileChange{Path: f.Path, Additions: f.Additions, Deletions: f.Deletions, Binary: f.Binary})
	}
	return c
}

func names(cats []work.Category) []string {
	out := make([]string, len(cats))
	for i, k := range cats {
		out[i] = string(k)
	}
	return out
}

// authorReached are the pooled precision and recall, against the
// authors' own Conventional types, that the recogniser reached when it
// was changed to the guide's kinds (issue 21), less 0.02: a regression
// bar. The authors' types are not the guide's kinds (a changelog commit
// typed docs is a release to the guide, a chore can be anything), so
// these are no floors to meet, only a level not to fall below.
var authorReached = map[string][2]float64{
	"docs": {0.73, 0.81}, "testing": {0.67, 0.82}, "automation": {0.61, 0.72},
	"fix": {0.75, 0.62}, "feature": {0.56, 0.58}, "performance": {0.22, 0.35}, "refactor": {0.46, 0.46},
}

// The recogniser as the tool runs it, scored leave-one-repository-out
// against the authors' own types on every repository of the corpus,
// without the Conventional type: for each repository, the model is built
// from the others (and the labelled commits of gold, the repository's
// own left out) and the subjects of the one left out are classified. The
// second table beside TestEvalGoldLORO, which scores against the
// annotators' kinds.
func TestEvalCommitsLORO(t *testing.T) {
	fullEval(t)
	recs := corpus(t)
	start := time.Now()
	tab := loro.Run(recs, gold(t), commitmodel.DefaultTrainOptions, func(m *commitmodel.Model, r *commitmodel.Record) []string {
		cats, _ := Commit(recordCommit(r, r.SubjectWithoutType), &Context{Model: m})
		return names(cats)
	})
	tab.Print(os.Stdout, "eval commits LORO")
	fmt.Printf("eval commits LORO: %d repositories, %d commits, %s\n", len(tab.Repos), len(recs), time.Since(start).Round(time.Second))
	for _, k := range loro.Kinds {
		s, bar := tab.Pooled(k), authorReached[k]
		if s.Precision() < bar[0] || s.Recall() < bar[1] {
			t.Errorf("pooled %s %.3f/%.3f against the authors' types, fell below %.2f/%.2f", k, s.Precision(), s.Recall(), bar[0], bar[1])
		}
	}
	if u := tab.Uncategorised(); u > 0.01 {
		t.Errorf("%.1f%% of feat, fix, docs, test, perf, refactor and ci commits are other, want ≤ 1%%", 100*u)
	}
}

// With the prefix, the author's type decides, except where the change's
// own evidence overrides it as the guide says (a fix: that changes only
// docs files is docs): every commit of a type the prefix table knows gets
// that type's kind or the evidence's, in every repository.
func TestEvalConventionalPrefix(t *testing.T) {
	recs := corpus(t)
	total, agree, overridden := map[string]int{}, map[string]int{}, map[string]int{}
	for i := range recs {
		r := &recs[i]
		cc, ok := parseConventional(r.Subject)
		if !ok {
			t.Errorf("%s: subject does not parse: %q", r.Repo, r.Subject)
			continue
		}
		k := conventionalCategory(cc)
		if k == byContent {
			continue
		}
		total[cc.Type]++
		c := recordCommit(r, r.Subject)
		cats, _ := Commit(c, nil)
		ev, _ := evidenceKind(newFacts(c, nil))
		switch {
		case ev != "" && cats[0] == ev:
			overridden[cc.Type]++
		case ev == "" && cats[0] == k:
			agree[cc.Type]++
		default:
			t.Errorf("%s: %q got %s, want %s (the type) or the evidence's %q", r.Repo, r.Subject, cats[0], k, ev)
		}
	}
	types := make([]string, 0, len(total))
	for typ := range total {
		types = append(types, typ)
	}
	slices.SortFunc(types, func(a, b string) int { return total[b] - total[a] })
	fmt.Printf("eval commits with prefix, share given the type's kind (and overridden by the files' evidence):")
	for _, typ := range types {
		if total[typ] >= 20 {
			fmt.Printf(" %s %.3f (%.3f) of %d", typ, ratio(agree[typ], total[typ]), ratio(overridden[typ], total[typ]), total[typ])
		}
	}
	fmt.Println()
}
