package commentmodel

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sort"
	"sync"
)

// Options are the training settings. The zero value is not useful: start
// from [DefaultOptions].
type Options struct {
	// L2 is the ridge penalty on the weights (not the biases), per
	// example: the loss is the mean cross-entropy plus L2/2 * |w|².
	L2 float64
	// Penalty, when set, scales L2 feature by feature: the caller may
	// trust features that carry a definition more than single words.
	Penalty func(name string) float64
	// Iterations of full-batch Adam, at LearnRate.
	Iterations int
	LearnRate  float64
	// MinDF drops features present in fewer training texts: a word seen in
	// two comments says more about those comments than about reviews.
	MinDF int
	// MinPrecision is the precision of Classes[0] that Threshold must
	// reach on held-out training texts (see [TrainTuned]); InnerFolds is
	// how many folds those come from.
	MinPrecision float64
	InnerFolds   int
	// InnerRepeats is how many times the inner folds are drawn (with the
	// seed, the seed+1, ...): every text is held out once a repeat, and
	// the threshold is chosen on all the held-out probabilities together,
	// so that it depends less on one split. 0 counts as 1.
	InnerRepeats int
	// NaiveBayes, when above 0, adds that many times a naive Bayes
	// model's log-probabilities to the fitted weights (see Train).
	NaiveBayes float64
	// MinPredicted is the fewest held-out texts a threshold must decide
	// as Classes[0] to be trusted: a precision of 1 on three texts is luck.
	MinPredicted int
}

// DefaultOptions are the settings git-career's comment model is built
// with. MinPrecision is 0.88, above the 0.85 a quoted comment must reach,
// because precision measured on held-out comments of the projects a
// model was trained on falls on a project it was not, even when whole
// groups (repositories, files) are held out: by up to 0.03 in issue 19's
// evaluation (trained on one labelled file and scored on the other, or
// scored on GitHub repositories left out), where 0.87 left one direction
// under 0.85.
func DefaultOptions() Options {
	return Options{L2: 0.01, Iterations: 300, LearnRate: 0.05, MinDF: 3,
		MinPrecision: 0.88, InnerFolds: 5, InnerRepeats: 3, MinPredicted: 15}
}

// Train fits a model of classes to texts xs labelled ys (indices into
// classes) with Threshold 0.5. The same inputs give the same model: the
// examples are visited in order, and every product is rounded before it
// is added (float64(a*b)), so no platform fuses them differently.
func Train(classes []string, xs [][]Feature, ys []int, opt Options) (*Model, error) {
	if len(xs) != len(ys) || len(xs) == 0 {
		return nil, fmt.Errorf("train: %d texts and %d labels", len(xs), len(ys))
	}
	for _, y := range ys {
		if y < 0 || y >= len(classes) {
			return nil, fmt.Errorf("train: label %d is not one of %d classes", y, len(classes))
		}
	}
	df := map[string]int{}
	for _, x := range xs {
		seen := map[string]bool{}
		for _, f := range x {
			if !seen[f.Name] {
				seen[f.Name] = true
				df[f.Name]++
			}
		}
	}
	var names []string
	for n, c := range df {
		if c >= opt.MinDF {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	m := &Model{Classes: append([]string(nil), classes...), Names: names, Threshold: 0.5}
	m.buildIndex()

	type entry = struct {
		j int
		v float64
	}
	rows := make([][]entry, len(xs))
	for i, x := range xs {
		sum := map[int]float64{}
		for _, f := range x {
			if j, ok := m.index[f.Name]; ok {
				sum[j] += f.Value
			}
		}
		for j, v := range sum {
			rows[i] = append(rows[i], entry{j, v})
		}
		sort.Slice(rows[i], func(a, b int) bool { return rows[i][a].j < rows[i][b].j })
	}

	K, F, n := len(classes), len(names), float64(len(xs))
	// Parameters: per class, the bias then F weights.
	P := K * (F + 1)
	w := make([]float64, P)
	g := make([]float64, P)
	mom := make([]float64, P)
	vel := make([]float64, P)
	l2 := make([]float64, F)
	for j, name := range names {
		l2[j] = opt.L2
		if opt.Penalty != nil {
			l2[j] = float64(opt.L2 * opt.Penalty(name))
		}
	}
	s := make([]float64, K)
	const beta1, beta2, eps = 0.9, 0.999, 1e-8
	for it := 1; it <= opt.Iterations; it++ {
		for p := range g {
			g[p] = 0
		}
		for i, row := range rows {
			for k := 0; k < K; k++ {
				base := k * (F + 1)
				z := w[base]
				for _, e := range row {
					z += float64(w[base+1+e.j] * e.v)
				}
				s[k] = z
			}
			prob := softmax(s)
			for k := 0; k < K; k++ {
				d := prob[k]
				if k == ys[i] {
					d -= 1
				}
				base := k * (F + 1)
				g[base] += d
				for _, e := range row {
					g[base+1+e.j] += float64(d * e.v)
				}
			}
		}
		c1 := 1 - math.Pow(beta1, float64(it))
		c2 := 1 - math.Pow(beta2, float64(it))
		for p := range w {
			grad := g[p] / n
			if j := p%(F+1) - 1; j >= 0 {
				grad += float64(l2[j] * w[p])
			}
			mom[p] = float64(beta1*mom[p]) + float64((1-beta1)*grad)
			vel[p] = float64(beta2*vel[p]) + float64(float64((1-beta2)*grad)*grad)
			w[p] -= float64(opt.LearnRate*(mom[p]/c1)) / (math.Sqrt(vel[p]/c2) + eps)
		}
	}
	m.Bias = make([]float64, K)
	m.Weights = make([][]float64, K)
	for k := 0; k < K; k++ {
		base := k * (F + 1)
		m.Bias[k] = w[base]
		m.Weights[k] = append([]float64(nil), w[base+1:base+1+F]...)
	}
	if opt.NaiveBayes > 0 {
		addNaiveBayes(m, rows, ys, opt.NaiveBayes)
	}
	return m, nil
}

// addNaiveBayes adds scale times a naive Bayes model's log-probabilities
// to m's weights: for class k, log P(k) to the bias and log P(feature |
// k) (present features only, add-one smoothed over the class's feature
// occurrences) to each weight. Both are linear in the features, so their
// sum is one model of the same form, an ensemble that explains itself
// the same way.
func addNaiveBayes(m *Model, rows [][]struct {
	j int
	v float64
}, ys []int, scale float64) {
	K, F := len(m.Classes), len(m.Names)
	count := make([][]float64, K)
	total := make([]float64, K)
	docs := make([]float64, K)
	for k := range count {
		count[k] = make([]float64, F)
	}
	for i, row := range rows {
		k := ys[i]
		docs[k]++
		for _, e := range row {
			count[k][e.j] += e.v
			total[k] += e.v
		}
	}
	n := float64(len(rows))
	for k := 0; k < K; k++ {
		m.Bias[k] += float64(scale * math.Log((docs[k]+1)/(n+float64(K))))
		for j := 0; j < F; j++ {
			m.Weights[k][j] += float64(scale * math.Log((count[k][j]+1)/(total[k]+float64(F))))
		}
	}
}

// TrainTuned fits a model as [Train] does and sets its Threshold from the
// training texts alone: it fits opt.InnerFolds models, each on all but one
// inner fold (opt.InnerRepeats times over, on folds drawn anew), collects
// the held-out probabilities of Classes[0], and picks
// the threshold with the best recall whose precision reaches
// opt.MinPrecision (see [SelectThreshold]). The texts a caller scores the
// result on must not be among xs.
func TrainTuned(classes []string, xs [][]Feature, ys []int, opt Options, seed uint64) (*Model, error) {
	m, _, err := TrainSelected(classes, xs, ys, []Options{opt}, seed)
	return m, err
}

// TrainSelected is [TrainTuned] over candidate settings: each is scored on
// the same inner folds of xs, by how many texts of Classes[0] its
// threshold keeps while the held-out precision reaches its MinPrecision
// (then by that precision; ties go to the earlier candidate), and the
// best is fitted on all of xs with its threshold. It returns the model and
// the index of the candidate chosen. Nothing outside xs is looked at, so
// a caller scoring on other texts may report the choice as part of the
// training.
func TrainSelected(classes []string, xs [][]Feature, ys []int, cands []Options, seed uint64) (*Model, int, error) {
	return TrainSelectedHeldOut(classes, xs, ys, cands, seed, HeldOut{})
}

// HeldOut says how [TrainSelectedHeldOut] holds training texts out to
// choose a setting and a threshold.
type HeldOut struct {
	// Groups, when not nil, names the group of each text (a repository,
	// a file): the inner folds then hold out whole groups (see
	// [GroupFolds]), so that the threshold is chosen on texts of groups
	// the fitted model never saw, as the texts it will decide in use
	// are. Texts of one group share a writer's habits and a project's
	// words, and a threshold chosen on texts whose group was also in the
	// training part promises a precision that a new group does not get.
	Groups []string
	// Decided, when not nil, marks the texts that are decided Classes[0]
	// whatever the model says (a rule decides them): they count as
	// decided at every threshold, so that the threshold is chosen for the
	// precision of all the decisions together, rule and model.
	Decided []bool
}

// TrainSelectedHeldOut is [TrainSelected] with the inner folds and the
// threshold's count set by h.
func TrainSelectedHeldOut(classes []string, xs [][]Feature, ys []int, cands []Options, seed uint64, h HeldOut) (*Model, int, error) {
	if len(cands) == 0 {
		return nil, 0, fmt.Errorf("train: no candidate options")
	}
	if h.Groups != nil && len(h.Groups) != len(xs) || h.Decided != nil && len(h.Decided) != len(xs) {
		return nil, 0, fmt.Errorf("train: %d texts, %d groups, %d decided", len(xs), len(h.Groups), len(h.Decided))
	}
	pos := make([]bool, len(ys))
	for i, y := range ys {
		pos[i] = y == 0
	}
	decided := h.Decided
	if decided == nil {
		decided = make([]bool, len(xs))
	}
	// Every candidate's held-out probabilities, repeat by repeat, fitted
	// in parallel: each fit depends only on its own inputs, so the result
	// is the same however the fits are scheduled.
	type job struct{ cand, repeat int }
	var jobs []job
	for c, opt := range cands {
		for r := 0; r < max(opt.InnerRepeats, 1); r++ {
			jobs = append(jobs, job{c, r})
		}
	}
	held := make([][]float64, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, j := range jobs {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int, j job) {
			defer wg.Done()
			defer func() { <-sem }()
			held[i], errs[i] = heldOut(classes, xs, ys, h.Groups, cands[j.cand], seed+uint64(j.repeat))
		}(i, j)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, 0, err
		}
	}
	best, bestOK, bestTP, bestPrec, bestT := -1, false, -1, -1.0, 0.0
	for c, opt := range cands {
		var all []float64
		var hpos, hdec []bool
		repeats := max(opt.InnerRepeats, 1)
		for i, j := range jobs {
			if j.cand == c {
				all, hpos, hdec = append(all, held[i]...), append(hpos, pos...), append(hdec, decided...)
			}
		}
		t := SelectThresholdDecided(all, hpos, hdec, opt.MinPrecision, opt.MinPredicted*repeats)
		tp, fp := 0, 0
		for i, p := range all {
			if p >= t || hdec[i] {
				if hpos[i] {
					tp++
				} else {
					fp++
				}
			}
		}
		prec := 0.0
		if tp+fp > 0 {
			prec = float64(tp) / float64(tp+fp)
		}
		ok := prec >= opt.MinPrecision && tp+fp >= opt.MinPredicted*repeats
		better := best < 0 || ok && !bestOK ||
			ok == bestOK && (tp > bestTP || tp == bestTP && prec > bestPrec)
		if better {
			best, bestOK, bestTP, bestPrec, bestT = c, ok, tp, prec, t
		}
	}
	m, err := Train(classes, xs, ys, cands[best])
	if err != nil {
		return nil, 0, err
	}
	m.Threshold = bestT
	return m, best, nil
}

// heldOut is the probability of Classes[0] of every text of xs, each from
// a model fitted on the inner folds it is not in.
func heldOut(classes []string, xs [][]Feature, ys []int, groups []string, opt Options, seed uint64) ([]float64, error) {
	folds := Folds(ys, opt.InnerFolds, seed)
	if groups != nil {
		folds = GroupFolds(groups, opt.InnerFolds, seed)
	}
	held := make([]float64, len(xs))
	for f := 0; f < opt.InnerFolds; f++ {
		var txs [][]Feature
		var tys []int
		for i := range xs {
			if folds[i] != f {
				txs, tys = append(txs, xs[i]), append(tys, ys[i])
			}
		}
		m, err := Train(classes, txs, tys, opt)
		if err != nil {
			return nil, err
		}
		for i := range xs {
			if folds[i] == f {
				held[i] = m.Probabilities(xs[i])[0]
			}
		}
	}
	return held, nil
}

// thresholdGrid are the thresholds SelectThreshold tries: 0.05 to 0.95
// in steps of 0.01, then on in steps of a quarter of the log-odds up to
// log-odds 16 (1 - 1e-7), each kept to two significant digits of its
// distance from 1; a model with naive Bayes added puts many texts above
// 0.95, and the grid must still tell them apart.
var thresholdGrid = func() []float64 {
	var g []float64
	for c := 5; c <= 95; c++ {
		g = append(g, float64(c)/100)
	}
	for z := 3.0; z <= 16; z += 0.25 {
		// 1 - t to 2 significant digits: 0.99, 0.9993, 0.999999...
		q := 1 / (1 + math.Exp(z))
		e := math.Pow(10, math.Floor(math.Log10(q))-1)
		t := 1 - math.Round(q/e)*e
		if t > g[len(g)-1] {
			g = append(g, t)
		}
	}
	return g
}()

// SelectThreshold returns, among thresholdGrid, the threshold at which the
// most positives have a probability at or above it while the precision
// there is at least minPrecision and at least minPredicted texts are
// decided positive; ties go to the higher threshold. When no threshold
// qualifies it returns the one of best precision (then recall), so the
// model errs towards saying less.
func SelectThreshold(prob []float64, pos []bool, minPrecision float64, minPredicted int) float64 {
	return SelectThresholdDecided(prob, pos, nil, minPrecision, minPredicted)
}

// SelectThresholdDecided is [SelectThreshold] where the texts marked in
// decided (nil for none) count as decided positive at every threshold.
func SelectThresholdDecided(prob []float64, pos, decided []bool, minPrecision float64, minPredicted int) float64 {
	best, bestTP := -1, -1
	fallback, fbPrec, fbTP := len(thresholdGrid)-1, -1.0, -1
	for c, t := range thresholdGrid {
		tp, fp := 0, 0
		for i, p := range prob {
			if p >= t || decided != nil && decided[i] {
				if pos[i] {
					tp++
				} else {
					fp++
				}
			}
		}
		if tp+fp < minPredicted || tp+fp == 0 {
			continue
		}
		prec := float64(tp) / float64(tp+fp)
		if prec >= minPrecision && tp >= bestTP {
			best, bestTP = c, tp
		}
		if prec > fbPrec || prec == fbPrec && tp >= fbTP {
			fallback, fbPrec, fbTP = c, prec, tp
		}
	}
	if best < 0 {
		best = fallback
	}
	return thresholdGrid[best]
}

// Folds assigns each of the labelled texts ys to one of k folds, class by
// class so every fold has about the same mix: each class's texts are
// shuffled with a PCG seeded by seed, then dealt out in turn.
func Folds(ys []int, k int, seed uint64) []int {
	byClass := map[int][]int{}
	var classes []int
	for i, y := range ys {
		if byClass[y] == nil {
			classes = append(classes, y)
		}
		byClass[y] = append(byClass[y], i)
	}
	sort.Ints(classes)
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	out := make([]int, len(ys))
	next := 0
	for _, c := range classes {
		idx := byClass[c]
		r.Shuffle(len(idx), func(a, b int) { idx[a], idx[b] = idx[b], idx[a] })
		for _, i := range idx {
			out[i] = next % k
			next++
		}
	}
	return out
}

// GroupFolds assigns each text to one of k folds by its group, so that
// the texts of a group are all in one fold: the groups, in order of
// name, are shuffled with a PCG seeded by seed, then each is dealt to
// the fold with the fewest texts so far (the lowest on a tie).
func GroupFolds(groups []string, k int, seed uint64) []int {
	size := map[string]int{}
	var names []string
	for _, g := range groups {
		if size[g] == 0 {
			names = append(names, g)
		}
		size[g]++
	}
	sort.Strings(names)
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	r.Shuffle(len(names), func(a, b int) { names[a], names[b] = names[b], names[a] })
	load := make([]int, k)
	fold := map[string]int{}
	for _, g := range names {
		best := 0
		for f := 1; f < k; f++ {
			if load[f] < load[best] {
				best = f
			}
		}
		fold[g] = best
		load[best] += size[g]
	}
	out := make([]int, len(groups))
	for i, g := range groups {
		out[i] = fold[g]
	}
	return out
}
