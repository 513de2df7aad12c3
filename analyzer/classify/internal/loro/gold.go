package loro

import (
	"fmt"
	"io"
	"slices"

	"github.com/git-career/git-career/analyzer/classify/commitmodel"
)

// GoldKinds are the guide's kinds, in the order of the tables.
var GoldKinds = commitmodel.Kinds

// Confusion counts, for commits the annotators agreed on, the kind they
// gave against the primary kind the classifier gave, pooled and per
// repository.
type Confusion struct {
	Repos []string
	// Cells[label][predicted] counts commits.
	Cells map[string]map[string]int
	// Right and Total count, per repository, the commits given the
	// agreed kind and all commits scored.
	Right, Total map[string]int
}

// Add scores one commit of repo labelled label that got pred.
func (c *Confusion) Add(repo, label, pred string) {
	if c.Cells == nil {
		c.Cells, c.Right, c.Total = map[string]map[string]int{}, map[string]int{}, map[string]int{}
	}
	if !slices.Contains(c.Repos, repo) {
		c.Repos = append(c.Repos, repo)
		slices.Sort(c.Repos)
	}
	row := c.Cells[label]
	if row == nil {
		row = map[string]int{}
		c.Cells[label] = row
	}
	row[pred]++
	c.Total[repo]++
	if pred == label {
		c.Right[repo]++
	}
}

// Share is the pooled share of commits given the agreed kind.
func (c *Confusion) Share() float64 {
	r, n := 0, 0
	for _, repo := range c.Repos {
		r += c.Right[repo]
		n += c.Total[repo]
	}
	return ratio(r, n)
}

// Kind is the pooled score of one kind: a commit given it is a true
// positive when the annotators gave it too.
func (c *Confusion) Kind(k string) Score {
	var s Score
	for label, row := range c.Cells {
		for pred, n := range row {
			switch {
			case label == k && pred == k:
				s.TP += n
			case pred == k:
				s.FP += n
			case label == k:
				s.FN += n
			}
		}
	}
	return s
}

// OtherShare is the share of commits the classifier called other (the
// annotators gave every scored commit a kind, other included).
func (c *Confusion) OtherShare() float64 {
	o, n := 0, 0
	for _, row := range c.Cells {
		for pred, k := range row {
			n += k
			if pred == "other" {
				o += k
			}
		}
	}
	return ratio(o, n)
}

// Print writes the pooled share, the per-kind precision and recall, the
// confusion table (rows the annotators' kinds, columns the classifier's)
// and every repository's share, every line starting with prefix.
func (c *Confusion) Print(w io.Writer, prefix string) {
	n := 0
	for _, repo := range c.Repos {
		n += c.Total[repo]
	}
	fmt.Fprintf(w, "%s pooled: primary kind right %.3f of %d commits; other %.1f%%\n", prefix, c.Share(), n, 100*c.OtherShare())
	fmt.Fprintf(w, "%s %-13s %5s %9s %6s %6s\n", prefix, "kind", "agreed", "given", "prec", "recall")
	for _, k := range GoldKinds {
		s := c.Kind(k)
		if s.Positives() == 0 && s.FP == 0 {
			continue
		}
		fmt.Fprintf(w, "%s %-13s %5d %9d %6.2f %6.2f\n", prefix, k, s.Positives(), s.TP+s.FP, s.Precision(), s.Recall())
	}
	abbrev := func(k string) string {
		if len(k) > 5 {
			return k[:5]
		}
		return k
	}
	fmt.Fprintf(w, "%s confusion (rows: agreed kind; columns: given)\n%s %-13s", prefix, prefix, "")
	for _, k := range GoldKinds {
		fmt.Fprintf(w, " %5s", abbrev(k))
	}
	fmt.Fprintln(w)
	for _, label := range GoldKinds {
		row := c.Cells[label]
		if len(row) == 0 {
			continue
		}
		fmt.Fprintf(w, "%s %-13s", prefix, label)
		for _, k := range GoldKinds {
			if row[k] == 0 {
				fmt.Fprintf(w, " %5s", ".")
			} else {
				fmt.Fprintf(w, " %5d", row[k])
			}
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%s per repository\n", prefix)
	for _, repo := range c.Repos {
		fmt.Fprintf(w, "%s %-48s %.2f (%d/%d)\n", prefix, repo, ratio(c.Right[repo], c.Total[repo]), c.Right[repo], c.Total[repo])
	}
}

// Gold scores a classifier leave-one-repository-out on the labelled
// commits: for each repository of gold in turn, a model is built
// (commitmodel.Build) from the corpus and the labelled commits of every
// other repository, nothing of the one left out, and classify gives the
// primary kind of each of its labelled commits with that model. Records
// the annotators disagreed on are left out. Every fold gives each of the
// variants (one classify function each: with and without the authors'
// prefixes, say) its own table.
func Gold(corpus []commitmodel.Record, gold []commitmodel.GoldRecord, opts commitmodel.TrainOptions, classify ...func(m *commitmodel.Model, g *commitmodel.GoldRecord) string) []Confusion {
	// Features are computed once, not once a fold.
	examples := commitmodel.Examples(corpus)
	goldEx := commitmodel.GoldExamples(gold)
	var repos []string
	for _, g := range gold {
		if !slices.Contains(repos, g.Repo) {
			repos = append(repos, g.Repo)
		}
	}
	slices.Sort(repos)
	out := make([]Confusion, len(classify))
	// One fold at a time: Build trains its models in parallel already.
	for _, repo := range repos {
		var train []commitmodel.Example
		for _, e := range examples {
			if e.Repo != repo {
				train = append(train, e)
			}
		}
		var labelled []commitmodel.GoldExample
		for _, e := range goldEx {
			if e.Repo != repo {
				labelled = append(labelled, e)
			}
		}
		m := commitmodel.Build(train, labelled, opts)
		for i := range gold {
			g := &gold[i]
			if g.Repo != repo || g.Label() == "" {
				continue
			}
			for v, f := range classify {
				out[v].Add(repo, g.Label(), f(m, g))
			}
		}
	}
	return out
}
