package history

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/object/commitgraph"

	"github.com/git-career/git-career/analyzer/work"
	"github.com/git-career/git-career/internal/gitengine"
)

// Options says whose work to look for, and when.
type Options struct {
	// Mailmap is extra mailmap text (the file named by mailmap.file), read
	// after the .mailmap at HEAD so that it wins, as in git.
	Mailmap  string
	Identity work.Identity
	Period   work.Period
	// GitHubHosts are GitHub Enterprise servers whose remotes, like
	// github.com's, name a repository "owner/name" and link its commits.
	GitHubHosts []string
	Progress    io.Writer // progress lines; nil for none
	// PullRequest reports whether pull request num of the repository
	// (named "owner/name" as Scan.Source.Repo names it) is the user's: its
	// local commits are then marked with its number. Nil for none.
	PullRequest func(repo string, num int) bool
	// Window, when set, asks Read to keep the mainline's commits whose
	// committer date falls in it (Scan.Window), for measuring what came
	// before and after the work: the walk goes on past the period to its
	// start.
	Window *TimeRange
	// WindowIfWork reads the window before the period only when the
	// period holds a commit of the user's (or one crediting them): with
	// nothing to measure, the walk ends where it would without a window,
	// and Scan.Window is nil.
	WindowIfWork bool
}

// Evidence is one commit of the user's, or one crediting them, read in full.
type Evidence struct {
	Commit *work.Commit
	// Credited is true when someone else authored the commit and credited
	// the user with a Co-authored-by trailer, or another of credit
	// (CreditedAs names it: "Helped-by", "Based-on-patch-by", ...).
	Credited   bool
	CreditedAs string
	// PullRequest is the number of the user's pull request the commit
	// belongs to (a squash merge's "(#12)" or the branch of a merge), or 0.
	PullRequest int
	// When is the day the work counts at: a commit that a pull request
	// brought into the mainline counts when the pull request was merged
	// (a squash commit's "(#12)" at its commit date, the branch of a
	// "Merge pull request #12" at the merge's), any other at its author
	// date. A pull request's commits are thus in one period, always the
	// same one.
	When time.Time
	// Unmerged is true for a commit only on branches other than the
	// mainline: work not shipped yet.
	Unmerged bool
	// Landed names the batch of the person's commits that reached the
	// mainline together, in one go ("" for none): a rebase merge of a
	// pull request writes its commits one after another with one
	// committer and one commit time. They are one piece of work.
	Landed string
	// RevertedBy is the mainline commit that reverted this one after the
	// period ("" for none), and RevertedAt when it counts: the work
	// shipped in the period, and was undone later. (A revert within the
	// period cancels the work, and neither is listed.)
	RevertedBy string
	RevertedAt time.Time
}

// Scan is what Read found in one repository.
type Scan struct {
	Source work.Source
	// Web is the repository's https base ("https://github.com/owner/name")
	// when its remote is on GitHub, else "".
	Web     string
	Commits []Evidence // in the order of the walk: newest committer time first
	// Mainline is the name of the default branch, which decides what
	// shipped: "main", or "HEAD" when no branch is.
	Mainline string
	// Owners returns the CODEOWNERS owners of a path; nil when the
	// repository has no CODEOWNERS file.
	Owners func(path string) []string
	// Activity is who committed here, by quarter ("2026Q3") of the days
	// the commits count at, over the quarters the period touches: the
	// user's commits and other people's (bots left out).
	Activity map[string]Activity
	// Merges are the merge commits of the pull requests Options.PullRequest
	// asked for, by number.
	Merges map[int]Merge
	// Window is the history Options.Window asked for; nil without.
	Window *Window
	// Later are the user's pull requests merged after the period that
	// commits they wrote in it went into, by merge date then number.
	Later []Later
	// Tagged are the releases the user tagged in the period: annotated
	// tags named as versions whose tagger is the user, oldest first.
	Tagged []Tagged
	// LeftOut are the commits of the user's in the period left out on
	// purpose, by id, with why: "reverted" (a commit and its revert) or
	// "copy" (of a mainline commit, or of another unmerged one).
	LeftOut map[string]string
}

// Tagged is a release the user tagged: the tag's name and its date.
type Tagged struct {
	Tag  string
	When time.Time
}

// versionTag names a release: "v1.2.3", "3.0.3", "release-2.4", "v2.0.0-rc.1";
// not a maintenance branch's marker ("2.3.x").
var versionTag = regexp.MustCompile(`^(?:[\w.-]+[-/@])?v?\d+(?:\.\d+)+(?:[-+][0-9A-Za-z.-]+)?$`)

// taggedReleases are the version tags of the repository the user made
// in the period, oldest first.
func taggedReleases(eng *gitengine.Repo, m *work.Matcher, mm *mailmapTable, period work.Period) ([]Tagged, error) {
	if m.All() {
		return nil, nil
	}
	tags, err := eng.AnnotatedTags()
	if err != nil {
		return nil, err
	}
	var out []Tagged
	for _, t := range tags {
		if !versionTag.MatchString(t.Name) || !period.Contains(t.When) {
			continue
		}
		if m.Match(mm.Map(work.Person{Name: t.TaggerName, Email: t.TaggerEmail})) {
			out = append(out, Tagged{Tag: t.Name, When: t.When})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].When.Before(out[j].When) })
	return out, nil
}

// Later is a pull request merged after the period with commits the user
// wrote in it: work in progress when the period ended.
type Later struct {
	PullRequest int
	Title       string
	Merged      time.Time
	Commits     int
	First, Last time.Time // the author dates of those commits
	merge       plumbing.Hash
	subject     string // a squash commit's, for its title
}

// Activity counts the human commits of a repository in a quarter.
type Activity struct {
	Mine, Others int
}

// Merge is the merge commit of a pull request, as GitHub writes it:
// "Merge pull request #12 from owner/branch", a blank line, the title.
type Merge struct {
	Title string // the pull request's title; "" when the message has none
	When  time.Time
}

// mergeTitle is the first line after a merge commit's subject; when the
// message has none (a merge made before GitHub wrote titles, or by hand),
// the branch's name read as words ("owner/1234-add-skip-ssh-key-option":
// "Add skip ssh key option"), when it says more than a default name does.
func mergeTitle(msg string) string {
	subject, rest, _ := strings.Cut(msg, "\n")
	if !mergePRRe.MatchString(subject) {
		// The pull request's title is the subject: "Add X (#12)".
		if loc := squashPRRe.FindStringIndex(subject); loc != nil {
			return strings.TrimSpace(subject[:loc[0]])
		}
	}
	for _, l := range strings.Split(rest, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return branchTitle(subject)
}

var (
	mergeBranchRe = regexp.MustCompile(`^Merge pull request #\d+ from [^/\s]+/(\S+)`)
	// A branch name that says nothing of the work: GitHub's "patch-1",
	// a default or long-lived branch, a bare number.
	vagueBranchRe = regexp.MustCompile(`(?i)^(patch|main|master|trunk|develop|dev|next|release|fix|update|wip|changes|branch|pr)?[\s\d.]*$`)
)

// branchTitle is the words of the branch a pull request's merge subject
// names, the user's prefix ("owner/", "feature/") and a leading ticket
// number left out; "" when they say nothing.
func branchTitle(subject string) string {
	m := mergeBranchRe.FindStringSubmatch(strings.TrimSpace(subject))
	if m == nil {
		return ""
	}
	name := m[1]
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	words := strings.Fields(strings.Map(func(r rune) rune {
		if r == '-' || r == '_' {
			return ' '
		}
		return r
	}, name))
	for len(words) > 0 && strings.Trim(words[0], "0123456789#") == "" {
		words = words[1:]
	}
	t := strings.Join(words, " ")
	if len(words) < 2 || vagueBranchRe.MatchString(t) {
		return ""
	}
	return strings.ToUpper(t[:1]) + t[1:]
}

// QuarterOf is the label of the calendar quarter t falls in: "2026Q3".
func QuarterOf(t time.Time) string {
	return fmt.Sprintf("%dQ%d", t.Year(), (int(t.Month())-1)/3+1)
}

// revertRe finds the line git revert writes into the message.
var revertRe = regexp.MustCompile(`This reverts commit ([0-9a-f]{40})`)

// candidate is a commit of the user's (or one crediting them) before diffs.
type candidate struct {
	commit   *object.Commit
	author   work.Person
	credited bool
	// creditedAs is the trailer that credits the user ("Co-authored-by",
	// "Helped-by", ...) when credited.
	creditedAs string
	trailers   []work.Trailer
	coauth     []work.Person
	tip        int // index of the tip it was reached from
	when       time.Time
	pr         int // the pull request that merged it, whoever's; 0 for none
	unmerged   bool
}

// Read walks the repository's history and returns the user's commits of
// the period, and others' commits that credit the user, with their changed
// files and line counts. It walks every local branch, HEAD and the
// mainline (see gitengine.Repo.Mainline), each commit once, in
// committer-time order, and stops a few days before the period, or before
// Options.Window when it starts earlier.
//
// What shipped is what the mainline reaches: a commit only on other
// branches is Unmerged, and a copy of a mainline commit on another branch
// (rebased, cherry-picked, or squashed with its branch into one mainline
// commit with the same result) is left out, the mainline's being the one
// listed. Merge commits are skipped, and a commit reverted later is left
// out with its revert.
//
// It stops early, with ctx's error, when ctx is done.
func (r *Repo) Read(ctx context.Context, opt Options) (*Scan, error) {
	m := work.NewMatcher(opt.Identity)
	wantPR := opt.PullRequest
	if wantPR == nil {
		wantPR = func(string, int) bool { return false }
	}
	eng := r.eng
	name, web := r.Name(opt.GitHubHosts)
	scan := &Scan{Web: web, Source: work.Source{Kind: "git", Repo: name, Path: r.Path()}, Activity: map[string]Activity{}}
	src := &scan.Source
	prog := newProgress(opt.Progress, name)
	defer prog.done()

	mm, err := eng.HeadFile(".mailmap")
	if err != nil {
		return nil, err
	}
	mailmap := parseMailmap(mm)
	mailmap.Add(opt.Mailmap)

	shallow, err := eng.Shallow()
	if err != nil {
		return nil, err
	}
	// A shallow clone is read as far as it goes; Source.Shallow carries the
	// warning, which the command and the doc both show with the fix.
	src.Shallow = len(shallow) > 0

	tips, err := eng.Tips()
	if err != nil {
		return nil, err
	}
	mainTips, mainName, err := eng.Mainline()
	if err != nil {
		return nil, err
	}
	scan.Mainline = mainName
	ml := newMainline(mainTips)
	for _, t := range mainTips {
		// The remote's default branch is read too: work merged there is
		// shipped, however old the local branch of that name is.
		tips = appendTip(tips, t)
	}

	owners, err := r.codeowners()
	if err != nil {
		return nil, err
	}
	var cands []candidate
	// The user's commits are diffed while the walk goes on.
	diffs := eng.StartDiffs()
	defer diffs.Stop()
	reverted := map[string]revertMark{} // reverted sha → the mainline's revert of it
	walkStop := opt.Period.Since.Add(-gitengine.StopMargin)
	stop := walkStop
	if opt.Window != nil {
		scan.Window = &Window{Range: *opt.Window, eng: eng}
		for _, t := range tips {
			if n, err := eng.Nodes().Get(t.Hash); err == nil && n.CommitTime().After(scan.Window.Newest) {
				scan.Window.Newest = n.CommitTime()
			}
		}
		if ws := opt.Window.Since.Add(-gitengine.StopMargin); ws.Before(stop) {
			stop = ws
		}
	}
	// The walk reads each commit's parents before the commit: the tree
	// diffs take a parent's tree from there rather than reading the
	// parent again. A node holds its tree (from the commit-graph file, or
	// from the commit's header, decoded when read), so it costs nothing.
	treeOf := map[plumbing.Hash]plumbing.Hash{}
	fetched := func(n commitgraph.CommitNode) {
		if t, ok := gitengine.NodeTree(n); ok {
			treeOf[n.ID()] = t
		}
	}
	knownTree := func(h plumbing.Hash) (plumbing.Hash, bool) {
		t, ok := treeOf[h]
		return t, ok
	}
	// consider takes one non-merge commit: counted in the activity, and
	// a candidate when it is the user's (or credits them) and counts in
	// the period.
	active := map[string]*AuthorCount{}
	defer func() {
		for _, a := range mostCommits(active, maxActive) {
			scan.Source.Active = append(scan.Source.Active, a.Person)
		}
	}()
	later := map[int]*Later{}
	consider := func(c *object.Commit, place placement, tip int) {
		if sm := revertRe.FindStringSubmatch(c.Message); sm != nil {
			// Of two reverts, one on the mainline counts before one on a
			// branch only, then the first.
			r, ok := reverted[sm[1]]
			if !ok || r.unmerged && !place.unmerged || r.unmerged == place.unmerged && place.when.Before(r.when) {
				reverted[sm[1]] = revertMark{by: c.Hash.String(), when: place.when, unmerged: place.unmerged}
			}
		}
		if !opt.Period.Contains(place.when) {
			if place.pr > 0 && !place.unmerged && !m.All() && place.when.After(opt.Period.Since) && opt.Period.Contains(c.Author.When) &&
				m.Match(mailmap.Map(work.Person{Name: c.Author.Name, Email: c.Author.Email})) {
				// Written in the period, merged after it.
				l := later[place.pr]
				if l == nil {
					l = &Later{PullRequest: place.pr, Merged: place.when, merge: place.merge, First: c.Author.When, Last: c.Author.When}
					later[place.pr] = l
				}
				l.Commits++
				if c.Author.When.Before(l.First) {
					l.First = c.Author.When
				}
				if c.Author.When.After(l.Last) {
					l.Last = c.Author.When
				}
				if place.merge.IsZero() {
					l.subject, _, _ = strings.Cut(c.Message, "\n")
				}
			}
			return
		}
		author := mailmap.Map(work.Person{Name: c.Author.Name, Email: c.Author.Email})
		if automated(c.Message) {
			// A workflow's commit made under the person's name (a deploy
			// of the site, a regenerated file) is not their work.
			return
		}
		isMine := m.Match(author)
		if !isMine && work.IsBot(author) {
			// Bots make nothing: a dependency bump crediting the user is
			// not collaboration, and a bot's commits say nothing about
			// who works here.
			return
		}
		q := QuarterOf(place.when.In(opt.Period.Since.Location()))
		act := scan.Activity[q]
		if isMine {
			act.Mine++
		} else {
			act.Others++
			key := strings.ToLower(author.Email)
			if active[key] == nil {
				active[key] = &AuthorCount{Person: author}
			}
			active[key].Commits++
		}
		scan.Activity[q] = act
		// Every commit's trailers are read: others' commits may credit the user.
		trailers := parseTrailers(c.Message)
		co := creditedPeople(trailers, author, mailmap)
		// Co-authors are the people the user worked with: the user's own
		// other addresses are not among them, and finding the user there
		// means the commit credits them.
		credited, creditedAs := false, ""
		others := co[:0:0]
		for _, p := range co {
			if !m.All() && m.Match(p) {
				credited = !isMine
				creditedAs = "Co-authored-by"
			} else {
				others = append(others, p)
			}
		}
		if !isMine && !credited && !m.All() {
			if creditedAs = creditedBy(trailers, m.Match, mailmap); creditedAs != "" {
				credited = true
			}
		}
		if !isMine && !credited {
			return
		}
		if !credited {
			creditedAs = ""
		}
		cands = append(cands, candidate{commit: c, author: author, credited: credited, creditedAs: creditedAs, trailers: trailers, coauth: others,
			tip: tip, when: place.when, pr: place.pr, unmerged: place.unmerged})
		if shallow[c.Hash] {
			// Its parents were not fetched: like git, show the commit as if
			// it were a root commit.
			graft := *c
			graft.ParentHashes = nil
			diffs.Add(&graft, plumbing.ZeroHash, false)
			return
		}
		var parentTree plumbing.Hash
		parentKnown := false
		if len(c.ParentHashes) > 0 {
			parentTree, parentKnown = knownTree(c.ParentHashes[0])
		}
		diffs.Add(c, parentTree, parentKnown)
	}
	// deepMerges are the pull request merges of the period: their
	// branches may reach back past where the walk stops. deep are the
	// commits older than the period the walk found they brought in (by
	// the merge's id).
	var deepMerges []*object.Commit
	deep := map[plumbing.Hash][]*object.Commit{}
	// keep puts a non-merge commit of the mainline in the window.
	keep := func(n commitgraph.CommitNode, c *object.Commit, place placement) {
		w := scan.Window
		if w == nil || place.unmerged || !w.Range.Contains(c.Committer.When) {
			return
		}
		author := mailmap.Map(work.Person{Name: c.Author.Name, Email: c.Author.Email})
		var parentTree plumbing.Hash
		parentKnown := shallow[c.Hash] || len(c.ParentHashes) == 0
		if !parentKnown {
			parentTree, parentKnown = knownTree(c.ParentHashes[0])
		}
		w.keep(c, author, parentTree, parentKnown)
	}
	oldRun := 0 // commits in a row before the period (WindowIfWork)
	missingCommits, err := gitengine.WalkTips(eng.Nodes(), tips, shallow, stop, fetched, func(n commitgraph.CommitNode, tip int) error {
		// A commit's tree is wanted by its children, visited before it.
		defer delete(treeOf, n.ID())
		if !n.CommitTime().Before(walkStop) {
			oldRun = 0
		}
		if n.CommitTime().Before(walkStop) {
			if opt.WindowIfWork && scan.Window != nil && len(cands) == 0 {
				// Nothing of the user's to measure: stop as the walk
				// without a window would.
				if oldRun++; oldRun >= gitengine.StopRun {
					scan.Window = nil
					return gitengine.ErrStopWalk
				}
			}
			// Before the period: only the window wants it.
			if scan.Window == nil || n.CommitTime().Before(scan.Window.Range.Since.Add(-gitengine.StopMargin)) {
				return nil
			}
			var c *object.Commit
			place, err := ml.visit(n, func() (*object.Commit, error) {
				if c != nil {
					return c, nil
				}
				var err error
				c, err = n.Commit()
				return c, err
			})
			if err != nil || n.NumParents() > 1 {
				return err
			}
			if c == nil {
				if c, err = n.Commit(); err != nil {
					return fmt.Errorf("reading commit %s: %w", n.ID(), err)
				}
			}
			c = gitengine.Reencode(c)
			if place.pr > 0 && !place.merge.IsZero() && opt.Period.Contains(place.when) {
				// Older than the period, but a pull request merged in it
				// brought it in: it counts there (taken below, in the
				// order of its merge).
				deep[place.merge] = append(deep[place.merge], c)
			}
			keep(n, c, place)
			return nil
		}
		if src.CommitsScanned%cancelEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		src.CommitsScanned++
		prog.tick(src.CommitsScanned)
		var c *object.Commit
		commit := func() (*object.Commit, error) {
			if c != nil {
				return c, nil
			}
			var err error
			if c, err = n.Commit(); err != nil {
				return nil, fmt.Errorf("reading commit %s: %w", n.ID(), err)
			}
			return c, nil
		}
		place, err := ml.visit(n, commit)
		if err != nil {
			return err
		}
		if n.NumParents() > 1 {
			// A merge is no contribution; the commits it brings in are.
			if !ml.chain[n.ID()] {
				return nil
			}
			c, err := commit()
			if err != nil {
				return err
			}
			num, ok := mergePR(c.Message)
			if !ok {
				return nil
			}
			if wantPR(name, num) {
				if scan.Merges == nil {
					scan.Merges = map[int]Merge{}
				}
				scan.Merges[num] = Merge{Title: mergeTitle(c.Message), When: c.Committer.When}
			}
			if opt.Period.Contains(c.Committer.When) {
				deepMerges = append(deepMerges, c)
			}
			return nil
		}
		c, err = commit()
		if err != nil {
			return err
		}
		c = gitengine.Reencode(c)
		keep(n, c, place)
		consider(c, place, tip)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	// A pull request merged in the period may hold commits older than the
	// period: the walk found those it went far enough to reach (a merge
	// hands its mark down to the commits it brought in); a merge whose
	// marks are still waiting on commits the walk did not reach has its
	// branch read to its fork point.
	pending := map[plumbing.Hash]bool{}
	for _, mk := range ml.via {
		if mk.pr > 0 && opt.Period.Contains(mk.when) {
			pending[mk.merge] = true
		}
	}
	for _, mg := range deepMerges {
		members := map[plumbing.Hash]*object.Commit{}
		for _, c := range deep[mg.Hash] {
			members[c.Hash] = c
		}
		if pending[mg.Hash] {
			more, ok := gitengine.BranchCommits(eng.Nodes(), mg.ParentHashes[0], mg.ParentHashes[1], shallow)
			for h := range more {
				if _, found := members[h]; found || !ok {
					continue
				}
				n, err := eng.Nodes().Get(h)
				if err != nil || !n.CommitTime().Before(walkStop) || n.NumParents() > 1 {
					continue // read by the walk already, or a merge
				}
				c, err := n.Commit()
				if err != nil {
					continue
				}
				members[h] = gitengine.Reencode(c)
			}
		}
		num, _ := mergePR(mg.Message)
		for _, h := range sortedHashes(members) {
			consider(members[h], placement{when: mg.Committer.When, pr: num}, 0)
		}
	}

	results, err := diffs.Wait(func(n int) { prog.diffs(n, len(cands)) })
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	// The diffs are done: what reads on (the window) has the cache.
	eng.FullCache()
	// A revert after the period does not unsay that the work shipped in
	// it: the work is listed, reverted later.
	byPeriodEnd := func(t time.Time) bool { return t.Before(opt.Period.Until.AddDate(0, 0, 1)) }
	// A revert on a branch only undoes only what is on branches too.
	unmerged := map[string]bool{}
	for _, cd := range cands {
		if cd.unmerged {
			unmerged[cd.commit.Hash.String()] = true
		}
	}
	drop := cancelledPairs(reverted, func(sha string, r revertMark) bool {
		return byPeriodEnd(r.when) && (!r.unmerged || unmerged[sha])
	})
	copies := copiesOfMainline(cands, results)
	for sha := range copies {
		drop[sha] = true
	}
	unknown := missingObjects{walk: missingCommits}
	landed := landedTogether(cands, drop)
	for i, cd := range cands {
		sha := cd.commit.Hash.String()
		if drop[sha] {
			if scan.LeftOut == nil {
				scan.LeftOut = map[string]string{}
			}
			scan.LeftOut[sha] = "reverted"
			if copies[sha] {
				scan.LeftOut[sha] = "copy"
			}
			continue
		}
		files, countsUnknown := fileChanges(results[i].Files), results[i].Unknown
		if countsUnknown {
			unknown.add(cd.tip, sha)
		}
		subject, body, _ := strings.Cut(strings.TrimRight(cd.commit.Message, "\n"), "\n")
		e := Evidence{Credited: cd.credited, CreditedAs: cd.creditedAs, When: cd.when, Unmerged: cd.unmerged, Commit: &work.Commit{
			Repo: name, SHA: sha, Author: cd.author,
			AuthorDate: cd.commit.Author.When, CommitterDate: cd.commit.Committer.When,
			Subject: strings.TrimSpace(subject), Body: strings.TrimSpace(body),
			Trailers: cd.trailers, Coauthors: cd.coauth, Files: files,
			CountsUnknown: countsUnknown,
		}}
		e.Landed = landed[sha]
		if r, ok := reverted[sha]; ok && !byPeriodEnd(r.when) && !r.unmerged {
			if _, reapplied := reverted[r.by]; !reapplied {
				e.RevertedBy, e.RevertedAt = r.by, r.when
			}
		}
		if cd.pr > 0 && wantPR(name, cd.pr) {
			e.PullRequest = cd.pr // grouped under the pull request
		}
		scan.Commits = append(scan.Commits, e)
	}
	if len(cands) > 0 {
		// Only someone with commits here tags its releases: reading a
		// thousand tags for a stranger would cost what the period does.
		if scan.Tagged, err = taggedReleases(eng, m, mailmap, opt.Period); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	for _, l := range later {
		switch {
		case !l.merge.IsZero():
			if n, err := eng.Nodes().Get(l.merge); err == nil {
				if mc, err := n.Commit(); err == nil {
					l.Title = mergeTitle(mc.Message)
				}
			}
		default:
			if loc := squashPRRe.FindStringIndex(l.subject); loc != nil {
				l.Title = strings.TrimSpace(l.subject[:loc[0]])
			}
		}
		scan.Later = append(scan.Later, *l)
	}
	sort.Slice(scan.Later, func(i, j int) bool {
		a, b := scan.Later[i], scan.Later[j]
		if !a.Merged.Equal(b.Merged) {
			return a.Merged.Before(b.Merged)
		}
		return a.PullRequest < b.PullRequest
	})
	if w := unknown.warning(eng, tips); w != "" {
		src.Warnings = append(src.Warnings, w)
	}
	if owners != nil {
		scan.Owners = owners.Owners
	}
	return scan, nil
}

// revertMark is the commit that reverts another, when it counts, and
// whether it is on branches only.
type revertMark struct {
	by       string
	when     time.Time
	unmerged bool
}

// cancelledPairs returns the commits to leave out: a commit reverted
// later where in says the revert counts (by the end of the period, and
// on the branches the commit is on), and its revert,
// since together they changed nothing. A revert that was itself
// reverted cancels nothing: the work was re-applied, and the original
// commit stays (reverted maps a commit to the commit reverting it).
func cancelledPairs(reverted map[string]revertMark, in func(sha string, r revertMark) bool) map[string]bool {
	memo := map[string]bool{}
	var cancelled func(sha string, depth int) bool
	cancelled = func(sha string, depth int) bool {
		if v, ok := memo[sha]; ok {
			return v
		}
		r, ok := reverted[sha]
		v := ok && in(sha, r) && depth < 100 && !cancelled(r.by, depth+1)
		memo[sha] = v
		return v
	}
	drop := map[string]bool{}
	for sha, r := range reverted {
		if cancelled(sha, 0) {
			drop[sha], drop[r.by] = true, true
		}
	}
	return drop
}

// creditedPeople returns the co-authors a commit credits, through the
// mailmap, without bots and without the commit's own author.
func creditedPeople(trailers []work.Trailer, author work.Person, mm *mailmapTable) []work.Person {
	var out []work.Person
	for _, p := range coauthors(trailers) {
		p = mm.Map(p)
		if strings.EqualFold(p.Email, author.Email) && p.Email != "" {
			continue
		}
		out = append(out, p)
	}
	return out
}

// cancelEvery is how many commits the walk reads between looks at its
// context: often enough to stop at once, rarely enough to cost nothing.
const cancelEvery = 1024

// fileChanges are the engine's counts as the domain's evidence.
func fileChanges(fs []gitengine.FileChange) []work.FileChange {
	if fs == nil {
		return nil
	}
	out := make([]work.FileChange, len(fs))
	for i, f := range fs {
		out[i] = work.FileChange{Path: f.Path, OldPath: f.OldPath, Additions: f.Additions, Deletions: f.Deletions, Binary: f.Binary}
	}
	return out
}

// maxActive is how many of a period's authors Source.Active names.
const maxActive = 5

// automatedRe matches the default messages of the popular GitHub Actions
// that commit under the identity of whoever set them up:
// JamesIves/github-pages-deploy-action ("Deploying to gh-pages from @
// owner/repo@<sha> 🚀"), peaceiris/actions-gh-pages ("deploy: <sha>"),
// stefanzweifel/git-auto-commit-action ("Apply automatic changes") and
// peter-evans/create-pull-request ("[create-pull-request] automated
// change").
var automatedRe = regexp.MustCompile(`^(Deploying to \S+ from @ \S+@[0-9a-f]{7,40}\b|deploy: [0-9a-f]{40}\s*$|Apply automatic changes\s*$|\[create-pull-request\] automated change\s*$)`)

// automated reports whether a commit message is one a workflow wrote.
func automated(message string) bool {
	subject, _, _ := strings.Cut(message, "\n")
	return automatedRe.MatchString(subject)
}
