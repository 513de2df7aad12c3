package analyzer

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/git-career/git-career/analyzer/classify"
	"github.com/git-career/git-career/analyzer/github"
	"github.com/git-career/git-career/analyzer/impact"
	"github.com/git-career/git-career/analyzer/work"
)

// prKey names a pull request across repositories; GitHub's owner and
// repository names compare case-insensitively.
func prKey(repo string, num int) string {
	return strings.ToLower(repo) + "#" + fmt.Sprint(num)
}

// userPRs is the set of the user's pull requests in the evidence.
func userPRs(ev *github.Evidence) map[string]bool {
	out := map[string]bool{}
	if ev == nil {
		return out
	}
	for _, pr := range ev.PullRequests {
		out[prKey(pr.Repo, pr.Number)] = true
	}
	return out
}

// githubContributions turns GitHub evidence into contributions, folding the
// local commits marked with a pull request number (see analyzeRepo) into
// their pull request: the doc shows the pull request once, with its
// commits' categories and size.
//
// A pull request belongs to the period it was merged in, with all its
// commits; one not merged (open, or closed without merging) is listed as
// not merged in the period it was opened in.
func githubContributions(ev *github.Evidence, commits []work.Contribution, period work.Period, byID map[string]*work.Commit) []work.Contribution {
	byPR := map[string][]work.Contribution{}
	var out []work.Contribution
	for _, c := range commits {
		if c.Kind == work.KindCommit && c.Number > 0 {
			k := prKey(c.Repo, c.Number)
			byPR[k] = append(byPR[k], c)
			continue
		}
		out = append(out, c)
	}
	for _, pr := range ev.PullRequests {
		k := prKey(pr.Repo, pr.Number)
		merged := !pr.MergedAt.IsZero()
		if merged && !period.Contains(pr.MergedAt) || !merged && !period.Contains(pr.CreatedAt) {
			// Another period's: its local commits, if any are here,
			// stand on their own.
			for _, c := range byPR[k] {
				c.Number = 0
				out = append(out, c)
			}
			continue
		}
		c := pullRequest(pr, byPR[k], byID)
		c.Unmerged = !merged
		out = append(out, c)
	}
	for _, r := range ev.Reviews {
		out = append(out, review(r, ev.Login))
	}
	for _, rc := range ev.ReviewComments {
		out = append(out, reviewComment(rc, ev.Login))
	}
	for _, ic := range ev.IssueComments {
		out = append(out, issueComment(ic, ev.Login))
	}
	for _, is := range ev.Issues {
		out = append(out, issue(is))
	}
	return out
}

// pullRequest classifies a pull request as one piece of work: its title,
// description and labels, and its commits' changes weighed (not their
// categories unioned: a lint bump among its commits does not make it
// automation). Each commit keeps its own kind in CommitKinds. byID holds
// the commits' evidence by item id.
func pullRequest(pr github.PullRequest, commits []work.Contribution, byID map[string]*work.Commit) work.Contribution {
	c := work.Contribution{
		ID: "pr:" + pr.Repo + "#" + fmt.Sprint(pr.Number), Kind: work.KindPullRequest,
		Repo: pr.Repo, URL: pr.URL, Title: pr.Title, Number: pr.Number,
		State: pr.State, Labels: pr.Labels, Private: pr.Private,
		Summary: firstParagraph(pr.Body), Date: pr.CreatedAt,
	}
	if !pr.MergedAt.IsZero() {
		c.Date = pr.MergedAt
	}
	sort.Slice(commits, func(i, j int) bool { return commits[i].Date.Before(commits[j].Date) })
	coauthors := map[string]bool{}
	var evidence []*work.Commit
	crossTeam := ""
	// Files are counted once however many commits change them; a commit
	// whose paths are not known counts its own.
	paths := map[string]bool{}
	reverted := len(commits) > 0
	for _, cm := range commits {
		reverted = reverted && cm.RevertedBy != ""
		if len(cm.Paths) == cm.Files {
			for _, p := range cm.Paths {
				if !paths[p] {
					paths[p] = true
					c.Files++
				}
			}
		} else {
			c.Files += cm.Files
		}
		if e := byID[cm.ID]; e != nil {
			evidence = append(evidence, e)
		}
		for i, k := range cm.Categories {
			if k == work.CrossTeam && crossTeam == "" && i < len(cm.Reasons) {
				crossTeam = cm.Reasons[i]
			}
		}
		c.Commits = append(c.Commits, cm.SHA)
		c.CommitKinds = append(c.CommitKinds, work.CommitKind{SHA: cm.SHA, Categories: cm.Categories})
		c.Additions += cm.Additions
		c.Deletions += cm.Deletions
		c.CountsUnknown = c.CountsUnknown || cm.CountsUnknown
		c.Written += cm.Written
		for _, a := range cm.Coauthors {
			coauthors[a] = true
		}
	}
	if reverted {
		// Every commit of it was undone later: so was the pull request.
		last := commits[len(commits)-1]
		c.RevertedBy, c.RevertedOn = last.RevertedBy, last.RevertedOn
	}
	// The author's own numbers: the description's first, then its
	// commits' messages', each quote once.
	c.Impact = impact.Quoted(pr.Title+"\n\n"+pr.Body, impact.FromPullRequest)
	for _, cm := range commits {
		for _, m := range cm.Impact {
			if m.Measure == work.MeasureQuoted && !hasQuote(c.Impact, m.Quote) {
				c.Impact = append(c.Impact, m)
			}
		}
	}
	c.Categories, c.Reasons = classify.PullRequest(pr.Title, pr.Body, pr.Labels, evidence, &classify.Context{})
	if crossTeam != "" && !c.Has(work.CrossTeam) {
		// Where the work landed is a fact of its commits.
		c.Categories = append(c.Categories, work.CrossTeam)
		c.Reasons = append(c.Reasons, crossTeam)
	}
	for a := range coauthors {
		c.Coauthors = append(c.Coauthors, a)
	}
	sort.Strings(c.Coauthors)
	if len(commits) > 0 {
		c.Author = commits[0].Author
	}
	return c
}

// hasQuote reports whether ms quotes q already.
func hasQuote(ms []work.Impact, q string) bool {
	for _, m := range ms {
		if m.Measure == work.MeasureQuoted && m.Quote == q {
			return true
		}
	}
	return false
}

// review is a review given on someone else's pull request.
func review(r github.Review, login string) work.Contribution {
	state := strings.ReplaceAll(strings.ToLower(r.State), "_", "-")
	c := work.Contribution{
		ID: "review:" + fmt.Sprint(r.ID), Kind: work.KindReview, Repo: r.Repo, URL: r.URL,
		Title: "Reviewed " + r.PRTitle, Number: r.PRNumber, State: state, Private: r.Private,
		Date: r.SubmittedAt, On: r.Repo + "#" + fmt.Sprint(r.PRNumber),
		Categories: []work.Category{work.Reviews},
		Reasons:    []string{fmt.Sprintf("%s review of %s", reviewVerb(state), prRef(r.Repo, r.PRNumber, r.PRAuthor))},
		Quote:      quote(r.Body),
	}
	if r.Body != "" {
		addCommentClass(&c, r.Body, r.PRAuthor != "" && humanOther(r.PRAuthor, login))
	}
	return c
}

func reviewVerb(state string) string {
	switch state {
	case "approved":
		return "approving"
	case "changes-requested":
		return "changes-requested"
	}
	return "commented"
}

// prRef is "acme/api#34 by bo".
func prRef(repo string, num int, author string) string {
	s := repo + "#" + fmt.Sprint(num)
	if author != "" {
		s += " by " + author
	}
	return s
}

// reviewComment is an inline comment in someone's diff.
func reviewComment(rc github.ReviewComment, login string) work.Contribution {
	c := work.Contribution{
		ID: "review-comment:" + fmt.Sprint(rc.ID), Kind: work.KindReviewComment, Repo: rc.Repo, URL: rc.URL,
		Title: "Commented on " + rc.PRTitle, Number: rc.PRNumber, Private: rc.Private,
		Date: rc.CreatedAt, On: rc.Repo + "#" + fmt.Sprint(rc.PRNumber),
		Categories: []work.Category{work.Reviews},
		Reasons:    []string{"review comment on " + prRef(rc.Repo, rc.PRNumber, rc.PRAuthor)},
		Quote:      quote(rc.Body),
	}
	addCommentClass(&c, rc.Body, humanOther(rc.PRAuthor, login))
	return c
}

// duplicateRe finds triage: marking an issue as a duplicate of another.
var duplicateRe = regexp.MustCompile(`(?i)\b(duplicate of|dupe of|duplicates|closing as (a )?dup(licate|e))\b`)

// issueComment is a comment in an issue or a pull request conversation.
func issueComment(ic github.IssueComment, login string) work.Contribution {
	c := work.Contribution{
		ID: "issue-comment:" + fmt.Sprint(ic.ID), Kind: work.KindIssueComment, Repo: ic.Repo, URL: ic.URL,
		Title: "Commented on " + ic.Title, Number: ic.Number, Private: ic.Private,
		Date: ic.CreatedAt, On: ic.Repo + "#" + fmt.Sprint(ic.Number), Quote: quote(ic.Body),
	}
	ref := prRef(ic.Repo, ic.Number, ic.IssueAuthor)
	switch {
	case ic.IsPR:
		c.Categories = []work.Category{work.Reviews}
		c.Reasons = []string{"comment on pull request " + ref}
	case duplicateRe.MatchString(ic.Body):
		c.Categories = []work.Category{work.Issues}
		c.Reasons = []string{"triage: marks " + ref + " as a duplicate"}
	default:
		c.Categories = []work.Category{work.Issues}
		c.Reasons = []string{"comment on issue " + ref}
	}
	addCommentClass(&c, ic.Body, humanOther(ic.IssueAuthor, login))
	return c
}

// humanOther reports whether author is a person other than the user,
// and the user a person: mentoring needs a human on both sides, not a
// bot's pull request, nor a review bot's or an AI reviewer's comments.
func humanOther(author, login string) bool {
	return !strings.EqualFold(author, login) && !reviewBot(author) && !reviewBot(login)
}

// reviewBot reports whether a login is an automation account: a GitHub
// App ("coderabbitai[bot]"), a "-bot" account, one of work.IsBot's, or
// an AI reviewer or review service that comments under a plain login.
func reviewBot(login string) bool {
	l := strings.ToLower(strings.TrimSpace(login))
	if l == "" {
		return false
	}
	if work.IsBot(work.Person{Name: l}) || reviewBots[l] {
		return true
	}
	for _, suffix := range []string{"[bot]", "-bot", "_bot", "-robot", "-ci"} {
		if strings.HasSuffix(l, suffix) {
			return true
		}
	}
	return false
}

// reviewBots are review services and AI reviewers known by the login
// they comment as, with or without their App's "[bot]" suffix.
var reviewBots = map[string]bool{
	"copilot": true, "copilot-pull-request-reviewer": true, "copilot-swe-agent": true,
	"coderabbitai": true, "coderabbit": true, "sourcery-ai": true, "gemini-code-assist": true,
	"greptile-apps": true, "ellipsis-dev": true, "korbit-ai": true, "qodo-merge-pro": true,
	"codiumai-pr-agent": true, "bugbot": true, "codeant-ai": true, "graphite-app": true,
	"deepsource-io": true, "deepsource-autofix": true, "sonarcloud": true, "sonarqubecloud": true,
	"codecov": true, "codecov-commenter": true, "github-advanced-security": true, "codeql": true,
	"sweep-ai": true, "devin-ai-integration": true, "openai-codex": true,
}

// addCommentClass records a comment's class; an educational comment on
// someone else's work is mentoring evidence.
func addCommentClass(c *work.Contribution, body string, othersWork bool) {
	k := classify.ClassifyComment(body)
	c.Class, c.Label = string(k.Class), k.Label
	if k.Class == classify.Educational && othersWork {
		c.Categories = append(c.Categories, work.Mentoring)
		c.Reasons = append(c.Reasons, "educational comment: "+k.Reason)
		sortCategories(c)
	}
}

// reproRe finds a bug report that lets others reproduce the problem.
var reproRe = regexp.MustCompile(`(?i)(steps to reproduce|to reproduce|reproduction|repro\b|minimal example|expected (behaviou?r|result)|actual (behaviou?r|result))`)

// issue is an issue the user opened.
func issue(is github.Issue) work.Contribution {
	c := work.Contribution{
		ID: "issue:" + is.Repo + "#" + fmt.Sprint(is.Number), Kind: work.KindIssue, Repo: is.Repo, URL: is.URL,
		Title: is.Title, Number: is.Number, State: is.State, Labels: is.Labels, Private: is.Private,
		Date: is.CreatedAt, Categories: []work.Category{work.Issues},
	}
	switch {
	case reproRe.MatchString(is.Body):
		c.Reasons = []string{"bug report with reproduction steps"}
	case hasLabel(is.Labels, "bug"):
		c.Reasons = []string{"bug report (labelled bug)"}
	default:
		c.Reasons = []string{"issue opened"}
	}
	if is.StateReason == "duplicate" {
		c.Reasons[0] += "; closed as a duplicate"
	}
	own, reasons := classify.Commit(&work.Commit{Subject: is.Title, Body: is.Body}, &classify.Context{PullRequest: true})
	for i, k := range own {
		if k == work.Design {
			c.Categories = append(c.Categories, work.Design)
			c.Reasons = append(c.Reasons, "issue: "+reasons[i])
		}
	}
	sortCategories(&c)
	return c
}

func hasLabel(labels []string, want string) bool {
	for _, l := range labels {
		if strings.Contains(strings.ToLower(l), want) {
			return true
		}
	}
	return false
}

// sortCategories puts categories (and their reasons, index for index) in
// the order of Categories.
func sortCategories(c *work.Contribution) {
	idx := make([]int, len(c.Categories))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		return c.Categories[idx[a]].Rank() < c.Categories[idx[b]].Rank()
	})
	cats := make([]work.Category, len(idx))
	reasons := make([]string, len(idx))
	for i, j := range idx {
		cats[i] = c.Categories[j]
		if j < len(c.Reasons) {
			reasons[i] = c.Reasons[j]
		}
	}
	c.Categories, c.Reasons = cats, reasons
}

// maxQuote keeps quotes short: the link carries the rest.
const maxQuote = 200

// quote is the first paragraph of a comment, on one line, cut at maxQuote
// characters at a word boundary.
func quote(body string) string {
	q := strings.Join(strings.Fields(firstParagraph(body)), " ")
	if utf8.RuneCountInString(q) <= maxQuote {
		return q
	}
	r := []rune(q)[:maxQuote]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > maxQuote/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// firstParagraph is the text before the first blank line, without
// Markdown headings, HTML comments (pull request templates) and leading
// blank lines.
func firstParagraph(body string) string {
	body = htmlCommentRe.ReplaceAllString(strings.ReplaceAll(body, "\r\n", "\n"), "")
	for _, p := range work.Paragraphs(body) {
		if strings.HasPrefix(p, "#") && !strings.Contains(p, "\n") {
			continue // a template heading such as "## Summary"
		}
		return strings.TrimSpace(p)
	}
	return ""
}

var htmlCommentRe = regexp.MustCompile(`(?s)<!--.*?-->`)
