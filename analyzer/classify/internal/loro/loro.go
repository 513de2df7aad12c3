// Package loro scores commit classification leave-one-repository-out on
// the labelled corpus: for each repository in turn, a model is trained on
// all the others and the classifier is scored on the one left out. It is
// used by the eval tests only; it never reads files itself.
package loro

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/git-career/git-career/analyzer/classify/commitmodel"
)

// Kinds are the categories scored, in the order of the table.
var Kinds = []string{"docs", "testing", "automation", "fix", "feature", "performance", "refactor"}

// positives are the authors' types that are a positive for each kind:
// the types the tool's prefix table files under that category. Every
// other type is a negative, except the types in neither.
var positives = map[string][]string{
	"docs":        {"docs", "doc"},
	"testing":     {"test", "tests"},
	"automation":  {"ci", "workflow"},
	"fix":         {"fix", "bugfix", "hotfix"},
	"feature":     {"feat", "feature", "dx"},
	"performance": {"perf"},
	"refactor":    {"refactor", "reafctor", "polish", "nit", "improve", "types"},
}

// neither: the tool files build and release work under automation (now
// release under its own category) and style under refactor, and a chore
// can be anything, so these types count for neither side of those kinds.
var neither = map[string][]string{
	"automation": {"build", "release", "chore"},
	"refactor":   {"style", "chore"},
}

// Truth says whether a commit of type label is a positive for kind, and
// whether it counts at all.
func Truth(kind, label string) (positive, counted bool) {
	label = strings.ToLower(label)
	if slices.Contains(neither[kind], label) {
		return false, false
	}
	return slices.Contains(positives[kind], label), true
}

// Typed are the types whose commits must get a category: the uncategorised
// share is measured on them.
var Typed = []string{"feat", "fix", "docs", "test", "perf", "refactor", "ci"}

// Score counts predictions against labels.
type Score struct{ TP, FP, FN int }

func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }
func (s Score) Recall() float64    { return ratio(s.TP, s.TP+s.FN) }
func (s Score) Positives() int     { return s.TP + s.FN }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Table is the per-repository and pooled score.
type Table struct {
	Repos        []string
	Cells        map[string]map[string]*Score // repo → kind → score
	Typed, Uncat map[string]int               // per repo: typed commits, and those without a category
}

// Add scores one commit of repo labelled label that got cats.
func (t *Table) Add(repo, label string, cats []string) {
	if t.Cells == nil {
		t.Cells, t.Typed, t.Uncat = map[string]map[string]*Score{}, map[string]int{}, map[string]int{}
	}
	row := t.Cells[repo]
	if row == nil {
		row = map[string]*Score{}
		for _, k := range Kinds {
			row[k] = &Score{}
		}
		t.Cells[repo] = row
		t.Repos = append(t.Repos, repo)
	}
	for _, k := range Kinds {
		pos, counted := Truth(k, label)
		if !counted {
			continue
		}
		pred := slices.Contains(cats, k)
		s := row[k]
		switch {
		case pred && pos:
			s.TP++
		case pred:
			s.FP++
		case pos:
			s.FN++
		}
	}
	if slices.Contains(Typed, strings.ToLower(label)) {
		t.Typed[repo]++
		if len(cats) == 0 || cats[0] == "other" {
			t.Uncat[repo]++
		}
	}
}

// Pooled sums every repository's counts for kind.
func (t *Table) Pooled(kind string) Score {
	var s Score
	for _, r := range t.Repos {
		c := t.Cells[r][kind]
		s.TP += c.TP
		s.FP += c.FP
		s.FN += c.FN
	}
	return s
}

// Uncategorised is the pooled share of typed commits without a category
// (or whose kind is other).
func (t *Table) Uncategorised() float64 {
	n, u := 0, 0
	for _, r := range t.Repos {
		n += t.Typed[r]
		u += t.Uncat[r]
	}
	return ratio(u, n)
}

// Print writes the table, one line a repository and the pooled line last,
// every line starting with prefix so that CI can pick them out. A cell is
// precision/recall; "-" when the repository has no positives of a kind.
func (t *Table) Print(w io.Writer, prefix string) {
	fmt.Fprintf(w, "%s %-48s", prefix, "repository")
	for _, k := range Kinds {
		fmt.Fprintf(w, " %11s", k)
	}
	fmt.Fprintf(w, " %7s\n", "uncat")
	line := func(name string, get func(string) Score, uncat float64) {
		fmt.Fprintf(w, "%s %-48s", prefix, name)
		for _, k := range Kinds {
			s := get(k)
			if s.Positives() == 0 && s.FP == 0 {
				fmt.Fprintf(w, " %11s", "-")
				continue
			}
			fmt.Fprintf(w, "   %.2f/%.2f", s.Precision(), s.Recall())
		}
		fmt.Fprintf(w, " %6.1f%%\n", 100*uncat)
	}
	repos := slices.Clone(t.Repos)
	slices.Sort(repos)
	for _, r := range repos {
		line(r, func(k string) Score { return *t.Cells[r][k] }, ratio(t.Uncat[r], t.Typed[r]))
	}
	line("pooled", t.Pooled, t.Uncategorised())
}

// Fold is one repository held out: the records to train on (every other
// repository) and the records to score.
type Fold struct {
	Repo        string
	Train, Test []commitmodel.Record
}

// Folds splits recs by repository, in the order repositories first appear.
func Folds(recs []commitmodel.Record) []Fold {
	var repos []string
	by := map[string][]commitmodel.Record{}
	for _, r := range recs {
		if _, ok := by[r.Repo]; !ok {
			repos = append(repos, r.Repo)
		}
		by[r.Repo] = append(by[r.Repo], r)
	}
	folds := make([]Fold, len(repos))
	for i, repo := range repos {
		folds[i] = Fold{Repo: repo, Test: by[repo]}
		for _, other := range repos {
			if other != repo {
				folds[i].Train = append(folds[i].Train, by[other]...)
			}
		}
	}
	return folds
}

// Run builds a model per fold (commitmodel.Build: the first stage on the
// other repositories' records, the second on the labelled commits of
// gold, those of the held-out repository left out), with opts, and calls
// score for every held-out record with that fold's model; the calls of
// one fold run in order, and it returns the table.
func Run(recs []commitmodel.Record, gold []commitmodel.GoldRecord, opts commitmodel.TrainOptions, score func(m *commitmodel.Model, r *commitmodel.Record) []string) Table {
	folds := Folds(recs)
	// Features are computed once, not once a fold.
	all := commitmodel.Examples(recs)
	goldEx := commitmodel.GoldExamples(gold)
	results := make([][][]string, len(folds))
	// One fold at a time: Build trains its models in parallel already.
	for i := range folds {
		f := &folds[i]
		var train []commitmodel.Example
		for _, e := range all {
			if e.Repo != f.Repo {
				train = append(train, e)
			}
		}
		var labelled []commitmodel.GoldExample
		for _, e := range goldEx {
			if e.Repo != f.Repo {
				labelled = append(labelled, e)
			}
		}
		m := commitmodel.Build(train, labelled, opts)
		out := make([][]string, len(f.Test))
		for j := range f.Test {
			out[j] = score(m, &f.Test[j])
		}
		results[i] = out
	}
	var t Table
	for i, f := range folds {
		for j := range f.Test {
			t.Add(f.Repo, f.Test[j].Label, results[i][j])
		}
	}
	return t
}
