package history

import (
	"context"
	"fmt"
	"io"
	"regexp"
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
}

// Evidence is one commit of the user's, or one crediting them, read in full.
type Evidence struct {
	Commit *work.Commit
	// Credited is true when someone else authored the commit and credited
	// the user with a Co-authored-by trailer.
	Credited bool
	// PullRequest is the number of the user's pull request the commit
	// belongs to (a squash merge's "(#12)" or the branch of a merge), or 0.
	PullRequest int
}

// Scan is what Read found in one repository.
type Scan struct {
	Source work.Source
	// Web is the repository's https base ("https://github.com/owner/name")
	// when its remote is on GitHub, else "".
	Web     string
	Commits []Evidence // in the order of the walk: newest committer time first
	// Owners returns the CODEOWNERS owners of a path; nil when the
	// repository has no CODEOWNERS file.
	Owners func(path string) []string
	// AreaLog is, without CODEOWNERS only, every human commit (the user's
	// and others') in the area windows of the period's quarters, newest
	// first, with the top-level folders it changed: who works where.
	AreaLog []AreaCommit
	// Merges are the merge commits of the pull requests Options.PullRequest
	// asked for, by number.
	Merges map[int]Merge
}

// Merge is the merge commit of a pull request, as GitHub writes it:
// "Merge pull request #12 from owner/branch", a blank line, the title.
type Merge struct {
	Title string // the pull request's title; "" when the message has none
	When  time.Time
}

// mergeTitle is the first line after a merge commit's subject.
func mergeTitle(msg string) string {
	_, rest, _ := strings.Cut(msg, "\n")
	for _, l := range strings.Split(rest, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

// AreaCommit is one commit's evidence of who works where.
type AreaCommit struct {
	When  time.Time
	Areas []string // top-level folders changed
	Mine  bool     // the user's
}

// AreaWindow is the window of history that tells who works where, for a
// commit made at t: the year up to the end of t's quarter. It depends on
// the commit alone, so a commit's categories are the same whatever period
// is asked (a quarter, or the year it is in). until is exclusive.
func AreaWindow(t time.Time) (since, until time.Time) {
	q := (int(t.Month()) - 1) / 3
	until = time.Date(t.Year(), time.Month(3*q+4), 1, 0, 0, 0, 0, t.Location())
	return until.AddDate(-1, 0, 0), until
}

// revertRe finds the line git revert writes into the message.
var revertRe = regexp.MustCompile(`This reverts commit ([0-9a-f]{40})`)

// candidate is a commit of the user's (or one crediting them) before diffs.
type candidate struct {
	commit   *object.Commit
	author   work.Person
	credited bool
	trailers []work.Trailer
	coauth   []work.Person
	tip      int // index of the tip it was reached from
}

// Read walks the repository's history (every local branch and HEAD, each
// commit once, in committer-time order, stopping a few days before the
// period) and returns the user's commits of the period, and others'
// commits that credit the user, with their changed files and line counts.
// Merge commits are skipped, and a commit reverted later is left out with
// its revert.
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
	scan := &Scan{Web: web, Source: work.Source{Kind: "git", Repo: name, Path: r.Path()}}
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
	owners, err := r.codeowners()
	if err != nil {
		return nil, err
	}
	var cands []candidate
	// The user's commits are diffed while the walk goes on.
	diffs := eng.StartDiffs()
	defer diffs.Stop()
	type prMerge struct {
		num            int
		mainline, head plumbing.Hash
	}
	var merges []prMerge
	wantMerges := opt.PullRequest != nil
	reverted := map[string]string{} // reverted sha → the revert's sha
	stopBefore := opt.Period.Since.Add(-gitengine.StopMargin)
	// Without CODEOWNERS, who works where is learnt from a year of
	// everyone's commits around the period (AreaWindow), read further
	// back than the period itself.
	walkStop := stopBefore
	var areaSince, areaUntil time.Time
	if owners == nil {
		areaSince, areaUntil = AreaWindow(opt.Period.Since)
		_, areaUntil = AreaWindow(opt.Period.Until)
		if s := areaSince.Add(-gitengine.StopMargin); s.Before(walkStop) {
			walkStop = s
		}
	}
	// The walk reads each commit's parents before the commit: area
	// sampling and the tree diffs take a parent's tree from there rather
	// than reading the parent again. Without the commit-graph a node holds
	// its decoded commit, so the tree costs nothing; with it, Commit()
	// would decode again, and the header read stays cheaper.
	treeOf := map[plumbing.Hash]plumbing.Hash{}
	var fetched func(commitgraph.CommitNode)
	if !eng.Graph() {
		fetched = func(n commitgraph.CommitNode) {
			if c, err := n.Commit(); err == nil {
				treeOf[n.ID()] = c.TreeHash
			}
		}
	}
	knownTree := func(h plumbing.Hash) (plumbing.Hash, bool) {
		t, ok := treeOf[h]
		return t, ok
	}
	areas := eng.NewAreaSampler(knownTree)
	missingCommits, err := gitengine.WalkTips(eng.Nodes(), tips, shallow, walkStop, fetched, func(n commitgraph.CommitNode, tip int) error {
		// A commit's tree is wanted by its children, visited before it.
		defer delete(treeOf, n.ID())
		if n.CommitTime().Before(walkStop) {
			return nil
		}
		inScan := !n.CommitTime().Before(stopBefore)
		if inScan {
			if src.CommitsScanned%cancelEvery == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			src.CommitsScanned++
			prog.tick(src.CommitsScanned)
		}
		if n.NumParents() > 1 && !(wantMerges && inScan) {
			return nil // merges are not contributions; their second parents are
		}
		c, err := n.Commit()
		if err != nil {
			return fmt.Errorf("reading commit %s: %w", n.ID(), err)
		}
		if n.NumParents() > 1 {
			// The merge of one of the user's pull requests: its branch's
			// commits are grouped under the pull request.
			if num, ok := mergePR(c.Message); ok && wantPR(name, num) {
				merges = append(merges, prMerge{num, c.ParentHashes[0], c.ParentHashes[1]})
				if scan.Merges == nil {
					scan.Merges = map[int]Merge{}
				}
				scan.Merges[num] = Merge{Title: mergeTitle(c.Message), When: c.Committer.When}
			}
			return nil
		}
		c = gitengine.Reencode(c)
		if sm := revertRe.FindStringSubmatch(c.Message); sm != nil {
			reverted[sm[1]] = c.Hash.String()
		}
		inPeriod := opt.Period.Contains(c.Author.When)
		inAreas := owners == nil && !c.Author.When.Before(areaSince) && c.Author.When.Before(areaUntil) && len(scan.AreaLog) < areaSampleCap
		if !inPeriod && !inAreas {
			return nil
		}
		author := mailmap.Map(work.Person{Name: c.Author.Name, Email: c.Author.Email})
		isMine := m.Match(author)
		if !isMine && work.IsBot(author) {
			// Bots make nothing: a dependency bump crediting the user is
			// not collaboration, and a bot's commits say nothing about
			// who works where.
			return nil
		}
		if inAreas {
			as, err := areas.Areas(c, shallow[c.Hash])
			if err != nil {
				return err
			}
			scan.AreaLog = append(scan.AreaLog, AreaCommit{When: c.Author.When, Areas: as, Mine: isMine})
		}
		if !inPeriod {
			return nil
		}
		// Every commit's trailers are read: others' commits may credit the user.
		trailers := parseTrailers(c.Message)
		co := creditedPeople(trailers, author, mailmap)
		// Co-authors are the people the user worked with: the user's own
		// other addresses are not among them, and finding the user there
		// means the commit credits them.
		credited := false
		others := co[:0:0]
		for _, p := range co {
			if !m.All() && m.Match(p) {
				credited = !isMine
			} else {
				others = append(others, p)
			}
		}
		if !isMine && !credited {
			return nil
		}
		cands = append(cands, candidate{commit: c, author: author, credited: credited, trailers: trailers, coauth: others, tip: tip})
		if shallow[c.Hash] {
			// Its parents were not fetched: like git, show the commit as if
			// it were a root commit.
			graft := *c
			graft.ParentHashes = nil
			diffs.Add(&graft, plumbing.ZeroHash, false)
			return nil
		}
		var parentTree plumbing.Hash
		parentKnown := false
		if len(c.ParentHashes) > 0 {
			parentTree, parentKnown = knownTree(c.ParentHashes[0])
		}
		diffs.Add(c, parentTree, parentKnown)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}

	inPR := map[string]int{} // sha → number of the user's pull request it was merged in
	for _, mg := range merges {
		members, ok := gitengine.BranchCommits(eng.Nodes(), mg.mainline, mg.head, shallow)
		if !ok {
			continue
		}
		for h := range members {
			inPR[h.String()] = mg.num
		}
	}

	results, err := diffs.Wait(func(n int) { prog.diffs(n, len(cands)) })
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	drop := cancelledPairs(reverted)
	unknown := missingObjects{walk: missingCommits}
	for i, cd := range cands {
		sha := cd.commit.Hash.String()
		if drop[sha] {
			continue
		}
		files, countsUnknown := fileChanges(results[i].Files), results[i].Unknown
		if countsUnknown {
			unknown.add(cd.tip, sha)
		}
		subject, body, _ := strings.Cut(strings.TrimRight(cd.commit.Message, "\n"), "\n")
		scan.Commits = append(scan.Commits, Evidence{Credited: cd.credited, Commit: &work.Commit{
			Repo: name, SHA: sha, Author: cd.author,
			AuthorDate: cd.commit.Author.When, CommitterDate: cd.commit.Committer.When,
			Subject: strings.TrimSpace(subject), Body: strings.TrimSpace(body),
			Trailers: cd.trailers, Coauthors: cd.coauth, Files: files,
			CountsUnknown: countsUnknown,
		}})
	}
	if w := unknown.warning(eng, tips); w != "" {
		src.Warnings = append(src.Warnings, w)
	}

	if owners != nil {
		scan.Owners = owners.Owners
	}
	for i := range scan.Commits {
		e := &scan.Commits[i]
		if num, ok := inPR[e.Commit.SHA]; ok {
			e.PullRequest = num // grouped under the pull request
		} else if num, ok := squashPR(e.Commit.Subject); ok && wantPR(name, num) {
			e.PullRequest = num
		}
	}
	return scan, nil
}

// cancelledPairs returns the commits to leave out: a commit reverted later,
// and its revert, since together they changed nothing. A revert that was
// itself reverted cancels nothing: the work was re-applied, and the
// original commit stays (reverted maps a commit to the commit reverting
// it).
func cancelledPairs(reverted map[string]string) map[string]bool {
	memo := map[string]bool{}
	var cancelled func(sha string, depth int) bool
	cancelled = func(sha string, depth int) bool {
		if v, ok := memo[sha]; ok {
			return v
		}
		by, ok := reverted[sha]
		v := ok && depth < 100 && !cancelled(by, depth+1)
		memo[sha] = v
		return v
	}
	drop := map[string]bool{}
	for sha, by := range reverted {
		if cancelled(sha, 0) {
			drop[sha], drop[by] = true, true
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

// areaSampleCap bounds how many commits are read to learn who works where:
// enough to tell a team's area from a shared one, and a bounded cost (two
// root trees per commit) on the busiest repositories.
const areaSampleCap = 20000

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
