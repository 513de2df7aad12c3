package commitmodel

import (
	"math"
	"slices"
)

// Example is one labelled input: Class is one of Classes, Repo the
// repository it comes from (features must be seen in several).
type Example struct {
	Input
	Class string
	Repo  string
	// featureNames are featureNames(Input), when already computed (Examples
	// does); nil makes Train compute them.
	featureNames []string
}

// TrainOptions are the training settings. The zero value is not useful;
// start from DefaultTrainOptions.
type TrainOptions struct {
	Epochs int
	Rate   float64 // AdaGrad's base learning rate
	L2     float64 // weight decay per update, scaled by the rate
	// MinRepos drops features seen in fewer repositories: a word only one
	// team uses (a package name) teaches nothing about the next team.
	MinRepos int
	MinCount int // and features seen in fewer examples
	Seed     uint64
	// ClassWeight scales the examples of a class (1 when absent).
	ClassWeight map[string]float64
	// Stack are the second stage's settings (see Build).
	Stack StackOptions
}

// DefaultTrainOptions are the settings the shipped model is trained with,
// chosen by the leave-one-repository-out table (TestEvalCommitsLORO in
// analyzer/classify): a small rate and few epochs regularise more than
// L2 does, and generalise better to an unseen repository. Chores weigh
// half (a chore can be anything: the model should call a commit one only
// when nothing else is likely; at full weight it swallowed a third of the
// CI commits), fixes a little less than one (the commonest type, it drew
// too much), and the rarer kinds more.
var DefaultTrainOptions = TrainOptions{Epochs: 4, Rate: 0.03, L2: 1e-5, MinRepos: 3, MinCount: 3, Seed: 1,
	ClassWeight: map[string]float64{"chore": 0.5, "fix": 0.8, "perf": 2, "ci": 1.5, "refactor": 1.3},
	Stack:       StackOptions{Iterations: 600, Rate: 0.5, L2: 1e-3}}

// Train fits a model to examples. The result depends only on the examples,
// their order and opts: the same inputs give the same bytes.
func Train(examples []Example, opts TrainOptions) *Model {
	classIdx := map[string]int{}
	for i, c := range Classes {
		classIdx[c] = i
	}
	k := len(Classes)

	// Features of every example, and in how many repositories and
	// examples each appears.
	feats := make([][]string, len(examples))
	repos := map[string]map[string]bool{}
	count := map[string]int{}
	for i := range examples {
		feats[i] = examples[i].featureNames
		if feats[i] == nil {
			feats[i] = featureNames(examples[i].Input)
		}
		for _, f := range feats[i] {
			count[f]++
			rs := repos[f]
			if rs == nil {
				rs = map[string]bool{}
				repos[f] = rs
			}
			rs[examples[i].Repo] = true
		}
	}
	var names []string
	for f, n := range count {
		if n >= opts.MinCount && len(repos[f]) >= opts.MinRepos {
			names = append(names, f)
		}
	}
	slices.Sort(names)
	index := make(map[string]int, len(names))
	for i, f := range names {
		index[f] = i
	}

	// Each repository weighs the same in total, whatever its size, so that
	// one big repository's habits do not become the model's; within a
	// repository, examples weigh the same.
	perRepo := map[string]int{}
	for _, e := range examples {
		perRepo[e.Repo]++
	}
	type row struct {
		feats  []int
		class  int
		weight float64
	}
	rows := make([]row, 0, len(examples))
	meanSize := float64(len(examples)) / float64(len(perRepo))
	for i, e := range examples {
		c, ok := classIdx[e.Class]
		if !ok {
			continue
		}
		cw, ok := opts.ClassWeight[e.Class]
		if !ok {
			cw = 1
		}
		r := row{class: c, weight: cw * math.Sqrt(meanSize/float64(perRepo[e.Repo]))}
		for _, f := range feats[i] {
			if j, ok := index[f]; ok {
				r.feats = append(r.feats, j)
			}
		}
		rows = append(rows, r)
	}

	w := make([]float64, len(names)*k)
	// AdaGrad, with one sum of squared gradients per feature rather than
	// per weight: a twelfth of the square roots, and training takes seconds.
	g2 := make([]float64, len(names))
	bias := make([]float64, k)
	bg2 := make([]float64, k)
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	rng := splitmix{opts.Seed}
	scores := make([]float64, k)
	grad := make([]float64, k)
	// The explicit float64 conversions below keep the compiler from fusing
	// a multiply and an add (it may on arm64), so that training gives the
	// same weights on every machine.
	for epoch := 0; epoch < opts.Epochs; epoch++ {
		rng.shuffle(order)
		for _, i := range order {
			r := &rows[i]
			copy(scores, bias)
			for _, j := range r.feats {
				row := w[j*k : j*k+k]
				for c := range scores {
					scores[c] += row[c]
				}
			}
			p := softmax(scores)
			for c := range grad {
				grad[c] = p[c] * r.weight
			}
			grad[r.class] -= r.weight
			for c := range bias {
				bg2[c] += float64(grad[c] * grad[c])
				bias[c] -= opts.Rate * grad[c] / math.Sqrt(bg2[c]+1e-8)
			}
			sq := 0.0
			for _, g := range grad {
				sq += float64(g * g)
			}
			for _, j := range r.feats {
				g2[j] += sq / float64(k)
				step := opts.Rate / math.Sqrt(g2[j]+1e-8)
				row := w[j*k : j*k+k]
				for c := range row {
					row[c] -= float64(step * (grad[c] + opts.L2*row[c]/opts.Rate))
				}
			}
		}
	}
	hashed := make(map[uint64]int, len(names))
	for i, f := range names {
		hashed[hashName(f)] = i
	}
	return &Model{classes: slices.Clone(Classes), bias: bias, index: hashed, names: names, w: w}
}

// splitmix is SplitMix64: a tiny generator whose sequence is fixed by its
// seed on every platform and Go version, unlike math/rand's.
type splitmix struct{ s uint64 }

func (r *splitmix) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func (r *splitmix) shuffle(a []int) {
	for i := len(a) - 1; i > 0; i-- {
		j := int(r.next() % uint64(i+1))
		a[i], a[j] = a[j], a[i]
	}
}
