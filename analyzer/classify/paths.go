package classify

import (
	"regexp"
	"strings"
)

// What a path is (a test, a doc, a lockfile, a CI or build file) is
// decided by commitmodel.KindOf, the same function the model's features
// use, so that a rule and the model never disagree about a path. The
// predicates here are the finer distinctions only rules make.

// designPath matches architecture decision records, RFCs and design docs.
var designPath = regexp.MustCompile(`(?i)(^|/)(adrs?|rfcs?|design|designs|proposals?|decisions|architecture)/|(^|/)[^/]*(design|proposal|rfc)[^/]*\.(md|rst|adoc)$`)

func isDesignPath(p string) bool {
	lp := strings.ToLower(p)
	return containsAny(lp, "adr", "rfc", "design", "proposal", "decision", "architecture") && designPath.MatchString(p)
}

// TopArea is the first element of p, "" for a file at the root.
func TopArea(p string) string {
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return ""
}
