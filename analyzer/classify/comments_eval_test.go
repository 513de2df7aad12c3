package classify

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/git-career/git-career/analyzer/classify/commentmodel"
)

var update = flag.Bool("update", false, "rewrite comment_teaches.tsv and comment_kind.tsv from the labelled comments")

// The two labelled files of review comments (../shared/eval/README.md):
// Nova's, on Gerrit, and GitHub pull requests of about thirty projects,
// lower-cased by the makers of their dataset. Both were labelled with the
// guide review-comment-kinds.md by two annotators; a null kind is a
// disagreement and is left out.
const (
	novaCommentsFile   = "review-comments-kinds.jsonl"
	githubCommentsFile = "review-comments-github.jsonl"
)

const (
	// evalSeed fixes the folds of the evaluation and the inner folds that
	// choose the settings and the threshold.
	evalSeed = 9
	evalFold = 10
)

// commentSet is one labelled file: the agreed comments and their kinds
// (indices into commentClasses).
type commentSet struct {
	name   string
	bodies []string
	ys     []int
	repos  []string // the GitHub repository of each comment, "" for Nova's
	// groups name where each comment comes from, the unit the inner folds
	// hold out whole: a GitHub repository, a file of Nova.
	groups []string
}

// pick is the comments of s that keep says to keep.
func (s commentSet) pick(keep func(i int) bool) commentSet {
	out := commentSet{name: s.name}
	for i := range s.bodies {
		if keep(i) {
			out.bodies, out.ys = append(out.bodies, s.bodies[i]), append(out.ys, s.ys[i])
			out.repos, out.groups = append(out.repos, s.repos[i]), append(out.groups, s.groups[i])
		}
	}
	return out
}

// joinSets is the comments of all sets, in order.
func joinSets(sets ...commentSet) commentSet {
	var out commentSet
	for _, s := range sets {
		out.bodies, out.ys = append(out.bodies, s.bodies...), append(out.ys, s.ys...)
		out.repos, out.groups = append(out.repos, s.repos...), append(out.groups, s.groups...)
	}
	return out
}

// commentRecord is one line of a labelled file.
type commentRecord struct {
	ID   string  `json:"id"`
	Repo string  `json:"repo"`
	File string  `json:"file"`
	Body string  `json:"body"`
	Kind *string `json:"kind"`
}

// readCommentSet reads a labelled file from evalDir (which skips the
// test, saying why, when the data is absent).
func readCommentSet(t *testing.T, name, file string) commentSet {
	t.Helper()
	fh, err := os.Open(filepath.Join(evalDir(t), file))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	index := map[string]int{}
	for i, c := range commentClasses {
		index[string(c)] = i
	}
	s := commentSet{name: name}
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var r commentRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if r.Kind == nil {
			continue
		}
		k, ok := index[*r.Kind]
		if !ok {
			t.Fatalf("%s: %s: unknown kind %q", file, r.ID, *r.Kind)
		}
		g := name + ":" + r.File
		if r.Repo != "" {
			g = name + ":" + r.Repo
		}
		s.bodies, s.ys, s.repos = append(s.bodies, r.Body), append(s.ys, k), append(s.repos, r.Repo)
		s.groups = append(s.groups, g)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(s.bodies) == 0 {
		t.Fatalf("%s: no labelled comments", file)
	}
	return s
}

// bothCommentSets reads the two labelled files.
func bothCommentSets(t *testing.T) (nova, github commentSet) {
	return readCommentSet(t, "nova", novaCommentsFile), readCommentSet(t, "github", githubCommentsFile)
}

// fullEval skips a test that trains many models unless
// GIT_CAREER_EVAL_FULL=1: the default test run stays fast.
// The settings the teaching model chooses among, inside its training
// comments alone (inner folds): how much less the named features are
// penalised than the grammar (teachPenalties), and how much of a naive
// Bayes model is added to the regression's weights (teachNaiveBayes;
// naive Bayes trusts a rare feature seen only in teaching comments more
// than a regularised regression does, and the two err differently).
var (
	teachPenalties  = []float64{0.3, 1}
	teachNaiveBayes = []float64{0, 0.3}
)

// kindPenalty scales the ridge penalty of the named features of the
// kind model.
const kindPenalty = 0.3

// teachSetting is what the teaching model chose.
type teachSetting struct{ penalty, naiveBayes float64 }

func (s teachSetting) String() string {
	return fmt.Sprintf("penalty %g naive Bayes %g", s.penalty, s.naiveBayes)
}

// withPenalty is the default options with the named features' penalty
// scaled.
func withPenalty(scale float64) commentmodel.Options {
	opt := commentmodel.DefaultOptions()
	opt.Penalty = func(name string) float64 {
		if strings.HasPrefix(name, "f:") {
			return scale
		}
		return 1
	}
	return opt
}

// commentInputs are a comment's inputs to the two models, computed once
// per text however many trainings of the evaluation read it.
type commentInputs struct {
	teach, kind []commentmodel.Feature
	// byRule: a rule of the guide decides that the comment teaches,
	// whatever the teaching model says (teachingRule).
	byRule bool
}

var (
	inputsMu    sync.Mutex
	inputsCache = map[string]commentInputs{}
)

func inputsOf(body string) commentInputs {
	inputsMu.Lock()
	in, ok := inputsCache[body]
	inputsMu.Unlock()
	if ok {
		return in
	}
	c := newCommentFacts(body)
	fs := commentFeatures(c)
	in = commentInputs{teach: teachInputs(c, fs), kind: kindInputs(c, fs)}
	if _, _, early := decidedBeforeModels(c, fs); !early {
		_, in.byRule = teachingRule(c, fs)
	}
	inputsMu.Lock()
	inputsCache[body] = in
	inputsMu.Unlock()
	return in
}

// allTeachSettings are the candidates the teaching model chooses among.
func allTeachSettings() []teachSetting {
	var out []teachSetting
	for _, nb := range teachNaiveBayes {
		for _, p := range teachPenalties {
			out = append(out, teachSetting{p, nb})
		}
	}
	return out
}

// trainCommentModels is the one way the comment models are built, for
// the committed files and for every training of the evaluation: the
// teaching model on every comment (educational or not), its setting
// (among settings) and threshold chosen on inner folds of these comments
// alone, held out a group (a repository, a file) at a time, and for the
// precision of the model and the rules together; the kind model on the
// comments that are not educational.
func trainCommentModels(set commentSet, seed uint64, settings []teachSetting) (commentModels, teachSetting, error) {
	bodies, ys := set.bodies, set.ys
	var tx, kx [][]commentmodel.Feature
	var ty, ky []int
	decided := make([]bool, len(bodies))
	for i, b := range bodies {
		in := inputsOf(b)
		tx = append(tx, in.teach)
		decided[i] = in.byRule
		if ys[i] == 0 {
			ty = append(ty, 0)
			continue
		}
		ty = append(ty, 1)
		kx, ky = append(kx, in.kind), append(ky, ys[i]-1)
	}
	var cands []commentmodel.Options
	for _, st := range settings {
		o := withPenalty(st.penalty)
		o.NaiveBayes = st.naiveBayes
		cands = append(cands, o)
	}
	held := commentmodel.HeldOut{Groups: set.groups, Decided: decided}
	teaches, chosen, err := commentmodel.TrainSelectedHeldOut(classNames(teachClasses), tx, ty, cands, seed, held)
	if err != nil {
		return commentModels{}, teachSetting{}, err
	}
	kind, err := commentmodel.Train(classNames(kindClasses), kx, ky, withPenalty(kindPenalty))
	if err != nil {
		return commentModels{}, teachSetting{}, err
	}
	// Score the models as they are stored: weights rounded.
	if teaches, err = commentmodel.Parse(teaches.Marshal()); err != nil {
		return commentModels{}, teachSetting{}, err
	}
	if kind, err = commentmodel.Parse(kind.Marshal()); err != nil {
		return commentModels{}, teachSetting{}, err
	}
	return commentModels{teaches: teaches, kind: kind}, settings[chosen], nil
}

func classNames(cs []CommentClass) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = string(c)
	}
	return out
}

func modelHeader(what string) []string {
	return []string{
		"git-career review-comment model, " + what + ":",
		"multinomial logistic regression, one row a feature, one weight a class.",
		"Trained on ../shared/eval/review-comments-kinds.jsonl (Nova) and",
		"../shared/eval/review-comments-github.jsonl (GitHub), agreed labels;",
		"rebuilt by: go test ./analyzer/classify -run TestCommentModelFresh -update",
	}
}

// settingRe reads the setting the committed teaching model was built
// with from its header.
var settingRe = regexp.MustCompile(`(?m)^# setting: penalty (\S+) naive Bayes (\S+)$`)

// TestCommentModelFresh fails when comment_teaches.tsv or comment_kind.tsv
// is not what training on both labelled files gives today; -update
// rewrites them. Training is deterministic: the same data and code give
// the same bytes. -update (and GIT_CAREER_EVAL_FULL=1) choose the
// teaching model's setting among all candidates on inner folds; the
// default run retrains with the setting the committed file records, which
// is what keeps it fast.
func TestCommentModelFresh(t *testing.T) {
	nova, github := bothCommentSets(t)
	settings := allTeachSettings()
	if !*update && os.Getenv("GIT_CAREER_EVAL_FULL") != "1" {
		m := settingRe.FindSubmatch(teachesModelText)
		if m == nil {
			t.Fatal("comment_teaches.tsv records no setting: run go test ./analyzer/classify -run TestCommentModelFresh -update")
		}
		var st teachSetting
		if _, err := fmt.Sscan(string(m[1])+" "+string(m[2]), &st.penalty, &st.naiveBayes); err != nil {
			t.Fatal(err)
		}
		settings = []teachSetting{st}
	}
	ms, chose, err := trainCommentModels(joinSets(nova, github), evalSeed, settings)
	if err != nil {
		t.Fatal(err)
	}
	teachHeader := append(modelHeader("does the comment teach (threshold on educational, setting chosen on inner folds)"),
		fmt.Sprintf("setting: penalty %g naive Bayes %g", chose.penalty, chose.naiveBayes))
	for _, f := range []struct {
		name   string
		m      *commentmodel.Model
		header []string
		have   []byte
	}{
		{"comment_teaches.tsv", ms.teaches, teachHeader, teachesModelText},
		{"comment_kind.tsv", ms.kind, modelHeader("the kind of a comment that does not teach"), kindModelText},
	} {
		got := f.m.Marshal(f.header...)
		if *update {
			if err := os.WriteFile(f.name, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if !bytes.Equal(got, f.have) {
			t.Errorf("%s is stale (features, options or data changed): run go test ./analyzer/classify -run TestCommentModelFresh -update", f.name)
		}
	}
}

// The floors of issue 19. A quote that is not educational is an
// embarrassing claim in front of a manager, so precision comes first.
const (
	minEducationalPrecision = 0.85 // across projects, each direction
	minEducationalRecall    = 0.60 // across projects, each direction
	minKindAccuracy         = 0.70 // within each file, cross-validated
)

// Where a floor of the issue is not met, the evaluation holds the figure
// 0.02 to 0.03 under what was measured, so that a change that makes it
// worse fails, and prints NOT MET beside the floor; a figure that
// meets its floor is held at the floor. Measured on 2026-12-03 (seed 9,
// second pass): educational precision is met everywhere across projects
// (nova→github 0.922, github→nova 0.877, unseen GitHub repositories
// 0.864), and recall from GitHub to Nova (0.667); recall is not met from
// Nova to GitHub (0.420) nor on unseen repositories (0.509), nor accuracy
// within each file (Nova 0.671, GitHub 0.681). docs/review-comments.md
// gives the table and why.
var (
	holdAcross = map[string][2]float64{ // precision, recall
		"nova→github":         {minEducationalPrecision, 0.39},
		"github→nova":         {minEducationalPrecision, minEducationalRecall},
		"unseen repositories": {minEducationalPrecision, 0.48},
	}
	holdWithinAccuracy = map[string]float64{"nova": 0.65, "github": 0.66}
)

func met(v, floor float64) string {
	if v >= floor {
		return "met"
	}
	return "NOT MET"
}

// commentScore counts a classifier's decisions against the labels.
type commentScore struct {
	conf [][]int // [label][predicted], commentClasses order
}

func newCommentScore() *commentScore {
	s := &commentScore{conf: make([][]int, len(commentClasses))}
	for i := range s.conf {
		s.conf[i] = make([]int, len(commentClasses))
	}
	return s
}

func (s *commentScore) add(label, predicted int) { s.conf[label][predicted]++ }

func (s *commentScore) merge(o *commentScore) {
	for i := range s.conf {
		for j := range s.conf[i] {
			s.conf[i][j] += o.conf[i][j]
		}
	}
}

// educational counts: true positives, false positives, false negatives.
func (s *commentScore) educational() (tp, fp, fn int) {
	tp = s.conf[0][0]
	for i := 1; i < len(s.conf); i++ {
		fp += s.conf[i][0]
		fn += s.conf[0][i]
	}
	return tp, fp, fn
}

func (s *commentScore) precision() float64 {
	tp, fp, _ := s.educational()
	return commentRatio(tp, tp+fp)
}

func (s *commentScore) recall() float64 {
	tp, _, fn := s.educational()
	return commentRatio(tp, tp+fn)
}

func (s *commentScore) accuracy() float64 {
	right, n := 0, 0
	for i := range s.conf {
		for j := range s.conf[i] {
			n += s.conf[i][j]
			if i == j {
				right += s.conf[i][j]
			}
		}
	}
	return commentRatio(right, n)
}

func (s *commentScore) String() string {
	tp, fp, fn := s.educational()
	return fmt.Sprintf("educational precision %.3f recall %.3f (tp %d fp %d fn %d), accuracy over 7 kinds %.3f",
		s.precision(), s.recall(), tp, fp, fn, s.accuracy())
}

func commentRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// scoreComments classifies bodies with ms and counts the results;
// GIT_CAREER_EVAL_ERRORS=1 logs every comment called educational wrongly
// or missed, GIT_CAREER_EVAL_ERRORS=all every comment of the wrong kind.
func scoreComments(t *testing.T, ms commentModels, bodies []string, ys []int, tag string) *commentScore {
	s := newCommentScore()
	show := os.Getenv("GIT_CAREER_EVAL_ERRORS")
	for i, b := range bodies {
		k := classifyComment(ms, b)
		got := classIndex(k.Class)
		s.add(ys[i], got)
		if show != "" && ((got == 0) != (ys[i] == 0) || show == "all" && got != ys[i]) {
			t.Logf("%s: predicted %s (%s), labelled %s: %q", tag, k.Class, k.Reason, commentClasses[ys[i]], b)
		}
	}
	return s
}

// parallel runs f(0..n-1) on as many goroutines as there are CPUs and
// returns the first error.
func parallel(n int, f func(i int) error) error {
	sem := make(chan struct{}, runtime.NumCPU())
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			errs[i] = f(i)
		}(i)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// TestEvalCommentsAcrossProjects trains on one labelled file and scores
// on the other, both ways: the models (settings and threshold included)
// see nothing of the project they are scored on. This is the measure of
// a classifier that must hold on projects it was never trained on.
func TestEvalCommentsAcrossProjects(t *testing.T) {
	fullEval(t)
	nova, github := bothCommentSets(t)
	dirs := []struct{ train, test commentSet }{{nova, github}, {github, nova}}
	scores := make([]*commentScore, len(dirs))
	chose := make([]teachSetting, len(dirs))
	thresholds := make([]float64, len(dirs))
	err := parallel(len(dirs), func(i int) error {
		d := dirs[i]
		ms, c, err := trainCommentModels(d.train, evalSeed, allTeachSettings())
		if err != nil {
			return err
		}
		chose[i], thresholds[i] = c, ms.teaches.Threshold
		scores[i] = scoreComments(t, ms, d.test.bodies, d.test.ys, d.train.name+"→"+d.test.name)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range dirs {
		s := scores[i]
		fmt.Printf("eval comments across projects, trained on %s (%d), scored on %s (%d; %s, threshold %.4g): %s\n",
			d.train.name, len(d.train.bodies), d.test.name, len(d.test.bodies), chose[i], thresholds[i], s)
		for _, line := range confusionTable(s.conf) {
			fmt.Printf("eval comments across projects %s→%s confusion %s\n", d.train.name, d.test.name, line)
		}
		dir := d.train.name + "→" + d.test.name
		fmt.Printf("eval comments across projects %s floors: educational precision %.3f ≥ %.2f %s; recall %.3f ≥ %.2f %s\n", dir,
			s.precision(), minEducationalPrecision, met(s.precision(), minEducationalPrecision),
			s.recall(), minEducationalRecall, met(s.recall(), minEducationalRecall))
		hold := holdAcross[dir]
		if p, floor := s.precision(), min(minEducationalPrecision, hold[0]); p < floor {
			t.Errorf("%s: educational precision %.3f, want ≥ %.2f", dir, p, floor)
		}
		if r, floor := s.recall(), min(minEducationalRecall, hold[1]); r < floor {
			t.Errorf("%s: educational recall %.3f, want ≥ %.2f", dir, r, floor)
		}
	}
}

// TestEvalCommentsWithinProject scores the classifier by 10-fold
// cross-validation inside each labelled file (folds stratified by kind,
// fixed seed): each fold is classified by models trained, setting and
// threshold included, on the other nine folds of the same file only.
// Printed too, and not asserted: the same folds classified by models that
// also learn from all of the other file, which is how the committed
// models are trained.
func TestEvalCommentsWithinProject(t *testing.T) {
	fullEval(t)
	nova, github := bothCommentSets(t)
	for _, set := range []commentSet{nova, github} {
		other := github
		if set.name == "github" {
			other = nova
		}
		s, err := crossValidateComments(t, set, commentSet{}, evalSeed)
		if err != nil {
			t.Fatal(err)
		}
		both, err := crossValidateComments(t, set, other, evalSeed)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("eval comments within %s (%d-fold CV, seed %d, %d comments): %s\n", set.name, evalFold, evalSeed, len(set.bodies), s)
		for _, line := range confusionTable(s.conf) {
			fmt.Printf("eval comments within %s confusion %s\n", set.name, line)
		}
		fmt.Printf("eval comments within %s, the same folds trained with all of %s too: %s\n", set.name, other.name, both)
		floor := minKindAccuracy
		if held := holdWithinAccuracy[set.name]; held < floor {
			floor = held
		}
		fmt.Printf("eval comments within %s floor: accuracy %.3f ≥ %.2f %s\n", set.name, s.accuracy(), minKindAccuracy, met(s.accuracy(), minKindAccuracy))
		if a := s.accuracy(); a < floor {
			t.Errorf("%s: accuracy over the seven kinds %.3f, want ≥ %.2f", set.name, a, floor)
		}
	}
}

// TestEvalCommentsUnseenRepositories scores the models as they are
// built for the committed files (on both files) on GitHub repositories
// they never saw: the GitHub comments are grouped by repository into five
// folds of about the same size, and each fold is classified by models
// trained on all of Nova and the other four folds. It is the nearest
// measure at hand of a third project set.
func TestEvalCommentsUnseenRepositories(t *testing.T) {
	fullEval(t)
	nova, github := bothCommentSets(t)
	const k = 5
	foldOf := repositoryFolds(github.repos, k)
	scores := make([]*commentScore, k)
	err := parallel(k, func(f int) error {
		test := github.pick(func(i int) bool { return foldOf[github.repos[i]] == f })
		train := joinSets(nova, github.pick(func(i int) bool { return foldOf[github.repos[i]] != f }))
		ms, _, err := trainCommentModels(train, evalSeed, allTeachSettings())
		if err != nil {
			return err
		}
		scores[f] = scoreComments(t, ms, test.bodies, test.ys, fmt.Sprintf("unseen repositories fold %d", f))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	pooled := newCommentScore()
	for _, s := range scores {
		pooled.merge(s)
	}
	repos := map[string]bool{}
	for _, r := range github.repos {
		repos[r] = true
	}
	fmt.Printf("eval comments on unseen GitHub repositories (%d repositories in %d folds, trained on nova and the other folds): %s\n", len(repos), k, pooled)
	for _, line := range confusionTable(pooled.conf) {
		fmt.Printf("eval comments on unseen GitHub repositories confusion %s\n", line)
	}
	fmt.Printf("eval comments on unseen GitHub repositories floors: educational precision %.3f ≥ %.2f %s; recall %.3f ≥ %.2f %s\n",
		pooled.precision(), minEducationalPrecision, met(pooled.precision(), minEducationalPrecision),
		pooled.recall(), minEducationalRecall, met(pooled.recall(), minEducationalRecall))
	hold := holdAcross["unseen repositories"]
	if p, floor := pooled.precision(), min(minEducationalPrecision, hold[0]); p < floor {
		t.Errorf("unseen repositories: educational precision %.3f, want ≥ %.2f", p, floor)
	}
	if r, floor := pooled.recall(), min(minEducationalRecall, hold[1]); r < floor {
		t.Errorf("unseen repositories: educational recall %.3f, want ≥ %.2f", r, floor)
	}
}

// repositoryFolds deals repositories into k folds, the largest first,
// each to the fold with the fewest comments so far (the lowest on a tie).
func repositoryFolds(repos []string, k int) map[string]int {
	size := map[string]int{}
	for _, r := range repos {
		size[r]++
	}
	var names []string
	for r := range size {
		names = append(names, r)
	}
	sort.Slice(names, func(a, b int) bool {
		if size[names[a]] != size[names[b]] {
			return size[names[a]] > size[names[b]]
		}
		return names[a] < names[b]
	})
	load := make([]int, k)
	out := map[string]int{}
	for _, r := range names {
		best := 0
		for f := 1; f < k; f++ {
			if load[f] < load[best] {
				best = f
			}
		}
		out[r] = best
		load[best] += size[r]
	}
	return out
}

// crossValidateComments is the pooled score of evalFold-fold
// cross-validation of set with seed.
func crossValidateComments(t *testing.T, set, extra commentSet, seed uint64) (*commentScore, error) {
	folds := commentmodel.Folds(set.ys, evalFold, seed)
	scores := make([]*commentScore, evalFold)
	err := parallel(evalFold, func(f int) error {
		test := set.pick(func(i int) bool { return folds[i] == f })
		train := joinSets(extra, set.pick(func(i int) bool { return folds[i] != f }))
		ms, _, err := trainCommentModels(train, seed, allTeachSettings())
		if err != nil {
			return err
		}
		scores[f] = scoreComments(t, ms, test.bodies, test.ys, fmt.Sprintf("%s fold %d", set.name, f))
		return nil
	})
	if err != nil {
		return nil, err
	}
	pooled := newCommentScore()
	for _, s := range scores {
		pooled.merge(s)
	}
	return pooled, nil
}

func classIndex(c CommentClass) int {
	for i, k := range commentClasses {
		if k == c {
			return i
		}
	}
	panic("unknown class " + string(c))
}

// confusionTable is the table as lines: labels down, predictions across,
// with each label's recall and each prediction's precision.
func confusionTable(conf [][]int) []string {
	short := func(c CommentClass) string { return string(c)[:4] }
	var head strings.Builder
	fmt.Fprintf(&head, "%-12s", "label\\pred")
	for _, c := range commentClasses {
		fmt.Fprintf(&head, "%6s", short(c))
	}
	head.WriteString("  recall")
	lines := []string{head.String()}
	for i, c := range commentClasses {
		var b strings.Builder
		fmt.Fprintf(&b, "%-12s", c)
		n := 0
		for j := range commentClasses {
			fmt.Fprintf(&b, "%6d", conf[i][j])
			n += conf[i][j]
		}
		fmt.Fprintf(&b, "  %s", cell(conf[i][i], n))
		lines = append(lines, b.String())
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-12s", "precision")
	for j := range commentClasses {
		n := 0
		for i := range commentClasses {
			n += conf[i][j]
		}
		fmt.Fprintf(&b, "%6s", cell(conf[j][j], n))
	}
	return append(lines, b.String())
}

func cell(a, n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", float64(a)/float64(n))
}
