package analyzer

import (
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/object/commitgraph"
)

// RepoInput is one repository to read.
type RepoInput struct {
	Path string
	// Mailmap is extra mailmap text (the file named by mailmap.file), read
	// after the .mailmap at HEAD so that it wins, as in git.
	Mailmap string
}

// Options is everything Analyze needs; it reads nothing else.
type Options struct {
	Repos    []RepoInput
	Identity Identity
	Period   Period
	Team     string    // career.team, an owner handle such as "@org/team"
	Progress io.Writer // progress lines; nil for none
	// GitHubHosts are GitHub Enterprise servers whose remotes, like
	// github.com's, name a repository "owner/name" and link its commits.
	GitHubHosts []string
	// GitHub is what ReadGitHub found, or nil: its items join the report,
	// and local commits that belong to the user's pull requests are
	// grouped under them.
	GitHub *GitHubEvidence
}

// Analyze reads every repository and returns the classified contributions
// of the identity in the period.
func Analyze(opt Options) (*Report, error) {
	rep := &Report{Author: opt.Identity, Period: opt.Period, Summary: map[Category]int{}}
	m := newMatcher(opt.Identity)
	prs := userPRs(opt.GitHub)
	for _, in := range opt.Repos {
		src, contribs, err := analyzeRepo(in, opt, m, prs)
		if err != nil {
			return nil, err
		}
		rep.Sources = append(rep.Sources, src)
		rep.Contributions = append(rep.Contributions, contribs...)
	}
	if ev := opt.GitHub; ev != nil {
		rep.Contributions = githubContributions(ev, rep.Contributions)
		rep.Sources = append(rep.Sources, Source{
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
		for _, k := range c.Categories {
			rep.Summary[k]++
		}
	}
	return rep, nil
}

// revertRe finds the line git revert writes into the message.
var revertRe = regexp.MustCompile(`This reverts commit ([0-9a-f]{40})`)

// candidate is a commit of the user's (or one crediting them) before diffs.
type candidate struct {
	commit   *object.Commit
	author   Person
	credited bool
	trailers []Trailer
	coauth   []Person
}

func analyzeRepo(in RepoInput, opt Options, m *matcher, prs map[string]bool) (Source, []Contribution, error) {
	r, err := openRepo(in.Path)
	if err != nil {
		return Source{}, nil, err
	}
	defer r.Close()
	name, web := r.name(opt.GitHubHosts)
	src := Source{Kind: "git", Repo: name, Path: r.path}
	prog := newProgress(opt.Progress, name)
	defer prog.done()

	mm, err := r.headFile(".mailmap")
	if err != nil {
		return src, nil, err
	}
	mailmap := ParseMailmap(mm)
	mailmap.Add(in.Mailmap)

	shallowList, err := r.storage.Shallow()
	if err != nil {
		return src, nil, fmt.Errorf("reading shallow file of %q: %w", r.path, err)
	}
	shallow := map[plumbing.Hash]bool{}
	for _, h := range shallowList {
		shallow[h] = true
	}
	// A shallow clone is read as far as it goes; Source.Shallow carries the
	// warning, which the command and the doc both show with the fix.
	src.Shallow = len(shallow) > 0

	tips, err := r.tips()
	if err != nil {
		return src, nil, err
	}
	owners, err := r.codeowners()
	if err != nil {
		return src, nil, err
	}
	var cands []candidate
	type prMerge struct {
		num            int
		mainline, head plumbing.Hash
	}
	var merges []prMerge
	wantMerges := len(prs) > 0
	othersAreas := map[string]int{} // top-level area → others' commits that changed it
	othersSampled := 0
	reverted := map[string]string{} // reverted sha → the revert's sha
	stopBefore := opt.Period.Since.Add(-stopMargin)
	err = walkCommits(r.nodes, tips, shallow, stopBefore, func(n commitgraph.CommitNode) error {
		if n.CommitTime().Before(stopBefore) {
			return nil
		}
		src.CommitsScanned++
		prog.tick(src.CommitsScanned)
		if n.NumParents() > 1 && !wantMerges {
			return nil // merges are not contributions; their second parents are
		}
		c, err := n.Commit()
		if err != nil {
			return fmt.Errorf("reading commit %s: %w", n.ID(), err)
		}
		if n.NumParents() > 1 {
			// The merge of one of the user's pull requests: its branch's
			// commits are grouped under the pull request.
			if num, ok := mergePR(c.Message); ok && prs[prKey(name, num)] {
				merges = append(merges, prMerge{num, c.ParentHashes[0], c.ParentHashes[1]})
			}
			return nil
		}
		if sm := revertRe.FindStringSubmatch(c.Message); sm != nil {
			reverted[sm[1]] = c.Hash.String()
		}
		if !opt.Period.Contains(c.Author.When) {
			return nil
		}
		author := mailmap.Map(Person{Name: c.Author.Name, Email: c.Author.Email})
		isMine := m.match(author)
		// Every commit's trailers are read: others' commits may credit the user.
		trailers := ParseTrailers(c.Message)
		co := creditedPeople(trailers, author, mailmap)
		// Co-authors are the people the user worked with: the user's own
		// other addresses are not among them, and finding the user there
		// means the commit credits them.
		credited := false
		others := co[:0:0]
		for _, p := range co {
			if !m.all && m.match(p) {
				credited = !isMine
			} else {
				others = append(others, p)
			}
		}
		if !isMine {
			// Others' commits say who works where, for cross-team work
			// in repositories without CODEOWNERS.
			if owners == nil && othersSampled < areaSampleCap {
				othersSampled++
				as, err := rootAreas(r.storage, c, shallow[c.Hash])
				if err != nil {
					return err
				}
				for _, a := range as {
					othersAreas[a]++
				}
			}
			if !credited {
				return nil
			}
		}
		cands = append(cands, candidate{commit: c, author: author, credited: credited, trailers: trailers, coauth: others})
		return nil
	})
	if err != nil {
		return src, nil, fmt.Errorf("%s: %w", name, err)
	}

	inPR := map[string]int{} // sha → number of the user's pull request it was merged in
	for _, mg := range merges {
		members, ok := branchCommits(r.nodes, mg.mainline, mg.head, shallow)
		if !ok {
			continue
		}
		for h := range members {
			inPR[h.String()] = mg.num
		}
	}

	drop := cancelledPairs(reverted)
	var evs []evidence
	for i, cd := range cands {
		prog.diffs(i, len(cands))
		sha := cd.commit.Hash.String()
		if drop[sha] {
			continue
		}
		c := cd.commit
		if shallow[c.Hash] {
			// Its parents were not fetched: like git, show the commit as if
			// it were a root commit.
			graft := *c
			graft.ParentHashes = nil
			c = &graft
		}
		files, err := commitFiles(r.storage, c)
		if err != nil {
			return src, nil, fmt.Errorf("%s: reading changes of commit %s: %w", name, sha, err)
		}
		subject, body, _ := strings.Cut(strings.TrimRight(cd.commit.Message, "\n"), "\n")
		evs = append(evs, evidence{credited: cd.credited, commit: &Commit{
			Repo: name, SHA: sha, Author: cd.author,
			AuthorDate: cd.commit.Author.When, CommitterDate: cd.commit.Committer.When,
			Subject: strings.TrimSpace(subject), Body: strings.TrimSpace(body),
			Trailers: cd.trailers, Coauthors: cd.coauth, Files: files,
		}})
	}

	ctx := repoContext(owners, evs, othersAreas, opt)
	var out []Contribution
	for _, e := range evs {
		cctx := *ctx
		cctx.Credited = e.credited
		c := contribution(e.commit, &cctx, web)
		if num, ok := inPR[c.SHA]; ok {
			c.Number = num // grouped under the pull request by foldPullRequests
		} else if num, ok := squashPR(c.Title); ok && prs[prKey(name, num)] {
			c.Number = num
		}
		out = append(out, c)
	}
	return src, out, nil
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

// evidence is a commit read in full, with whether it only credits the user.
type evidence struct {
	commit   *Commit
	credited bool
}

// creditedPeople returns the co-authors a commit credits, through the
// mailmap, without bots and without the commit's own author.
func creditedPeople(trailers []Trailer, author Person, mm *Mailmap) []Person {
	var out []Person
	for _, p := range coauthors(trailers) {
		p = mm.Map(p)
		if strings.EqualFold(p.Email, author.Email) && p.Email != "" {
			continue
		}
		out = append(out, p)
	}
	return out
}

// repoContext gathers what the rules need to know about the repository:
// who owns which paths, and who works in which areas.
func repoContext(owners *Codeowners, evs []evidence, othersAreas map[string]int, opt Options) *Context {
	ctx := &Context{}
	if opt.Team != "" {
		ctx.Us = append(ctx.Us, strings.ToLower(opt.Team))
	}
	for _, l := range opt.Identity.Logins {
		ctx.Us = append(ctx.Us, "@"+strings.ToLower(strings.TrimPrefix(l, "@")))
	}
	for _, e := range opt.Identity.Emails {
		ctx.Us = append(ctx.Us, strings.ToLower(e))
		if login, ok := NoreplyLogin(e); ok {
			ctx.Us = append(ctx.Us, "@"+login)
		}
	}
	if owners != nil {
		ctx.Owners = owners.Owners
	}
	ctx.Areas = map[string]AreaActivity{}
	for a, n := range othersAreas {
		ctx.Areas[a] = AreaActivity{Others: n}
	}
	for _, e := range evs {
		if e.credited {
			continue
		}
		seen := map[string]bool{}
		for _, f := range e.commit.Files {
			if a := topArea(f.Path); a != "" && !seen[a] {
				seen[a] = true
				act := ctx.Areas[a]
				act.Mine++
				ctx.Areas[a] = act
			}
		}
	}
	return ctx
}

// contribution classifies one commit.
func contribution(c *Commit, ctx *Context, web string) Contribution {
	cats, reasons := Classify(c, ctx)
	out := Contribution{
		ID: "git:" + c.SHA, Kind: KindCommit, Repo: c.Repo, SHA: c.SHA,
		Title: c.Subject, Date: c.AuthorDate, Author: c.Author.Email,
		Categories: cats, Reasons: reasons,
		Files: len(c.Files), Additions: c.Added(), Deletions: c.Deleted(),
		Credited: ctx.Credited,
	}
	if web != "" {
		out.URL = web + "/commit/" + c.SHA
	}
	for _, p := range c.Coauthors {
		out.Coauthors = append(out.Coauthors, p.String())
	}
	return out
}
