package analyzer

import (
	"fmt"
	"time"

	"github.com/git-career/git-career/analyzer/history"
	"github.com/git-career/git-career/analyzer/work"
)

// Without CODEOWNERS, who owns a repository is known only from who works
// in it. A repository of the run is another team's, for the person, in a
// quarter when others made at least rareMinOthers commits there and the
// person at most rareMaxShare of them, while the person worked regularly
// in another repository of the run (at least homeMinCommits commits, and
// homeRatio times as many as here): their own. Folders of one repository
// are never told apart this way: a person who works in a repository
// every week owns its folders as much as anyone. These settings were
// chosen by reasoning about what "rarely" and "regularly" mean in a
// quarter, not fitted to a score.
const (
	rareMinOthers  = 10
	rareMaxShare   = 0.1
	homeMinCommits = 5
	homeRatio      = 3
)

// markRareRepos marks the person's own commits in a repository they
// rarely work in while others do (see rareMinOthers) as cross-team, with
// the counts that show it. perRepo[i] are the contributions of scans[i].
func markRareRepos(scans []*history.Scan, perRepo [][]work.Contribution, loc *time.Location) {
	for i, scan := range scans {
		if scan.Owners != nil {
			continue // CODEOWNERS says who owns what
		}
		for j := range perRepo[i] {
			c := &perRepo[i][j]
			if c.Kind != work.KindCommit || c.Credited || c.Has(work.CrossTeam) {
				continue
			}
			q := history.QuarterOf(c.Date.In(loc))
			act := scan.Activity[q]
			if act.Others < rareMinOthers || float64(act.Mine) > rareMaxShare*float64(act.Mine+act.Others) {
				continue
			}
			if !hasHome(scans, i, q, act.Mine) {
				continue
			}
			c.Categories = append(c.Categories, work.CrossTeam)
			c.Reasons = append(c.Reasons, fmt.Sprintf("a contribution to a repository others work in: %d of its %d commits in %s were yours", act.Mine, act.Mine+act.Others, q))
		}
	}
}

// hasHome reports whether another repository of the run is where the
// person worked regularly in quarter q: homeRatio times the mine commits
// of this one, and at least homeMinCommits.
func hasHome(scans []*history.Scan, except int, q string, mine int) bool {
	for k, s := range scans {
		if k == except {
			continue
		}
		n := s.Activity[q].Mine
		if n >= homeMinCommits && n >= homeRatio*mine {
			return true
		}
	}
	return false
}
