package impact

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/git-career/git-career/analyzer/work"
)

// Where the author's words come from, for the quoted measure's text.
const (
	FromCommit      = "commit message"
	FromPullRequest = "pull request description"
)

// What an author's measurement looks like in a message. Units keep
// version numbers ("from 1.2 to 1.3") and counts of things ("from 3 to 5
// retries") out; a bare percentage or multiple needs a word that says
// what got better or worse.
const (
	num   = `~?\d[\d,]*(?:\.\d+)?`
	units = `(?:ns|µs|μs|us|ms|s|sec|secs|seconds?|mins?|minutes?|h|hrs?|hours?|days?|[kKMGT]i?B|bytes?|B|kb|mb|gb|allocs?|ops|rps|qps|req/s|ops/s|%|x|×|fps|lines|LOC|files|MB/s|GB/s)`
)

var (
	// "from 120 ms to 40 ms", "from 120ms down to 40ms"
	fromTo = regexp.MustCompile(`(?i)\bfrom\s+` + num + `\s*` + units + `?\s+(?:down\s+|up\s+)?to\s+` + num + `\s*` + units + `\b`)
	// "120ms -> 40ms", "120 ms → 40 ms"
	arrow = regexp.MustCompile(`(?i)` + num + `\s*` + units + `\s*(?:->|→|=>|⇒)\s*` + num + `\s*` + units + `\b`)
	// "3x faster", "2.5× less memory", "a 40% reduction", "30% fewer allocations"
	factor = regexp.MustCompile(`(?i)\b\d+(?:\.\d+)?\s*(?:x|×|%|percent)(?:\s+\w+){0,3}?\s+(?:faster|slower|quicker|smaller|larger|less|fewer|more|reduction|improvement|speed-?up|decrease|increase|cheaper|lower|higher|better)\b` +
		`|\b(?:speed-?ups?|improves?d?|reduces?d?|cuts?|saves?d?|shrinks?|decreases?d?|drops?p?e?d?|faster|slower)\b(?:\s+\w+){0,4}?\s+(?:by\s+)?(?:about\s+|around\s+|roughly\s+|~)?\d+(?:\.\d+)?\s*(?:x|×|%|percent)`)
	// benchstat rows: "Parse-8  120ms ± 2%  40ms ± 1%  -66.67%  (p=0.000 n=10+10)"
	benchRow = regexp.MustCompile(`±.*[-+~]\s*\d+(?:\.\d+)?%|[-+]\d+(?:\.\d+)?%\s*\(p=\d`)
)

// maxQuote is the longest quote taken whole; longer sentences are cut
// around the figures, the cut marked with "…".
const maxQuote = 240

// maxQuotes is the most quotes one message gives: the figures that matter
// come first, and a long benchmark table is its best rows.
const maxQuotes = 3

// Quoted finds the numbers an author measured in a message (a commit's
// subject and body, or a pull request's description) and quotes them word
// for word: the sentence holding "from 120 ms to 40 ms", "3x faster", "a
// 40% reduction", or the rows of a benchmark table (benchstat's "±",
// "p="). Each quote is one impact, marked as the author's; nil when the
// message measures nothing.
func Quoted(text, from string) []work.Impact {
	var out []work.Impact
	seen := map[string]bool{}
	add := func(q string) {
		q = strings.TrimSpace(q)
		if q == "" || seen[q] || len(out) == maxQuotes {
			return
		}
		seen[q] = true
		out = append(out, work.Impact{
			Measure: work.MeasureQuoted, Quote: q,
			Text: "The author measured, in the " + from + ": \u201c" + q + "\u201d",
		})
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	// Benchmark tables first: a row is quoted as a line of its own. The
	// geomean row sums a table up; otherwise its first rows with a delta.
	var rows []string
	for _, line := range strings.Split(text, "\n") {
		if benchRow.MatchString(line) {
			rows = append(rows, strings.Join(strings.Fields(line), " "))
		}
	}
	for _, r := range rows {
		if strings.HasPrefix(strings.ToLower(r), "geomean") {
			add(r)
		}
	}
	for _, r := range rows {
		add(r)
	}
	if len(rows) > 0 {
		return out
	}
	for _, para := range work.Paragraphs(text) {
		if isTrailerBlock(para) {
			continue
		}
		flat := strings.Join(strings.Fields(para), " ")
		for _, re := range []*regexp.Regexp{fromTo, arrow, factor} {
			for _, loc := range re.FindAllStringIndex(flat, -1) {
				add(sentenceAround(flat, loc[0], loc[1]))
			}
		}
	}
	return out
}

// isTrailerBlock reports whether a paragraph is only "Key: value" lines
// (Signed-off-by, Reviewed-by…): no measurement lives there.
func isTrailerBlock(p string) bool {
	for _, l := range strings.Split(p, "\n") {
		k, _, ok := strings.Cut(l, ": ")
		if !ok || strings.ContainsAny(k, " \t") {
			return false
		}
	}
	return true
}

// sentenceAround is the sentence of s holding s[from:to], cut to maxQuote
// characters around it, at word boundaries, when it is longer.
func sentenceAround(s string, from, to int) string {
	start := 0
	for i := from - 1; i > 0; i-- {
		if (s[i-1] == '.' || s[i-1] == '!' || s[i-1] == '?' || s[i-1] == ';') && s[i] == ' ' {
			start = i + 1
			break
		}
	}
	end := len(s)
	for i := to; i < len(s)-1; i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?' || s[i] == ';') && s[i+1] == ' ' {
			end = i + 1
			break
		}
	}
	q := s[start:end]
	if utf8.RuneCountInString(q) <= maxQuote {
		return q
	}
	// Cut around the figures, keeping whole words.
	lo, hi := from-start, to-start
	spare := maxQuote - (hi - lo)
	if spare < 0 {
		return "…" + q[lo:hi] + "…"
	}
	a, b := max(lo-spare/2, 0), min(hi+spare/2, len(q))
	for a > 0 && a < lo && q[a-1] != ' ' {
		a++
	}
	for b < len(q) && b > hi && q[b] != ' ' {
		b--
	}
	cut := q[a:b]
	if a > 0 {
		cut = "…" + cut
	}
	if b < len(q) {
		cut += "…"
	}
	return cut
}
