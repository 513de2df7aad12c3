package history

import (
	"fmt"
	"strings"

	"github.com/git-career/git-career/internal/gitengine"
)

// missingObjects gathers what one repository's scan could not read, for
// the one warning of the run that says how much and what to do.
type missingObjects struct {
	walk     gitengine.Missing // commits the walk could not read
	counts   int               // commits read whose line counts are unknown
	firstTip int               // tip under which the first of those was found
	firstSHA string
}

// add records a commit whose counts are unknown, found under tip.
func (m *missingObjects) add(tip int, sha string) {
	if m.counts == 0 {
		m.firstTip, m.firstSHA = tip, sha
	}
	m.counts++
}

// warning is the sentence for Source.Warnings, "" when nothing was
// missing. A partial clone is told how to fetch what its filter left
// out; any other repository is broken, and is told where.
func (m *missingObjects) warning(r *gitengine.Repo, tips []gitengine.Tip) string {
	if m.counts == 0 && m.walk.Commits == 0 {
		return ""
	}
	branch := func(i int) string {
		if i >= 0 && i < len(tips) {
			return tips[i].Name
		}
		return "HEAD"
	}
	var what []string
	if m.counts > 0 {
		what = append(what, fmt.Sprintf("%s unknown line counts", count(m.counts, "commit has", "commits have")))
	}
	if m.walk.Commits > 0 {
		what = append(what, fmt.Sprintf("%s and the history behind %s was not read",
			count(m.walk.Commits, "commit is missing", "commits are missing"), pronoun(m.walk.Commits)))
	}
	said := strings.Join(what, ", and ")
	if remote, filter, ok := r.Promisor(); ok {
		return fmt.Sprintf("%s: this is a partial clone (--filter=%s from %s), whose objects git fetches only when needed; "+
			"run `git fetch --refetch --no-filter %s` in %q to fetch them all",
			said, filter, remote, remote, r.Path())
	}
	tip := m.walk.Tip
	where := ""
	if m.counts > 0 {
		tip = m.firstTip
		where = fmt.Sprintf(", the first in commit %s", m.firstSHA[:min(12, len(m.firstSHA))])
	}
	name := branch(tip)
	return fmt.Sprintf("%s: objects are missing from the repository%s on branch %s; "+
		"fetch the branch again from a remote that has it (`git fetch origin %s`), and `git fsck` lists what is missing",
		said, where, name, name)
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprint(n) + " " + many
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}
