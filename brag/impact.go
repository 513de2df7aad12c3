package brag

import (
	"context"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/git-career/git-career/analyzer"
	"github.com/git-career/git-career/analyzer/classify"
	"github.com/git-career/git-career/analyzer/history"
	"github.com/git-career/git-career/analyzer/impact"
	"github.com/git-career/git-career/analyzer/work"
	"github.com/git-career/git-career/report"
)

// baselineCap is the most commits classified for the repository-wide
// share of fix commits: a window with more is sampled evenly (every
// k-th commit in the order of history). The recogniser costs about a
// quarter of a millisecond a commit and its paths as much again: on a
// repository as busy as git/git the windows of one quarter hold 3,000
// commits, which would double the run.
const baselineCap = 600

// measurer measures work in the history the analysis kept around the
// period: pure once prepared.
type measurer struct {
	now   time.Time
	days  int
	repos map[string]*repoHistory // by short name, lower-cased
}

// repoHistory is one repository's window, prepared for the measures.
type repoHistory struct {
	rw    analyzer.RepoWindow
	index map[string]int // commit id → index in the window
	hist  impact.History // Commits index for index with the window's
	did   map[int]*changed
	// verdicts are what the recogniser called the commits it read.
	verdicts map[int]verdict
}

// changed is what one of the person's commits changed.
type changed struct {
	files, added, deleted []string
	folders               []string // the folders it created ("dir/")
}

// measureRange is the history the measures need around read: the window
// before the period, and after it up to now. since, when earlier, is the
// earliest work the living doc asks to measure again.
func measureRange(read work.Period, now, since time.Time, days int) *history.TimeRange {
	from := read.Since.AddDate(0, 0, -days-1)
	if !since.IsZero() && since.AddDate(0, 0, -days-1).Before(from) {
		from = since.AddDate(0, 0, -days-1)
	}
	// The windows after the work end days after the period at the
	// latest: later history is walked (from the tips) but not kept.
	until := read.Until.AddDate(0, 0, days+8)
	if now.Before(until) {
		until = now
	}
	return &history.TimeRange{Since: from, Until: until}
}

// newMeasurer prepares the windows for measuring the report's work and
// the commits of the living doc's open lines (abbreviated ids): what each
// of those commits changed, which commits of the window touched those
// files, and what the recogniser calls those and an even sample of the
// rest.
func newMeasurer(ctx context.Context, windows []analyzer.RepoWindow, rep *work.Report, open []report.OpenMeasure, id work.Identity, now time.Time, days int) (*measurer, error) {
	m := &measurer{now: now, days: days, repos: map[string]*repoHistory{}}
	match := work.NewMatcher(id)
	for _, rw := range windows {
		rh, err := prepare(ctx, rw, rep, open, match, now, days)
		if err != nil {
			return nil, err
		}
		m.repos[strings.ToLower(rw.Repo)] = rh
	}
	return m, nil
}

func prepare(ctx context.Context, rw analyzer.RepoWindow, rep *work.Report, open []report.OpenMeasure, match *work.Matcher, now time.Time, days int) (*repoHistory, error) {
	w := rw.Window
	rh := &repoHistory{rw: rw, index: make(map[string]int, len(w.Commits)), did: map[int]*changed{}}
	for i, c := range w.Commits {
		rh.index[c.SHA] = i
	}
	// The person's commits to measure.
	var mine []int
	addSHA := func(sha string) {
		if i, ok := rh.find(sha); ok && rh.did[i] == nil {
			rh.did[i] = &changed{}
			mine = append(mine, i)
		}
	}
	for i := range rep.Contributions {
		c := &rep.Contributions[i]
		if !measurable(c) || !strings.EqualFold(c.Repo, rw.Repo) {
			continue
		}
		addSHA(c.SHA)
		for _, sha := range c.Commits {
			addSHA(sha)
		}
	}
	for _, o := range open {
		for _, sha := range o.Commits {
			addSHA(sha)
		}
	}
	slices.Sort(mine)
	// What they changed, and the folders they created.
	paths := map[string]bool{}
	for _, i := range mine {
		cs, err := w.Changes(i)
		if err != nil {
			return nil, err
		}
		d := rh.did[i]
		dirs := map[string]bool{}
		// A file deleted in one place and added under the same name in
		// another, or with the same content, was moved, not made: a move
		// adds nothing to reach.
		gone := map[string]bool{}
		for _, c := range cs {
			if c.Deleted {
				gone[path.Base(c.Path)] = true
			}
		}
		for _, c := range cs {
			d.files = append(d.files, c.Path)
			if c.Deleted {
				d.deleted = append(d.deleted, c.Path)
			}
			// What it added, for reach: not tests, which others run
			// but do not build on; not what it moved.
			if c.Added && !c.Moved && !impact.IsTest(c.Path) && !gone[path.Base(c.Path)] {
				d.added = append(d.added, c.Path)
				paths[c.Path] = true
				if dir := path.Dir(c.Path); dir != "." {
					dirs[dir+"/"] = true
				}
			}
		}
		for _, dir := range sortedKeys(dirs) {
			existed, err := w.Existed(i, dir)
			if err != nil {
				return nil, err
			}
			if !existed {
				d.folders = append(d.folders, dir)
				paths[dir] = true
			}
		}
	}
	// One pass over the window: which commits touched those paths; what
	// the ones the recogniser reads changed (an even sample of the window,
	// for the repository's share of fixes, and those that touched the
	// files of the work regressions and flakiness are measured on); and
	// which references to what the person added others' commits added.
	step := max((len(w.Commits)+baselineCap-1)/baselineCap, 1)
	// The windows after the work end where this copy of the history ends,
	// if before now: a clone not fetched since says nothing of what came
	// later, and "no flakiness again in 180 days" would be a guess.
	seen := now
	if !w.Newest.IsZero() && w.Newest.Before(seen) {
		seen = w.Newest
	}
	rh.hist = impact.History{Since: w.Range.Since, Now: seen, Days: days, Sampled: step > 1}
	inSample := func(i int) bool { return i%step == 0 }
	// The paths asked about: what the person's commits added (reach),
	// and the files of the work regressions and flakiness are measured
	// on; not the files of other work (a feature's), which no measure
	// reads.
	wanted := rh.wanted(rep, open)
	for f := range wanted {
		paths[f] = true
	}
	refs := rh.references(mine)
	oldest := -1
	if len(mine) > 0 {
		oldest = mine[len(mine)-1] // newest first: the highest index is the oldest
	}
	var read []int
	uses := map[int][]string{}
	var mu sync.Mutex // read and uses: the window's commits are read on several goroutines
	touched, err := w.Touched(ctx, sortedKeys(paths), func(v *history.Window, i int, ts []string) error {
		need := inSample(i) || touchesAny(ts, wanted)
		if need {
			if _, err := v.Changes(i); err != nil {
				return err
			}
		}
		var u []string
		if i < oldest && len(refs) > 0 {
			c := &v.Commits[i]
			if !match.Match(c.Author) && !work.IsBot(c.Author) {
				var err error
				if u, err = usesOf(v, i, refs); err != nil {
					return err
				}
			}
		}
		mu.Lock()
		defer mu.Unlock()
		if need {
			read = append(read, i)
		}
		if len(u) > 0 {
			uses[i] = u
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(read)
	if rh.verdicts, err = recognise(ctx, w, read); err != nil {
		return nil, err
	}
	// The person's own commits were recognised in full (line counts and
	// all) for the doc: what the doc says they are, the measures say too.
	known := map[string]verdict{}
	for i := range rep.Contributions {
		c := &rep.Contributions[i]
		if c.Kind == work.KindCommit {
			known[c.SHA] = verdictOf(c.Categories)
		}
		for _, k := range c.CommitKinds {
			known[k.SHA] = verdictOf(k.Categories)
		}
	}
	for i, c := range w.Commits {
		if v, ok := known[c.SHA]; ok {
			rh.verdicts[i] = v
		}
	}
	rh.hist.Recognise = rh.recognise
	rh.hist.Commits = make([]impact.Commit, len(w.Commits))
	for i, c := range w.Commits {
		ic := impact.Commit{
			SHA: c.SHA, Author: strings.ToLower(c.Author.Email), Mine: match.Match(c.Author),
			Bot: work.IsBot(c.Author), When: c.CommitterDate, Reverts: c.Reverts,
			Touched: touched[i], Uses: uses[i], Names: fixesNamed(c.Fixes),
		}
		if rw.Web != "" {
			ic.URL = rw.Web + "/commit/" + c.SHA
		}
		if v, ok := rh.verdicts[i]; ok && inSample(i) && !ic.Bot {
			rh.hist.Baseline = append(rh.hist.Baseline, impact.Classified{When: c.CommitterDate, Fix: v.fix})
		}
		rh.hist.Commits[i] = ic
	}
	return rh, nil
}

func touchesAny(paths []string, set map[string]bool) bool {
	for _, p := range paths {
		if set[p] {
			return true
		}
	}
	return false
}

// recognise is what the recogniser calls commit i of the window: read
// already, or now (a story's measure may ask about a commit no single
// item's did). An error reading the commit's diff leaves it unrecognised.
func (rh *repoHistory) recognise(i int) (fix, flaky bool) {
	v, ok := rh.verdicts[i]
	if !ok {
		vs, err := recognise(context.Background(), rh.rw.Window, []int{i})
		if err == nil {
			v = vs[i]
		}
		rh.verdicts[i] = v
	}
	return v.fix, v.flaky
}

// measurable reports whether the measures apply to c: the person's own
// shipped commits and pull requests.
func measurable(c *work.Contribution) bool {
	return (c.Kind == work.KindCommit || c.Kind == work.KindPullRequest || len(c.Commits) > 0) && !c.Unmerged && !c.Credited
}

// find finds a commit of the window by its id or an abbreviation of it.
func (rh *repoHistory) find(sha string) (int, bool) {
	if i, ok := rh.index[sha]; ok {
		return i, true
	}
	if len(sha) < 7 || len(sha) >= 40 {
		return 0, false
	}
	for i, c := range rh.rw.Window.Commits {
		if strings.HasPrefix(c.SHA, sha) {
			return i, true
		}
	}
	return 0, false
}

// verdict is what the recogniser called a commit.
type verdict struct{ fix, flaky bool }

// verdictOf reads a verdict from categories, primary kind first.
func verdictOf(cats []work.Category) verdict {
	return verdict{fix: work.PrimaryOf(cats) == work.Fix, flaky: slices.Contains(cats, work.FlakyTests)}
}

// Without line counts the recogniser sees less of a change than it does
// for the doc, so the window's commits count as a fix or as flakiness
// only when their message says so too: a feature read from its subject
// and paths alone is too often taken for a fix.
var (
	fixWords   = regexp.MustCompile(`(?i)\b(fix(e[sd])?|fixing|bug|bugs|crash(es|ed)?|regression|panic|segfault|leak(s|ing)?|broken|wrong|incorrect|error|fail(s|ed|ing|ure)?|overflow|deadlock|use-after-free|hang(s|ing)?)\b`)
	flakyWords = regexp.MustCompile(`(?i)\b(flak(y|e|iness)|intermittent(ly)?|nondetermin\w*|non-determin\w*|sporadic(ally)?|race|racy|timing|timeout|randomly fail\w*|unstable)\b`)
)

// recognise classifies commits of the window from their messages and
// the paths they changed (their line counts are not read: a tree diff is
// a tenth of the cost of a diff). The diffs are read in turn, the
// recogniser runs on two goroutines.
func recognise(ctx context.Context, w *history.Window, read []int) (map[int]verdict, error) {
	commits := make([]work.Commit, len(read))
	for k, i := range read {
		if k%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		wc := &w.Commits[i]
		cs, err := w.Changes(i)
		if err != nil {
			return nil, err
		}
		subject, body, trailers, err := w.Message(i)
		if err != nil {
			return nil, err
		}
		commits[k] = work.Commit{SHA: wc.SHA, Author: wc.Author, AuthorDate: wc.AuthorDate, CommitterDate: wc.CommitterDate,
			Subject: subject, Body: body, Trailers: trailers}
		for _, c := range cs {
			commits[k].Files = append(commits[k].Files, work.FileChange{Path: c.Path})
		}
	}
	out := make([]verdict, len(read))
	classifyRange := func(from, to int) {
		for k := from; k < to; k++ {
			cats, _ := classify.Commit(&commits[k], &classify.Context{})
			v := verdictOf(cats)
			msg := commits[k].Subject + "\n" + commits[k].Body
			v.fix = v.fix && fixWords.MatchString(commits[k].Subject)
			v.flaky = v.flaky && flakyWords.MatchString(msg)
			out[k] = v
		}
	}
	if len(read) < 64 {
		classifyRange(0, len(read))
		return toMap(read, out), nil
	}
	var wg sync.WaitGroup
	half := len(read) / 2
	wg.Add(1)
	go func() {
		defer wg.Done()
		classifyRange(half, len(read))
	}()
	classifyRange(0, half)
	wg.Wait()
	return toMap(read, out), nil
}

func toMap(read []int, out []verdict) map[int]verdict {
	m := make(map[int]verdict, len(read))
	for k, i := range read {
		m[i] = out[k]
	}
	return m
}

// wanted are the files the recogniser is asked about ahead: those of the
// work that regressions and flakiness are measured on (a cleanup, a
// refactor, a fix, flaky tests; the living doc's open lines).
func (rh *repoHistory) wanted(rep *work.Report, open []report.OpenMeasure) map[string]bool {
	wanted := map[string]bool{}
	add := func(sha string, code, tests bool) {
		j, ok := rh.find(sha)
		if !ok || rh.did[j] == nil {
			return
		}
		d := rh.did[j]
		for _, f := range d.files {
			switch {
			case impact.IsTest(f):
				wanted[f] = wanted[f] || tests
			case code && !impact.IsDoc(f) && !slices.Contains(d.added, f):
				wanted[f] = true
			}
		}
	}
	for i := range rep.Contributions {
		c := &rep.Contributions[i]
		if !measurable(c) || !strings.EqualFold(c.Repo, rh.rw.Repo) {
			continue
		}
		code, tests := c.Has(work.Cleanup) || c.Has(work.Refactor) || c.Has(work.Fix), c.Has(work.FlakyTests)
		if !code && !tests {
			continue
		}
		add(c.SHA, code, tests)
		for _, sha := range c.Commits {
			add(sha, code, tests)
		}
	}
	for _, o := range open {
		for _, sha := range o.Commits {
			add(sha, o.Measure == work.MeasureRegressions, o.Measure == work.MeasureReflakes)
		}
	}
	for f, ok := range wanted {
		if !ok {
			delete(wanted, f)
		}
	}
	return wanted
}

// references are the ways others may use what the person's commits
// added (see impact.References), grouped by the files that may hold
// them, each group with its texts prepared for searching.
func (rh *repoHistory) references(mine []int) []refGroup {
	var files, folders []string
	for _, i := range mine {
		files = append(files, rh.did[i].added...)
		folders = append(folders, rh.did[i].folders...)
	}
	byKind := map[string][]impact.Reference{}
	var kinds []string
	for _, r := range impact.References(files, folders, rh.rw.GoModule) {
		if byKind[r.Kind] == nil {
			kinds = append(kinds, r.Kind)
		}
		byKind[r.Kind] = append(byKind[r.Kind], r)
	}
	var out []refGroup
	for _, k := range kinds {
		texts := make([]string, len(byKind[k]))
		for j, r := range byKind[k] {
			texts[j] = r.Text
		}
		out = append(out, refGroup{refs: byKind[k], texts: history.NewTexts(texts)})
	}
	return out
}

// refGroup are references that files of one kind may hold, with their
// texts prepared for Window.Adds.
type refGroup struct {
	refs  []impact.Reference
	texts *history.Texts
}

// usesOf are the new things (Reference.Unit) commit i added a reference
// to.
func usesOf(w *history.Window, i int, refs []refGroup) ([]string, error) {
	var out []string
	for _, g := range refs {
		rs := g.refs
		// r.In(p) for some r: the kind is the group's.
		found, err := w.Adds(i, g.texts, func(p string) bool {
			if !impact.MayHold(rs[0].Kind, p) {
				return false
			}
			for _, r := range rs {
				if !r.Self(p) {
					return true
				}
			}
			return false
		})
		if err != nil {
			return nil, err
		}
		for _, j := range found {
			if !slices.Contains(out, rs[j].Unit) {
				out = append(out, rs[j].Unit)
			}
		}
	}
	return out, nil
}

// fixesNamed are the commit ids a commit's Fixes: trailers name
// ("Fixes: 1a2b3c4d5e6f (subject)"), given their values.
func fixesNamed(fixes []string) []string {
	var out []string
	for _, v := range fixes {
		f := strings.Fields(v)
		if len(f) > 0 && isHex(f[0]) && len(f[0]) >= 7 {
			out = append(out, strings.ToLower(f[0]))
		}
	}
	return out
}

func isHex(s string) bool {
	for _, r := range strings.ToLower(s) {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return false
		}
	}
	return s != ""
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// measure measures one piece of work: a commit, a pull request or a
// story (Commits), by what it is (its categories). measures limits the
// measures to those named ("" for all that apply).
func (m *measurer) measure(c *work.Contribution, only string) []work.Impact {
	if m == nil || !measurable(c) {
		return nil
	}
	rh := m.repos[strings.ToLower(c.Repo)]
	if rh == nil {
		return nil
	}
	shas := c.Commits
	if len(shas) == 0 && c.SHA != "" {
		shas = []string{c.SHA}
	}
	return rh.measure(shas, c.Categories, only)
}

func (rh *repoHistory) measure(shas []string, cats []work.Category, only string) []work.Impact {
	var w impact.Work
	files, tests, news := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, sha := range shas {
		i, ok := rh.find(sha)
		if !ok || rh.did[i] == nil {
			return nil // not all of it is in the window: it cannot be measured whole
		}
		wc := &rh.rw.Window.Commits[i]
		w.Commits = append(w.Commits, wc.SHA)
		if w.First.IsZero() || wc.CommitterDate.Before(w.First) {
			w.First = wc.CommitterDate
		}
		if wc.CommitterDate.After(w.Last) {
			w.Last = wc.CommitterDate
		}
		d := rh.did[i]
		for _, f := range d.files {
			if impact.IsTest(f) {
				tests[f] = true
			}
			// Regressions live in code, not in tests or docs; and fixes
			// before a file existed say nothing: they are counted on the
			// code files the work found there.
			if !slices.Contains(d.added, f) && !impact.IsTest(f) && !impact.IsDoc(f) {
				files[f] = true
			}
		}
		for _, f := range d.added {
			news[f] = true
		}
		for _, f := range d.folders {
			news[f] = true
		}
	}
	if len(w.Commits) == 0 {
		return nil
	}
	slices.Sort(w.Commits)
	rh.leaveYoungOut(files, w.First)
	w.Files, w.Tests, w.New = sortedKeys(files), sortedKeys(tests), sortedKeys(news)
	for _, k := range cats {
		switch k {
		case work.Cleanup, work.Refactor, work.Fix:
			w.Regressions = true
		case work.FlakyTests:
			w.Flaky = true
		}
	}
	switch only {
	case work.MeasureRegressions:
		w.Regressions, w.Flaky, w.New = true, false, nil
	case work.MeasureReflakes:
		w.Regressions, w.Flaky, w.New = false, true, nil
	case work.MeasureReach:
		w.Regressions, w.Flaky = false, false
	}
	return impact.Measure(w, &rh.hist)
}

// leaveYoungOut deletes from files those that did not exist when the
// window before the work (starting days before first) began: fixes to a
// file made during that window would be compared with the months before
// it existed ("0 before" only because it was new).
func (rh *repoHistory) leaveYoungOut(files map[string]bool, first time.Time) {
	from := first.AddDate(0, 0, -rh.hist.WindowDays())
	cs := rh.rw.Window.Commits // newest first
	i := sort.Search(len(cs), func(i int) bool { return cs[i].CommitterDate.Before(from) }) - 1
	if i < 0 || len(cs) == 0 || !cs[len(cs)-1].CommitterDate.Before(from) {
		return // the window does not reach back to from: regressions are not measured
	}
	for f := range files {
		if ok, err := rh.rw.Window.Existed(i, f); err == nil && !ok {
			delete(files, f)
		}
	}
}

// measureAll measures the report's work in the windows the analysis kept
// (each contribution gets its Impact, windowed measures first), and
// measures again the living doc's open lines (by item id); the measurer
// is returned for the renderer's stories.
func measureAll(ctx context.Context, windows []analyzer.RepoWindow, rep *work.Report, open []report.OpenMeasure, id work.Identity, now time.Time) (*measurer, map[string][]work.Impact, error) {
	m, err := newMeasurer(ctx, windows, rep, open, id, now, impact.Days)
	if err != nil {
		return nil, nil, err
	}
	for i := range rep.Contributions {
		c := &rep.Contributions[i]
		c.Impact = append(m.measure(c, ""), c.Impact...)
	}
	again := map[string][]work.Impact{}
	for _, o := range open {
		for _, rh := range m.sortedRepos() {
			found := true
			for _, sha := range o.Commits {
				if _, ok := rh.find(sha); !ok {
					found = false
				}
			}
			if !found || len(o.Commits) == 0 {
				continue
			}
			for _, im := range rh.measure(o.Commits, nil, o.Measure) {
				if im.Measure == o.Measure {
					again[o.ID] = append(again[o.ID], im)
				}
			}
			break
		}
	}
	return m, again, nil
}

// sortedRepos are the repositories' histories in name order.
func (m *measurer) sortedRepos() []*repoHistory {
	var names []string
	for k := range m.repos {
		names = append(names, k)
	}
	slices.Sort(names)
	out := make([]*repoHistory, len(names))
	for i, k := range names {
		out[i] = m.repos[k]
	}
	return out
}
