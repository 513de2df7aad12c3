package impact

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/git-career/git-career/analyzer/work"
)

// IsWorkflow reports whether p is a GitHub Actions workflow file.
func IsWorkflow(p string) bool {
	ext := path.Ext(p)
	return path.Dir(p) == ".github/workflows" && (ext == ".yml" || ext == ".yaml")
}

// Window is the window after a piece of work: from its last commit, days
// long, read up to now at the latest.
func Window(last, now time.Time, days int) (until time.Time, afterDays int) {
	return afterWindow(Work{Last: last}, &History{Now: now}, days)
}

// Run is one run of a workflow, as evidence.
type Run struct {
	ID  int64
	URL string
}

// Usage is the usage impact of work that added or changed a workflow:
// its runs in the window after the work, and those that succeeded. Shown
// only when it ran.
func Usage(w Work, file string, now time.Time, days, runs, succeeded int, read []Run) (work.Impact, bool) {
	if runs == 0 {
		return work.Impact{}, false
	}
	_, afterDays := Window(w.Last, now, days)
	m := base(work.MeasureUsage, w, days, afterDays)
	m.Runs, m.Succeeded, m.Subject = runs, succeeded, file
	for _, r := range read {
		m.Evidence = append(m.Evidence, work.Evidence{ID: strconv.FormatInt(r.ID, 10), URL: r.URL, After: true})
	}
	m.Text = fmt.Sprintf("The workflow %s ran %s in %s, %d of them successfully (%s).",
		path.Base(file), count(runs, "time", "times"), afterPhrase(afterDays, days), succeeded, percent(roundShare(succeeded, runs)))
	return m, true
}

func roundShare(n, of int) float64 { return float64(int(1000*float64(n)/float64(of)+0.5)) / 10 }

// closeRe finds the issues a pull request's description closes, by the
// keywords GitHub links ("Fixes #12", "closes owner/name#3").
var closeRe = regexp.MustCompile(`(?i)\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\s*:?\s+(?:([\w.-]+/[\w.-]+))?#(\d+)\b`)

// IssueRef is an issue in a repository.
type IssueRef struct {
	Repo   string
	Number int
}

// maxClosed bounds the issues read for one pull request.
const maxClosed = 10

// Closes are the issues a pull request of repo closes, by its
// description, each once, at most maxClosed.
func Closes(body, repo string) []IssueRef {
	var out []IssueRef
	seen := map[IssueRef]bool{}
	for _, m := range closeRe.FindAllStringSubmatch(body, -1) {
		r := IssueRef{Repo: repo}
		if m[1] != "" {
			r.Repo = m[1]
		}
		r.Number, _ = strconv.Atoi(m[2])
		if r.Number > 0 && !seen[r] && len(out) < maxClosed {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}

// Issue is an issue a pull request closed, with what it drew.
type Issue struct {
	Ref                 IssueRef
	URL                 string
	Reactions, Comments int
}

// Demand is the demand impact of a pull request: the issues it closed,
// with their reactions and comments. Shown when it closed one.
func Demand(issues []Issue) (work.Impact, bool) {
	if len(issues) == 0 {
		return work.Impact{}, false
	}
	m := work.Impact{Measure: work.MeasureDemand, Issues: len(issues)}
	for _, is := range issues {
		m.Reactions += is.Reactions
		m.Comments += is.Comments
		m.Evidence = append(m.Evidence, work.Evidence{ID: fmt.Sprintf("%s#%d", is.Ref.Repo, is.Ref.Number), URL: is.URL})
	}
	m.Text = fmt.Sprintf("It closed %s that drew %s and %s.", count(m.Issues, "issue", "issues"),
		count(m.Reactions, "reaction", "reactions"), count(m.Comments, "comment", "comments"))
	return m, true
}

// Mentee is the mentees impact of an educational comment: the pull
// requests its author merged in the repository in the window after the
// first educational comment to them. Facts only: nothing says the comment
// made them.
func Mentee(login, repo string, since, now time.Time, days, merged int, urls []string) work.Impact {
	until, afterDays := Window(since, now, days)
	m := work.Impact{Measure: work.MeasureMentees, People: 1, Merged: merged, Subject: login}
	for _, u := range urls {
		id := u
		if i := strings.LastIndex(u, "/pull/"); i >= 0 {
			id = repo + "#" + u[i+len("/pull/"):]
		}
		m.Evidence = append(m.Evidence, work.Evidence{ID: id, URL: u, After: true})
	}
	m.Text = fmt.Sprintf("%s merged %s in %s from %s to %s (%s after the first educational comment to them).",
		login, count(merged, "pull request", "pull requests"), repo, since.Format(time.DateOnly), until.Format(time.DateOnly),
		count(afterDays, "day", "days"))
	return m
}
