package commitmodel

import (
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"sync"
)

// GoldExample is a commit the annotators labelled, as the second stage
// learns from it: Kind is one of Kinds.
type GoldExample struct {
	Input
	Kind string
	Repo string
}

// GoldExamples turns labelled records into examples, leaving out those the
// annotators disagreed on and the kinds the second stage does not learn
// (see StackKinds).
func GoldExamples(recs []GoldRecord) []GoldExample {
	var out []GoldExample
	for i := range recs {
		if k := recs[i].Label(); slices.Contains(StackKinds, k) {
			out = append(out, GoldExample{Input: recs[i].Input(), Kind: k, Repo: recs[i].Repo})
		}
	}
	return out
}

// crossFolds is how many groups the corpus's repositories are split into
// to give the second stage what the first stage says of a commit it did
// not learn from (see Build).
const crossFolds = 4

// Build trains the recogniser: the first stage on examples (the corpus:
// authors' types, many repositories), then the second stage on gold (the
// annotators' kinds). The second stage must learn from the first stage's
// answers on commits it has not seen, as the tool meets them, not from
// its answers on its own training data (too sure of themselves): so the
// corpus's repositories are split into crossFolds groups, and the gold
// commits of a repository of a group are read by a first stage trained
// without that group; gold commits of repositories not in the corpus are
// read by the first stage itself. The result depends only on the inputs:
// the same inputs give the same bytes.
func Build(examples []Example, gold []GoldExample, opts TrainOptions) *Model {
	var repos []string
	for _, e := range examples {
		if !slices.Contains(repos, e.Repo) {
			repos = append(repos, e.Repo)
		}
	}
	slices.Sort(repos)
	group := map[string]int{}
	for i, r := range repos {
		group[r] = i % crossFolds
	}
	// The first stage and the crossFolds models without a group, trained
	// in parallel: each is deterministic on its own.
	models := make([]*Model, crossFolds+1)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for g := range models {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			train := examples
			if g < crossFolds {
				train = nil
				for _, e := range examples {
					if group[e.Repo] != g {
						train = append(train, e)
					}
				}
			}
			models[g] = Train(train, opts)
		}()
	}
	wg.Wait()
	first := models[crossFolds]
	stackEx := make([]stackExample, 0, len(gold))
	for _, ge := range gold {
		m := first
		if g, ok := group[ge.Repo]; ok {
			m = models[g]
		}
		stackEx = append(stackEx, stackExample{x: m.stackInput(ge.Input), kind: slices.Index(StackKinds, ge.Kind), weight: kindWeight(opts.Stack, ge.Kind)})
	}
	first.stack = trainStack(stackEx, opts.Stack)
	return first
}

func kindWeight(o StackOptions, k string) float64 {
	if w, ok := o.KindWeight[k]; ok {
		return w
	}
	return 1
}

// stackInput is the second stage's features of in, as m's first stage
// reads it.
func (m *Model) stackInput(in Input) []float64 {
	probs, _, read := m.firstStage(in)
	x := make([]float64, len(stackFeatureNames))
	stackFeatures(in, &read, probs, x)
	return x
}

// BuildFrom reads the corpus and the labelled commits from fsys (the eval
// folder), builds the model with DefaultTrainOptions and returns its file,
// and how many corpus records and labelled commits it learned from. A
// repository named by without is left out of both: a model to score that
// repository with, end to end. It is what the trainer runs, and what the
// test that the committed model is fresh runs again.
func BuildFrom(fsys fs.FS, without string) (data []byte, corpus, labelled int, err error) {
	recs, err := ReadCorpus(fsys)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("reading the corpus: %w", err)
	}
	gold, err := ReadGold(fsys)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("reading the labelled commits: %w", err)
	}
	recs = slices.DeleteFunc(recs, func(r Record) bool { return r.Repo == without })
	gold = slices.DeleteFunc(gold, func(g GoldRecord) bool { return g.Repo == without })
	ge := GoldExamples(gold)
	m := Build(Examples(recs), ge, DefaultTrainOptions)
	data, err = m.MarshalText()
	return data, len(recs), len(ge), err
}
