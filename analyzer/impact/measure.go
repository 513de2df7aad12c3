package impact

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/git-career/git-career/analyzer/work"
)

// Days is the default length of each window, before and after the work.
const Days = 180

// MinEvents is the fewest fix commits the two windows must hold together
// for regressions to be shown: fewer say nothing either way.
const MinEvents = 5

// Commit is one commit of the history around the work, as the measures
// see it. The caller fills in what the recogniser and the diffs said.
type Commit struct {
	SHA    string
	URL    string // its link; "" when the repository is not on GitHub
	Author string // who wrote it, one key per person (an email after .mailmap)
	Mine   bool   // the person's own
	Bot    bool
	When   time.Time // its committer date: when it entered the history
	// Fix and Flaky are what the recogniser called it: a fix, or work on
	// flaky tests (see History.Recognise).
	Fix, Flaky bool
	// Names are the commit ids its Fixes: trailers name, and Reverts the
	// commit it reverts ("" for none).
	Names   []string
	Reverts string
	// Touched are the paths asked about (Work.Files, Tests, New) that it
	// changed, and Uses the new paths (Work.New) it added a reference to:
	// an import of a new package, a link to a new doc, a call of a new
	// script.
	Touched, Uses []string
}

// Classified is a commit the recogniser read, for the repository-wide
// share of fixes.
type Classified struct {
	When time.Time
	Fix  bool
}

// History is what the measures read: the commits around the work.
type History struct {
	Commits []Commit
	// Since and Now bound what was read: a window reaching before Since
	// cannot be measured, and the after window ends at Now at the latest.
	Since, Now time.Time
	Days       int // each window's length; 0 means Days
	// Baseline are the commits classified for the repository's share of
	// fix commits: every commit of the windows, or an even sample of
	// them (Sampled).
	Baseline []Classified
	Sampled  bool
	// Recognise, when set, says what the recogniser calls commit i (an
	// index into Commits), for the commits whose Fix and Flaky the caller
	// did not fill in: it is asked only about commits that touch the
	// paths of a measure, so that the recogniser reads no more commits
	// than the measures need.
	Recognise func(i int) (fix, flaky bool)

	idx *index // built on first use (see History.index)
}

// WindowDays is the length of each window, before and after the work:
// Days unless h says otherwise.
func (h *History) WindowDays() int {
	if h.Days == 0 {
		return Days
	}
	return h.Days
}

// index finds, for a measure, the few commits of a long history that can
// count: those that touched its paths, used what it added, or name
// commits, and how many commits fall between two times. Without it every
// measure reads every commit, and a whole history's thousands of items
// each read its tens of thousands of commits.
type index struct {
	n      int              // len(History.Commits) it was built for
	byPath map[string][]int // commits (ascending) that touched a path
	byUse  map[string][]int // commits (ascending) that added a use of a path
	naming []int            // commits (ascending) that name or revert a commit
	times  []time.Time      // the times of commits not bots', sorted
}

// index returns h's index, built when h's commits changed.
func (h *History) index() *index {
	if h.idx != nil && h.idx.n == len(h.Commits) {
		return h.idx
	}
	x := &index{n: len(h.Commits), byPath: map[string][]int{}, byUse: map[string][]int{}}
	for i := range h.Commits {
		c := &h.Commits[i]
		for _, p := range c.Touched {
			x.byPath[p] = append(x.byPath[p], i)
		}
		for _, p := range c.Uses {
			x.byUse[p] = append(x.byUse[p], i)
		}
		if len(c.Names) > 0 || c.Reverts != "" {
			x.naming = append(x.naming, i)
		}
		if !c.Bot {
			x.times = append(x.times, c.When)
		}
	}
	slices.SortFunc(x.times, func(a, b time.Time) int { return a.Compare(b) })
	h.idx = x
	return x
}

// candidates are the commits (ascending, once each) that touched one of
// paths, used one of uses, or, with naming, name or revert a commit.
func (x *index) candidates(paths, uses []string, naming bool) []int {
	var out []int
	for _, p := range paths {
		out = append(out, x.byPath[p]...)
	}
	for _, p := range uses {
		out = append(out, x.byUse[p]...)
	}
	if naming {
		out = append(out, x.naming...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// between counts the commits, bots' left out, from from to end inclusive.
func (x *index) between(from, end time.Time) int {
	lo, _ := slices.BinarySearchFunc(x.times, from, func(t, v time.Time) int { return t.Compare(v) })
	hi, _ := slices.BinarySearchFunc(x.times, end, func(t, v time.Time) int {
		if t.After(v) {
			return 1
		}
		return -1
	})
	return hi - lo
}

func (h *History) verdict(i int) (fix, flaky bool) {
	if h.Recognise != nil {
		return h.Recognise(i)
	}
	return h.Commits[i].Fix, h.Commits[i].Flaky
}

// Work is a piece of work to measure: its commits and what they changed.
type Work struct {
	Commits     []string  // full ids
	First, Last time.Time // the committer dates of its first and last commit
	// Regressions asks for fix commits around it (a cleanup, a refactor
	// or a fix), Flaky for flakiness again after it (a flaky test fixed).
	Regressions, Flaky bool
	Files              []string // the files it changed
	Tests              []string // the test files among them
	New                []string // the files (or "dir/" folders) it added
}

// Measure measures w in h: regressions around it, flakiness again after
// it, and the reach of what it added, each only where it applies and
// says something (see each measure). The impacts are in that order.
func Measure(w Work, h *History) []work.Impact {
	days := h.WindowDays()
	var out []work.Impact
	if w.Regressions && len(w.Files) > 0 {
		if m, ok := regressions(w, h, days); ok {
			out = append(out, m)
		}
	}
	if w.Flaky && len(w.Tests) > 0 {
		out = append(out, reflakes(w, h, days))
	}
	if len(w.New) > 0 {
		if m, ok := reach(w, h, days); ok {
			out = append(out, m)
		}
	}
	return out
}

// afterWindow is the end of the window after the work, and how many days
// of it had passed by h.Now.
func afterWindow(w Work, h *History, days int) (time.Time, int) {
	end := w.Last.AddDate(0, 0, days)
	if h.Now.Before(end) {
		end = h.Now
	}
	n := int(end.Sub(w.Last).Hours() / 24)
	return end, max(min(n, days), 0)
}

// base is the impact's window fields.
func base(measure string, w Work, days, afterDays int) work.Impact {
	return work.Impact{Measure: measure, First: w.First, Last: w.Last, WindowDays: days, AfterDays: afterDays,
		Of: slices.Clone(w.Commits)}
}

// own reports whether c is one of the work's commits.
func own(w Work, c *Commit) bool { return slices.Contains(w.Commits, c.SHA) }

// names reports whether c names one of the work's commits in a Fixes:
// trailer (by its id or an abbreviation of seven digits or more) or
// reverts one.
func names(w Work, c *Commit) bool {
	for _, sha := range w.Commits {
		if c.Reverts == sha {
			return true
		}
		for _, n := range c.Names {
			if len(n) >= 7 && strings.HasPrefix(sha, strings.ToLower(n)) {
				return true
			}
		}
	}
	return false
}

func touches(c *Commit, paths []string) bool {
	for _, p := range c.Touched {
		if slices.Contains(paths, p) {
			return true
		}
	}
	return false
}

// regressions counts the fix commits touching the work's files in the
// days before its first commit and after its last: the recogniser's
// fixes, and any commit naming the work in a Fixes: trailer or reverting
// it. Bots' commits and the person's own are left out (theirs only when
// they neither name nor revert the work). It is shown only when the two windows
// hold MinEvents or more, and only when the whole window before was read.
// Beside it, the share of fix commits among all the repository's commits
// over the same windows.
func regressions(w Work, h *History, days int) (work.Impact, bool) {
	from := w.First.AddDate(0, 0, -days)
	if from.Before(h.Since) {
		return work.Impact{}, false
	}
	end, afterDays := afterWindow(w, h, days)
	m := base(work.MeasureRegressions, w, days, afterDays)
	all := w.Files
	w.Files = quietFiles(w.Files, h, from, end)
	named := 0
	var before, after []work.Evidence
	for _, i := range h.index().candidates(w.Files, nil, true) {
		c := &h.Commits[i]
		if c.Bot || own(w, c) || c.Mine && !names(w, c) {
			// The person's own commits around the work are more of their
			// work (the rest of a topic, what came next), not others
			// having to fix things there; one that reverts it or names
			// it in a Fixes: trailer still counts.
			continue
		}
		isBefore := !c.When.Before(from) && c.When.Before(w.First)
		isAfter := c.When.After(w.Last) && !c.When.After(end)
		if !isBefore && !isAfter {
			continue
		}
		byName := names(w, c)
		if !byName && !touches(c, w.Files) {
			continue
		}
		if fix, _ := h.verdict(i); !byName && !fix {
			continue
		}
		if byName {
			named++
		}
		e := work.Evidence{ID: c.SHA, URL: c.URL, After: isAfter}
		if isAfter {
			after = append(after, e)
		} else {
			before = append(before, e)
		}
	}
	m.Before, m.After = len(before), len(after)
	if m.Before+m.After < MinEvents {
		return work.Impact{}, false
	}
	m.Evidence = append(after, before...)
	bb, okB := share(h.Baseline, func(t time.Time) bool { return !t.Before(from) && t.Before(w.First) })
	ba, okA := share(h.Baseline, func(t time.Time) bool { return t.After(w.Last) && !t.After(end) })
	var text strings.Builder
	files := "its files"
	if len(w.Files) < len(all) {
		// Say which: a reader counting fixes on all its files finds more.
		var left []string
		for _, f := range all {
			if !slices.Contains(w.Files, f) {
				left = append(left, path.Base(f))
			}
		}
		files = fmt.Sprintf("its files but %s (which much of the repository's work touches)", shortList(left))
	}
	fmt.Fprintf(&text, "%s by others touched %s in %s, against %d in the %d days before",
		count(m.After, "fix commit", "fix commits"), files, afterPhrase(afterDays, days), m.Before, days)
	if named > 0 {
		fmt.Fprintf(&text, " (%s it in a Fixes: trailer or %s it)", plural(named, "one names", fmt.Sprintf("%d name", named)), plural(named, "reverts", "revert"))
	}
	if okB && okA {
		m.BaselineBefore, m.BaselineAfter = bb, ba
		fmt.Fprintf(&text, "; repository-wide, %s of commits were fixes before and %s after", percent(bb), percent(ba))
		if h.Sampled {
			text.WriteString(" (an even sample)")
		}
	}
	text.WriteString(".")
	m.Text = text.String()
	return m, true
}

// Hubs: a file that HubShare or more of the windows' commits touch (and
// at least HubMin of them) is where everyone's work goes (a server's main
// file, go.mod, a changelog): fixes there say nothing of one change, and
// regressions are counted on the work's other files.
const (
	HubShare = 0.05
	HubMin   = 10
)

// quietFiles are the files of files that are not hubs of the commits
// from from to end, nor manifests, lockfiles or changelogs.
func quietFiles(files []string, h *History, from, end time.Time) []string {
	x := h.index()
	n := x.between(from, end)
	var out []string
	for _, f := range files {
		k := 0
		for _, i := range x.byPath[f] {
			if c := &h.Commits[i]; !c.Bot && !c.When.Before(from) && !c.When.After(end) {
				k++
			}
		}
		if k >= HubMin && float64(k) >= HubShare*float64(n) || isManifest(f) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// share is the percentage of fix commits among the classified commits
// whose time in is true; ok is false when there are none.
func share(cs []Classified, in func(time.Time) bool) (float64, bool) {
	n, fix := 0, 0
	for _, c := range cs {
		if in(c.When) {
			n++
			if c.Fix {
				fix++
			}
		}
	}
	if n == 0 {
		return 0, false
	}
	// One decimal: the JSON is compared as text.
	return float64(int(1000*float64(fix)/float64(n)+0.5)) / 10, true
}

// reflakes counts the commits after the work, touching its tests, that
// the recogniser calls flaky-test work again. None is the good news, and
// is said too.
func reflakes(w Work, h *History, days int) work.Impact {
	end, afterDays := afterWindow(w, h, days)
	m := base(work.MeasureReflakes, w, days, afterDays)
	for _, i := range h.index().candidates(w.Tests, nil, false) {
		c := &h.Commits[i]
		if c.Bot || own(w, c) || !c.When.After(w.Last) || c.When.After(end) || !touches(c, w.Tests) {
			continue
		}
		if _, flaky := h.verdict(i); !flaky {
			continue
		}
		m.Evidence = append(m.Evidence, work.Evidence{ID: c.SHA, URL: c.URL, After: true})
	}
	m.After = len(m.Evidence)
	if m.After == 0 {
		m.Text = fmt.Sprintf("No later commit touching its tests spoke of flakiness again in %s.", afterPhrase(afterDays, days))
	} else {
		m.Text = fmt.Sprintf("%s touching its tests spoke of flakiness again in %s.",
			upper(count(m.After, "later commit", "later commits")), afterPhrase(afterDays, days))
	}
	return m
}

// reach counts the other people whose commits, after the work, changed
// the files it added or added a reference to them, with their commits.
// Shown only when there is one.
func reach(w Work, h *History, days int) (work.Impact, bool) {
	end, afterDays := afterWindow(w, h, days)
	m := base(work.MeasureReach, w, days, afterDays)
	people := map[string]bool{}
	changed, used := 0, 0
	// Changing a file it added counts; a file someone else added later in
	// a folder it created is theirs, not its reach (a folder counts for
	// uses: an import names the package, not a file).
	var files []string
	for _, p := range w.New {
		if !strings.HasSuffix(p, "/") {
			files = append(files, p)
		}
	}
	for _, i := range h.index().candidates(files, w.New, false) {
		c := &h.Commits[i]
		if c.Bot || c.Mine || own(w, c) || !c.When.After(w.Last) || c.When.After(end) {
			continue
		}
		t, u := touches(c, files), len(c.Uses) > 0 && anyIn(c.Uses, w.New)
		if !t && !u {
			continue
		}
		if t {
			changed++
		}
		if u {
			used++
		}
		people[c.Author] = true
		m.Evidence = append(m.Evidence, work.Evidence{ID: c.SHA, URL: c.URL, After: true})
	}
	if len(people) == 0 {
		return work.Impact{}, false
	}
	m.People, m.Commits = len(people), len(m.Evidence)
	// The files, not the lines: who changed a file it added, or added a
	// reference to it, not whose lines they changed.
	what := "changed or referred to the files it added"
	switch {
	case used == 0:
		what = "changed the files it added"
	case changed == 0:
		what = "referred to the files it added"
	}
	m.Text = fmt.Sprintf("%s %s in %s (%s).",
		upper(count(m.People, "other person", "other people")), what, afterPhrase(afterDays, days), count(m.Commits, "commit", "commits"))
	return m, true
}

func anyIn(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// afterPhrase is "the 180 days after it", or "the 95 days after it so far
// (of 180)" while the window is incomplete.
func afterPhrase(afterDays, days int) string {
	if afterDays >= days {
		return fmt.Sprintf("the %d days after it", days)
	}
	return fmt.Sprintf("the %s after it so far (of %d)", count(afterDays, "day", "days"), days)
}

func count(n int, one, many string) string { return fmt.Sprintf("%d %s", n, plural(n, one, many)) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func percent(p float64) string {
	if p == float64(int(p)) {
		return fmt.Sprintf("%d%%", int(p))
	}
	return fmt.Sprintf("%.1f%%", p)
}

func upper(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// shortList is "a, b and c", or "a, b, c and 4 more".
func shortList(xs []string) string {
	if len(xs) > 3 {
		return strings.Join(xs[:3], ", ") + fmt.Sprintf(" and %d more", len(xs)-3)
	}
	if len(xs) <= 1 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}
