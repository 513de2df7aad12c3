package history

import (
	"regexp"
	"strconv"
	"strings"
)

// How GitHub names the commits of a pull request: a squash or rebase merge
// ends the subject with "(#12)"; a merge commit says "Merge pull request
// #12 from owner/branch", or, where the repository asks for the pull
// request's title as the merge message, is that title ending "(#12)".
var (
	squashPRRe = regexp.MustCompile(`\(#(\d+)\)\s*$`)
	mergePRRe  = regexp.MustCompile(`^Merge pull request #(\d+) from `)
)

// squashPR returns the pull request number a subject ends with.
func squashPR(subject string) (int, bool) {
	m := squashPRRe.FindStringSubmatch(subject)
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(m[1])
	return n, err == nil
}

// mergePR returns the pull request number of a GitHub merge commit.
func mergePR(message string) (int, bool) {
	m := mergePRRe.FindStringSubmatch(message)
	if m == nil {
		subject, _, _ := strings.Cut(message, "\n")
		return squashPR(subject)
	}
	n, err := strconv.Atoi(m[1])
	return n, err == nil
}
