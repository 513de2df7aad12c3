package commitmodel

import (
	"math"
	"slices"
)

// Targets are the precision and recall a class is calibrated towards (see
// TrainOptions.Calibrate).
type Targets struct{ Precision, Recall float64 }

// calibrationFolds is how many groups of repositories the training data
// is split into to calibrate: each group is predicted by a model trained
// on the others, so that the minimum probabilities are chosen on
// repositories the model has not seen, as the tool meets them.
const calibrationFolds = 4

// minPGrid are the minimum probabilities tried, in thousandths.
var minPGrid = func() []int {
	var g []int
	for p := 200; p <= 800; p += 25 {
		g = append(g, p)
	}
	return g
}()

// calibrate chooses, for each class of targets, the least probability at
// which the model's first choice is shown: the one whose precision and
// recall on held-out groups of repositories come nearest their targets
// (it maximises the smaller of precision/target and recall/target, the
// lower probability on a tie). Only the repositories of examples are used.
func calibrate(examples []Example, opts TrainOptions) map[string]float64 {
	var repos []string
	for _, e := range examples {
		if !slices.Contains(repos, e.Repo) {
			repos = append(repos, e.Repo)
		}
	}
	slices.Sort(repos)
	if len(repos) < 2 {
		return nil
	}
	group := map[string]int{}
	for i, r := range repos {
		group[r] = i % calibrationFolds
	}
	inner := opts
	inner.Calibrate = nil
	type guess struct {
		class, truth string
		p            float64
	}
	var guesses []guess
	for g := 0; g < calibrationFolds; g++ {
		var train, test []Example
		for _, e := range examples {
			if group[e.Repo] == g {
				test = append(test, e)
			} else {
				train = append(train, e)
			}
		}
		if len(test) == 0 {
			continue
		}
		m := Train(train, inner)
		for _, e := range test {
			in := e.Input
			in.Kinds = nil
			p := m.Predict(in)
			guesses = append(guesses, guess{p.Class, e.Class, p.P})
		}
	}
	out := map[string]float64{}
	classes := make([]string, 0, len(opts.Calibrate))
	for c := range opts.Calibrate {
		classes = append(classes, c)
	}
	slices.Sort(classes)
	for _, c := range classes {
		t := opts.Calibrate[c]
		best, bestScore := minPGrid[0], -1.0
		for _, th := range minPGrid {
			tp, fp, fn := 0, 0, 0
			for _, g := range guesses {
				pred := g.class == c && g.p*1000 >= float64(th)
				switch {
				case pred && g.truth == c:
					tp++
				case pred:
					fp++
				case g.truth == c:
					fn++
				}
			}
			if tp == 0 {
				continue
			}
			prec, rec := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
			score := math.Min(prec/t.Precision, rec/t.Recall)
			if score > bestScore {
				best, bestScore = th, score
			}
		}
		out[c] = float64(best) / 1000
	}
	return out
}
