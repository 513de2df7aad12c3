package analyzer

import (
	"context"
	"fmt"
	"io"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/git-career/git-career/analyzer/classify"
	"github.com/git-career/git-career/analyzer/classify/commitmodel"
	"github.com/git-career/git-career/analyzer/github"
	"github.com/git-career/git-career/analyzer/history"
	"github.com/git-career/git-career/analyzer/impact"
	"github.com/git-career/git-career/analyzer/work"
)

// Options is everything Analyze needs; it reads nothing else.
type Options struct {
	// Repos are the repositories to read, opened once by the caller.
	Repos []*history.Repo
	// Mailmap is extra mailmap text (the file named by mailmap.file), read
	// after each repository's .mailmap at HEAD so that it wins, as in git.
	Mailmap  string
	Identity work.Identity
	Period   work.Period
	Team     string    // career.team, an owner handle such as "@org/team"
	Progress io.Writer // progress lines; nil for none
	// GitHubHosts are GitHub Enterprise servers whose remotes, like
	// github.com's, name a repository "owner/name" and link its commits.
	GitHubHosts []string
	// GitHub is what github.Read found, or nil: its items join the report,
	// and local commits that belong to the user's pull requests are
	// grouped under them.
	GitHub *github.Evidence
	// Window, when set, asks each repository's read to keep the
	// mainline's commits in it: the history before and after the work,
	// for measuring its impact (see AnalyzeWindows).
	Window *history.TimeRange
	// WindowIfWork keeps a repository's window only when the period holds
	// work of the person's there (history.Options.WindowIfWork).
	WindowIfWork bool
}

// Analyze reads every repository and returns the classified contributions
// of the identity in the period. It stops with ctx's error when ctx is
// done.
func Analyze(ctx context.Context, opt Options) (*work.Report, error) {
	rep, _, err := AnalyzeWindows(ctx, opt)
	return rep, err
}

// RepoWindow is the history one repository's read kept around the
// period (Options.Window).
type RepoWindow struct {
	Repo   string // the short name contributions carry
	Web    string // https base on GitHub, else ""
	Window *history.Window
	// GoModule is the module path go.mod names at HEAD, "" without one:
	// how others import a new package.
	GoModule string
}

// AnalyzeWindows is Analyze that also returns, when Options.Window is
// set, the history each repository's read kept in it, in the order of
// Options.Repos.
func AnalyzeWindows(ctx context.Context, opt Options) (*work.Report, []RepoWindow, error) {
	rep := &work.Report{Author: opt.Identity, Period: opt.Period, Summary: map[work.Category]int{}}
	prs := userPRs(opt.GitHub)
	var wantPR func(repo string, num int) bool
	switch {
	case len(prs) > 0:
		wantPR = func(repo string, num int) bool { return prs[prKey(repo, num)] }
	case opt.GitHub == nil:
		// Without GitHub, the merge commits GitHub wrote still say which
		// commits made one pull request (localPullRequests).
		wantPR = func(string, int) bool { return true }
	}
	names := map[string]int{}
	var scans []*history.Scan
	var windows []RepoWindow
	var perRepo [][]work.Contribution
	for _, repo := range opt.Repos {
		scan, err := repo.Read(ctx, history.Options{
			Mailmap: opt.Mailmap, Identity: opt.Identity, Period: opt.Period,
			GitHubHosts: opt.GitHubHosts, Progress: opt.Progress, PullRequest: wantPR,
			Window: opt.Window, WindowIfWork: opt.WindowIfWork,
		})
		if err != nil {
			return nil, nil, err
		}
		if scan.Window != nil {
			mod, err := repo.GoModule()
			if err != nil {
				return nil, nil, err
			}
			windows = append(windows, RepoWindow{Repo: scan.Source.Repo, Web: scan.Web, Window: scan.Window, GoModule: mod})
		}
		if scan.Owners != nil && len(userTeams(opt)) == 0 {
			scan.Source.Notes = append(scan.Source.Notes, "CODEOWNERS names its owners, but your team is not known, so no work there is counted as cross-team: "+
				"set it with `git config career.team @org/team` (or give a token that may list your teams: read:org)")
		}
		rep.Sources = append(rep.Sources, scan.Source)
		scans = append(scans, scan)
		perRepo = append(perRepo, classifyScan(scan, opt))
		for _, e := range scan.Commits {
			if !e.Credited && e.Commit.Author.Name != "" {
				names[e.Commit.Author.Name]++
			}
		}
	}
	// The evidence of each commit, by item id: a pull request's kind is
	// decided from its commits' changes.
	byID := map[string]*work.Commit{}
	for _, scan := range scans {
		for _, e := range scan.Commits {
			byID["git:"+e.Commit.SHA] = e.Commit
		}
	}
	markRareRepos(scans, perRepo, opt.Period.Since.Location())
	once := map[string]bool{} // two clones of one repository tag and merge the same
	for _, scan := range scans {
		for _, t := range scan.Tagged {
			key := scan.Source.Repo + "@" + t.Tag
			if once[key] {
				continue // two clones of one repository
			}
			once[key] = true
			wt := work.Tagged{Repo: scan.Source.Repo, Tag: t.Tag, When: t.When}
			if scan.Web != "" {
				wt.URL = scan.Web + "/releases/tag/" + t.Tag
			}
			rep.Tagged = append(rep.Tagged, wt)
		}
		for _, l := range scan.Later {
			key := fmt.Sprintf("%s#%d", scan.Source.Repo, l.PullRequest)
			if once[key] {
				continue // two clones of one repository
			}
			once[key] = true
			wl := work.Later{Repo: scan.Source.Repo, Number: l.PullRequest, Title: l.Title, Commits: l.Commits,
				First: l.First, Last: l.Last, Merged: l.Merged}
			if scan.Web != "" {
				wl.URL = fmt.Sprintf("%s/pull/%d", scan.Web, l.PullRequest)
			}
			rep.Later = append(rep.Later, wl)
		}
	}
	seen := map[string]bool{}
	for i, cs := range perRepo {
		if opt.GitHub == nil {
			cs = localPullRequests(cs, scans[i], byID)
		}
		for _, c := range cs {
			// Two clones of one repository hold the same commits: each
			// is one piece of work.
			if !seen[c.ID] {
				seen[c.ID] = true
				rep.Contributions = append(rep.Contributions, c)
			}
		}
	}
	if !opt.Identity.All {
		rep.Name = mostFrequent(names)
	}
	if ev := opt.GitHub; ev != nil {
		rep.Contributions = githubContributions(ev, rep.Contributions, opt.Period, byID)
		rep.Sources = append(rep.Sources, work.Source{
			Kind: "github", Repo: ev.Login, Requests: ev.Requests, NotModified: ev.NotModified,
			Warnings: ev.Warnings,
		})
	}
	sort.SliceStable(rep.Contributions, func(i, j int) bool {
		a, b := rep.Contributions[i], rep.Contributions[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return a.ID < b.ID
	})
	for _, c := range rep.Contributions {
		if c.Unmerged {
			continue // not shipped: not in the summary
		}
		for _, k := range c.Categories {
			rep.Summary[k]++
		}
	}
	return rep, windows, nil
}

// classifyScan classifies the commits one repository's scan found.
func classifyScan(scan *history.Scan, opt Options) []work.Contribution {
	ctx := repoContext(scan, opt)
	out := make([]work.Contribution, len(scan.Commits))
	classifyRange := func(from, to int) {
		for i := from; i < to; i++ {
			e := scan.Commits[i]
			cctx := *ctx
			cctx.Credited, cctx.CreditedAs = e.Credited, e.CreditedAs
			c := contribution(e.Commit, &cctx, scan.Web)
			c.Date = e.When // the day the work shipped (see history.Evidence)
			c.Landed = e.Landed
			c.RevertedBy, c.RevertedOn = e.RevertedBy, e.RevertedAt
			c.Unmerged = e.Unmerged
			c.Number = e.PullRequest // grouped under the pull request by foldPullRequests
			out[i] = c
		}
	}
	// Commits are classified independently: a long history's are split
	// between two goroutines, for the machine's second core.
	n := len(out)
	if n < classifySplitMin {
		classifyRange(0, n)
	} else {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			classifyRange(n/2, n)
		}()
		classifyRange(0, n/2)
		wg.Wait()
	}
	// Credit that is not collaboration (on a release) leaves nothing of
	// the person's in someone else's commit.
	kept := out[:0]
	for _, c := range out {
		if !c.Credited || c.Has(work.Mentoring) {
			kept = append(kept, c)
		}
	}
	return kept
}

// classifySplitMin is the number of commits from which classifying on two
// goroutines pays for starting one.
const classifySplitMin = 512

// repoContext gathers what the rules need to know about the repository:
// who owns which paths, and who works in which areas.
func repoContext(scan *history.Scan, opt Options) *classify.Context {
	ctx := &classify.Context{Owners: scan.Owners}
	teams := userTeams(opt)
	if scan.Owners != nil && len(teams) == 0 {
		// Any team in CODEOWNERS may be the user's: claiming their work
		// in it as cross-team would be a guess (every commit, in a
		// repository whose owners are all teams). No cross-team here.
		return ctx
	}
	ctx.Us = append(ctx.Us, teams...)
	for _, l := range opt.Identity.Logins {
		ctx.Us = append(ctx.Us, "@"+strings.ToLower(strings.TrimPrefix(l, "@")))
	}
	for _, e := range opt.Identity.Emails {
		ctx.Us = append(ctx.Us, strings.ToLower(e))
		if login, ok := work.NoreplyLogin(e); ok {
			ctx.Us = append(ctx.Us, "@"+login)
		}
	}
	return ctx
}

// localPullRequests folds the user's commits that a merge commit shows to
// be one pull request (two or more of them) into one pull request item,
// as GitHub's own would be: its title from the merge message, its commits'
// categories and size. A lone commit stays a commit.
func localPullRequests(cs []work.Contribution, scan *history.Scan, byID map[string]*work.Commit) []work.Contribution {
	byNum := map[int][]work.Contribution{}
	for _, c := range cs {
		if c.Kind == work.KindCommit && c.Number > 0 && !c.Credited {
			byNum[c.Number] = append(byNum[c.Number], c)
		}
	}
	var out []work.Contribution
	done := map[int]bool{}
	for _, c := range cs {
		n := c.Number
		if c.Kind != work.KindCommit || n == 0 || c.Credited || len(byNum[n]) < 2 {
			c.Number = 0 // no pull request item to be grouped under
			out = append(out, c)
			continue
		}
		if done[n] {
			continue
		}
		done[n] = true
		m := scan.Merges[n]
		pr := github.PullRequest{Repo: c.Repo, Number: n, Title: m.Title, State: "merged", MergedAt: m.When, CreatedAt: m.When}
		if pr.Title == "" {
			pr.Title = fmt.Sprintf("Pull request #%d", n)
		}
		if scan.Web != "" {
			pr.URL = fmt.Sprintf("%s/pull/%d", scan.Web, n)
		}
		out = append(out, pullRequest(pr, byNum[n], byID))
	}
	return out
}

// mostFrequent is the key with the highest count, the first in order on
// a tie; "" for none.
func mostFrequent(counts map[string]int) string {
	best := ""
	for k, n := range counts {
		if n > counts[best] || n == counts[best] && (best == "" || k < best) {
			best = k
		}
	}
	return best
}

// userTeams are the user's CODEOWNERS teams, lower-cased: career.team, or
// else the teams GitHub listed for the token's user.
func userTeams(opt Options) []string {
	if opt.Team != "" {
		return []string{strings.ToLower(opt.Team)}
	}
	if opt.GitHub != nil {
		return opt.GitHub.Teams
	}
	return nil
}

// contribution classifies one commit.
func contribution(c *work.Commit, ctx *classify.Context, web string) work.Contribution {
	cats, reasons := classify.Commit(c, ctx)
	if routine(cats) {
		// A release or a dependency bump names its co-authors for the
		// changes it gathers, not for working together on it: credit
		// there is not collaboration.
		for i := 0; i < len(cats); i++ {
			if cats[i] == work.Mentoring {
				cats = append(cats[:i:i], cats[i+1:]...)
				reasons = append(reasons[:i:i], reasons[i+1:]...)
				i--
			}
		}
	}
	if ctx.Credited {
		// Credit is not authorship: someone else's commit that names the
		// user as co-author is collaboration, and only that; what the
		// commit is (a feature, a fix) is its author's work.
		for i, k := range cats {
			if k == work.Mentoring {
				cats, reasons = cats[i:i+1], reasons[i:i+1]
				break
			}
		}
	}
	out := work.Contribution{
		ID: "git:" + c.SHA, Kind: work.KindCommit, Repo: c.Repo, SHA: c.SHA,
		Title: c.Subject, Date: c.AuthorDate, Author: c.Author.Email,
		Categories: cats, Reasons: reasons,
		Files: len(c.Files), Additions: c.Added(), Deletions: c.Deleted(),
		Credited: ctx.Credited, CreditedAs: ctx.CreditedAs, CountsUnknown: c.CountsUnknown,
	}
	if web != "" {
		out.URL = web + "/commit/" + c.SHA
	}
	for _, p := range c.Coauthors {
		out.Coauthors = append(out.Coauthors, p.String())
	}
	out.Areas = commitAreas(c.Files)
	for _, f := range c.Files {
		out.Paths = append(out.Paths, f.Path)
	}
	for _, f := range c.Files {
		if toolWritten(f.Path) {
			out.Written += f.Additions + f.Deletions
		}
	}
	out.Refs = messageRefs(c.Subject, c.Body)
	out.FollowsUp = followsUp(c.Subject, c.Body, c.Trailers)
	if !ctx.Credited {
		// Numbers the author measured, quoted from the message.
		out.Impact = impact.Quoted(c.Subject+"\n\n"+c.Body, impact.FromCommit)
	}
	return out
}

// routine reports whether the commit's kind of work is a release or a
// dependency update.
func routine(cats []work.Category) bool {
	for _, k := range cats {
		if k == work.Release || k == work.Dependencies {
			return true
		}
	}
	return false
}

// commitAreas is the sorted set of top-level folders the files are in, "."
// for files at the root: a series of commits is told by where it happened.
func commitAreas(fs []work.FileChange) []string {
	var out []string
	for _, f := range fs {
		a := classify.TopArea(f.Path)
		if a == "" {
			a = "."
		}
		if !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	slices.Sort(out)
	return out
}

// toolWritten reports whether a tool writes the file: a lockfile,
// generated or vendored code (as the recogniser's paths say), or Go's
// stringer and go:generate output.
func toolWritten(p string) bool {
	switch commitmodel.KindOf(p) {
	case commitmodel.LockFile, commitmodel.GeneratedFile:
		return true
	}
	base := path.Base(p)
	return strings.HasSuffix(base, "_string.go") || strings.HasSuffix(base, "_gen.go") || strings.HasSuffix(base, ".gen.go")
}
