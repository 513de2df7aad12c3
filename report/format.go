package report

import (
	"strconv"
	"strings"
	"time"

	"github.com/git-career/git-career/analyzer/work"
)

const dateLayout = "2006-01-02"

// thousands formats n with comma separators ("1,200") so large diffs read
// at a glance and the output does not depend on the machine's locale.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// count formats "1 file", "2 files", "1,200 commits".
func count(n int, singular, plural string) string {
	if n == 1 {
		return "1 " + singular
	}
	return thousands(n) + " " + plural
}

// periodDate formats t as a calendar day in the period's zone, so an item
// dated late in the evening elsewhere lands on the day the period counts.
func periodDate(p work.Period, t time.Time) string {
	if loc := p.Since.Location(); loc != nil {
		t = t.In(loc)
	}
	return t.Format(dateLayout)
}

// periodLabel falls back to the date range when the period has no label.
func periodLabel(p work.Period) string {
	if p.Label != "" {
		return p.Label
	}
	return periodDate(p, p.Since) + ".." + periodDate(p, p.Until)
}

// shortSHA is the 7-digit abbreviation people paste into chats.
func shortSHA(sha string) string {
	if len(sha) > 7 {
		return sha[:7]
	}
	return sha
}

// joinCategories is "feature, cross-team".
func joinCategories(cs []work.Category) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}
