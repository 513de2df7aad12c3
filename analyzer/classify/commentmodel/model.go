package commentmodel

import (
	"math"
	"sort"
)

// Feature is one named input of a text. Value is usually 1 (present);
// graded features (length) use values in [0, 1].
type Feature struct {
	Name  string
	Value float64
}

// Model is a trained classifier. Weights[k][j] is the weight of feature
// Names[j] for class Classes[k]; Bias[k] is class k's intercept.
// Threshold is the probability at or above which Classes[0] is decided
// (see [Model.Decide]); Classes[0] is the class whose precision matters.
type Model struct {
	Classes   []string
	Names     []string
	Bias      []float64
	Weights   [][]float64
	Threshold float64

	index map[string]int
}

func (m *Model) buildIndex() {
	m.index = make(map[string]int, len(m.Names))
	for j, n := range m.Names {
		m.index[n] = j
	}
}

// Scores are the class logits of x; features the model does not know are
// ignored.
func (m *Model) Scores(x []Feature) []float64 {
	s := make([]float64, len(m.Classes))
	copy(s, m.Bias)
	for _, f := range x {
		j, ok := m.index[f.Name]
		if !ok {
			continue
		}
		for k := range s {
			s[k] += float64(m.Weights[k][j] * f.Value)
		}
	}
	return s
}

// Probabilities are the class probabilities of x, in Classes order.
func (m *Model) Probabilities(x []Feature) []float64 {
	return softmax(m.Scores(x))
}

// Decide returns the class of x: Classes[0] when its probability reaches
// Threshold, otherwise the most probable of the others (the lowest index
// on a tie). It also returns the probabilities.
func (m *Model) Decide(x []Feature) (int, []float64) {
	p := m.Probabilities(x)
	if p[0] >= m.Threshold {
		return 0, p
	}
	best := 1
	for k := 2; k < len(p); k++ {
		if p[k] > p[best] {
			best = k
		}
	}
	return best, p
}

// Likeliest returns the most probable class of x (the lowest index on a
// tie), with the probabilities; Threshold plays no part. It is the
// decision of a model whose classes are all alike.
func (m *Model) Likeliest(x []Feature) (int, []float64) {
	p := m.Probabilities(x)
	best := 0
	for k := 1; k < len(p); k++ {
		if p[k] > p[best] {
			best = k
		}
	}
	return best, p
}

// Contribution is how much one feature moved a text towards a class and
// away from the runner-up: (w[class] - w[against]) * value.
type Contribution struct {
	Name  string
	Value float64
}

// Contributions lists the features of x that favour class over against,
// largest first (then by name), leaving out those that do not.
func (m *Model) Contributions(x []Feature, class, against int) []Contribution {
	var out []Contribution
	for _, f := range x {
		j, ok := m.index[f.Name]
		if !ok {
			continue
		}
		d := float64((m.Weights[class][j] - m.Weights[against][j]) * f.Value)
		if d > 0 {
			out = append(out, Contribution{f.Name, d})
		}
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Value != out[b].Value {
			return out[a].Value > out[b].Value
		}
		return out[a].Name < out[b].Name
	})
	return out
}

// softmax is computed against the largest score so exp never overflows.
func softmax(s []float64) []float64 {
	max := math.Inf(-1)
	for _, v := range s {
		max = math.Max(max, v)
	}
	p := make([]float64, len(s))
	sum := 0.0
	for k, v := range s {
		p[k] = math.Exp(v - max)
		sum += p[k]
	}
	for k := range p {
		p[k] /= sum
	}
	return p
}
