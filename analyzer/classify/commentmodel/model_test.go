package commentmodel

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"testing"
)

// toy is a three-class problem a linear model separates: each class has
// its own word, and "shared" appears everywhere.
func toy() ([]string, [][]Feature, []int) {
	classes := []string{"a", "b", "c"}
	var xs [][]Feature
	var ys []int
	for i := 0; i < 60; i++ {
		k := i % 3
		xs = append(xs, []Feature{{"w:" + classes[k], 1}, {"w:shared", 1}, {fmt.Sprintf("w:rare%d", i), 1}})
		ys = append(ys, k)
	}
	return classes, xs, ys
}

func TestTrainSeparates(t *testing.T) {
	classes, xs, ys := toy()
	m, err := Train(classes, xs, ys, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for k, c := range classes {
		p := m.Probabilities([]Feature{{"w:" + c, 1}})
		for j := range p {
			if j != k && p[j] >= p[k] {
				t.Errorf("class %s: probabilities %v, want %s most probable", c, p, c)
			}
		}
	}
	// MinDF 3 drops the words seen once.
	for _, n := range m.Names {
		if n != "w:a" && n != "w:b" && n != "w:c" && n != "w:shared" {
			t.Errorf("feature %q kept, want it dropped (document frequency 1)", n)
		}
	}
	got := m.Contributions([]Feature{{"w:b", 1}, {"w:shared", 1}}, 1, 0)
	if len(got) == 0 || got[0].Name != "w:b" {
		t.Errorf("contributions to b over a = %v, want w:b first", got)
	}
}

func TestDecideAndLikeliest(t *testing.T) {
	// Class a is likeliest at 0.5; a threshold of 0.6 on it passes the
	// decision to the likeliest of the others.
	m := &Model{Classes: []string{"a", "b", "c"}, Names: nil, Bias: []float64{math.Log(5), math.Log(3), math.Log(2)}, Weights: [][]float64{nil, nil, nil}, Threshold: 0.6}
	m.buildIndex()
	if k, _ := m.Likeliest(nil); k != 0 {
		t.Errorf("Likeliest = %d, want 0", k)
	}
	if k, _ := m.Decide(nil); k != 1 {
		t.Errorf("Decide at threshold 0.6 = %d, want 1", k)
	}
	m.Threshold = 0.45
	if k, _ := m.Decide(nil); k != 0 {
		t.Errorf("Decide at threshold 0.45 = %d, want 0", k)
	}
}

func TestTrainDeterministicAndRoundTrips(t *testing.T) {
	classes, xs, ys := toy()
	m1, err := TrainTuned(classes, xs, ys, DefaultOptions(), 1)
	if err != nil {
		t.Fatal(err)
	}
	m2, err := TrainTuned(classes, xs, ys, DefaultOptions(), 1)
	if err != nil {
		t.Fatal(err)
	}
	b1, b2 := m1.Marshal("header"), m2.Marshal("header")
	if !bytes.Equal(b1, b2) {
		t.Fatalf("two trainings differ:\n%s\n---\n%s", b1, b2)
	}
	p, err := Parse(b1)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Marshal("header"); !bytes.Equal(got, b1) {
		t.Errorf("Parse then Marshal changed the file:\n%s\n---\n%s", got, b1)
	}
	x := []Feature{{"w:c", 1}, {"w:shared", 1}}
	a, b := m1.Probabilities(x), p.Probabilities(x)
	for k := range a {
		if math.Abs(a[k]-b[k]) > 1e-3 {
			t.Errorf("class %d: %v trained, %v parsed", k, a[k], b[k])
		}
	}
}

func TestTrainSelected(t *testing.T) {
	classes, xs, ys := toy()
	flat := DefaultOptions()
	flat.L2 = 100 // so strong that no weight can grow: class a is never told apart
	good := DefaultOptions()
	good.MinPredicted = 5
	flat.MinPredicted = 5
	m, chosen, err := TrainSelected(classes, xs, ys, []Options{flat, good}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if chosen != 1 {
		t.Errorf("chose candidate %d, want 1 (the one that separates the classes)", chosen)
	}
	again, _, err := TrainSelected(classes, xs, ys, []Options{flat, good}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(m.Marshal(), again.Marshal()) {
		t.Error("two selections differ")
	}
	if _, _, err := TrainSelected(classes, xs, ys, nil, 1); err == nil {
		t.Error("no candidates: want an error")
	}
}

func TestNaiveBayesAdded(t *testing.T) {
	classes, xs, ys := toy()
	opt := DefaultOptions()
	opt.L2 = 100 // the regression learns nearly nothing on its own
	flat, err := Train(classes, xs, ys, opt)
	if err != nil {
		t.Fatal(err)
	}
	opt.NaiveBayes = 1
	nb, err := Train(classes, xs, ys, opt)
	if err != nil {
		t.Fatal(err)
	}
	for k, c := range classes {
		x := []Feature{{"w:" + c, 1}, {"w:shared", 1}}
		if p := flat.Probabilities(x); p[k] > 0.5 {
			t.Fatalf("class %s: the flat regression alone gives %v; the test needs it unsure", c, p)
		}
		if p := nb.Probabilities(x); p[k] < 0.8 {
			t.Errorf("class %s with naive Bayes: probabilities %v, want %s above 0.8", c, p, c)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{
		"",
		"threshold\t0.5\n",
		"classes\ta\tb\nbias\t0\n",
		"classes\ta\tb\nbias\t0\tx\n",
		"classes\ta\tb\nthreshold\t0.5\tx\nbias\t0\t0\n",
	} {
		if _, err := Parse([]byte(in)); err == nil {
			t.Errorf("Parse(%q) succeeded, want an error", in)
		}
	}
}

func TestSelectThreshold(t *testing.T) {
	// Ten positives at 0.9, two negatives at 0.7, five positives at 0.6,
	// five negatives at 0.3.
	var prob []float64
	var pos []bool
	add := func(n int, p float64, y bool) {
		for i := 0; i < n; i++ {
			prob, pos = append(prob, p), append(pos, y)
		}
	}
	add(10, 0.9, true)
	add(2, 0.7, false)
	add(5, 0.6, true)
	add(5, 0.3, false)
	tests := []struct {
		minPrec float64
		minPred int
		want    float64
	}{
		{0.85, 1, 0.60},  // 15/17 = 0.88 at 0.6 keeps every positive
		{0.90, 1, 0.90},  // above 0.7 it is 10/10; ties go to the higher threshold
		{0.90, 11, 0.60}, // too few predicted above 0.7: best precision left
	}
	for _, tt := range tests {
		if got := SelectThreshold(prob, pos, tt.minPrec, tt.minPred); got != tt.want {
			t.Errorf("SelectThreshold(min precision %.2f, min predicted %d) = %.2f, want %.2f", tt.minPrec, tt.minPred, got, tt.want)
		}
	}
}

func TestFoldsStratified(t *testing.T) {
	ys := make([]int, 100)
	for i := range ys {
		if i < 30 {
			ys[i] = 1
		}
	}
	f := Folds(ys, 10, 7)
	if !reflect.DeepEqual(f, Folds(ys, 10, 7)) {
		t.Fatal("the same seed gave different folds")
	}
	per := make([][2]int, 10)
	for i, k := range f {
		per[k][ys[i]]++
	}
	for k, n := range per {
		if n[0] != 7 || n[1] != 3 {
			t.Errorf("fold %d: %d of class 0 and %d of class 1, want 7 and 3", k, n[0], n[1])
		}
	}
}

// A text a rule decides counts as decided at every threshold: one
// negative decided by a rule takes the precision at 0.6 under 0.85, so
// the threshold rises above the two negatives at 0.7.
func TestSelectThresholdDecided(t *testing.T) {
	var prob []float64
	var pos []bool
	add := func(n int, p float64, y bool) {
		for i := 0; i < n; i++ {
			prob, pos = append(prob, p), append(pos, y)
		}
	}
	add(10, 0.9, true)
	add(2, 0.7, false)
	add(5, 0.6, true)
	add(5, 0.3, false)
	decided := make([]bool, len(prob))
	if got := SelectThresholdDecided(prob, pos, decided, 0.85, 1); got != 0.60 {
		t.Errorf("nothing decided: threshold %.2f, want 0.60 (15/17)", got)
	}
	decided[len(prob)-1] = true // a negative at 0.3
	if got := SelectThresholdDecided(prob, pos, decided, 0.85, 1); got != 0.90 {
		t.Errorf("one negative decided: threshold %.2f, want 0.90 (15/18 at 0.6 is under 0.85, 10/11 above 0.7)", got)
	}
}

func TestGroupFolds(t *testing.T) {
	var groups []string
	for _, g := range []struct {
		name string
		n    int
	}{{"a", 5}, {"b", 3}, {"c", 3}, {"d", 1}, {"e", 1}, {"f", 2}} {
		for i := 0; i < g.n; i++ {
			groups = append(groups, g.name)
		}
	}
	f := GroupFolds(groups, 3, 4)
	if !reflect.DeepEqual(f, GroupFolds(groups, 3, 4)) {
		t.Fatal("the same seed gave different folds")
	}
	fold := map[string]int{}
	size := make([]int, 3)
	for i, g := range groups {
		if k, ok := fold[g]; ok && k != f[i] {
			t.Errorf("group %s is in folds %d and %d", g, k, f[i])
		}
		fold[g] = f[i]
		size[f[i]]++
	}
	for k, n := range size {
		if n == 0 {
			t.Errorf("fold %d is empty: sizes %v", k, size)
		}
	}
}
