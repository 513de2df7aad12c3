package classify

import (
	"regexp"
	"strings"
)

// Message vocabularies. Each is a lower-case pattern matched against the
// lower-cased message; the rules in rules.go combine them with paths and
// diff shape. find returns the matched text so reasons can quote it.

func find(re *regexp.Regexp, s string) (string, bool) {
	m := re.FindString(s)
	return m, m != ""
}

// flakyWords: the keywords Luo et al. searched for ("flak", "intermit")
// plus the other names of the symptom.
var flakyWords = regexp.MustCompile(`\b(flak(y|ier|iness|ily)|flakes?|flaked|intermittent(ly)?|non-?determinis\w*|randomly fail\w*|sporadic(ally)?|fails? (occasionally|sometimes|randomly))\b`)

// mayNameFlakiness is a cheap test before flakyWords, which is slow on a
// long message: every word it matches contains one of these.
func mayNameFlakiness(m string) bool {
	return containsAny(m, "flak", "intermit", "determinis", "random", "sporadic", "occasional", "sometimes")
}

// containsAny reports whether s contains one of xs.
func containsAny(s string, xs ...string) bool {
	for _, x := range xs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// securityHints: every match of securityWords contains one of these.
var securityHints = []string{"cve-", "ghsa-", "xss", "csrf", "ssrf", "xxe", "injection", "vulnerab", "saniti", "security",
	"exploit", "traversal", "redos", "denial of service", "pollution", "redirect", "escalation", "bypass", "leak"}

// nixFlake removes Nix "flake.nix"/"flake.lock" names before flakyWords.
var nixFlake = regexp.MustCompile(`\bflakes?\.(nix|lock)\b|\bnix flakes?\b`)

// raceWords: a race in test code is the concurrency root cause (20% in Luo
// et al.); in product code it is an ordinary bug, so rules pair it with
// test paths.
var raceWords = regexp.MustCompile(`\b(race(s| condition| conditions)?|data race|racy|racing)\b`)

// stateWords: order-dependent tests (IDoFT "OD") are fixed by resetting or
// clearing the shared state one test leaves for the next.
var stateWords = regexp.MustCompile(`\b(reset(s|ting)?|clear(s|ed|ing)?|pollut\w*|shared state|static state|global state|leak(s|ed|ing)?|isolat(e|es|ed|ing|ion)|tear ?down|restor(e|es|ed|ing))\b`)

// orderWords: implementation-dependent tests (IDoFT "ID") assume a hash
// iteration order; fixes sort, or switch to an ordered collection.
var orderWords = regexp.MustCompile(`\b(sort(s|ed|ing)?|deterministic(ally)?|linkedhash(map|set)|treemap|treeset|iteration order|order[- ]dependen\w*|(stable|consistent|fixed|predictable|random|hash|insertion) order(ing)?|unordered|ordering issue)\b`)

// waitWords: async-wait problems (45% in Luo et al.) are fixed by waiting
// or polling instead of sleeping, retrying, or a larger timeout.
var waitWords = regexp.MustCompile(`\b(sleeps?|sleeping|wait(s|ing)?|wait for|poll(s|ing)?|await\w*|eventually|retr(y|ies|ied|ying)|timeouts?|time-?outs?|deadlines?)\b`)

// securityWords name vulnerabilities and their fixes.
var securityWords = regexp.MustCompile(`\b(cve-\d{4}-\d+|ghsa-[a-z0-9-]+|xss|csrf|ssrf|xxe|(sql|command|code|header|html|template) injection|injection|vulnerab\w*|sanitiz\w*|sanitis\w*|security|exploit\w*|path traversal|directory traversal|redos|denial of service|prototype pollution|open redirect|privilege escalation|auth(entication|orization)? bypass|secrets? leak\w*)\b`)

// cleanupWords: removing what is no longer used or wanted.
var cleanupWords = regexp.MustCompile(`\b(remov(e|es|ed|ing)|delet(e|es|ed|ing)|drop(s|ped|ping)?|prun(e|es|ed|ing)|purg(e|es|ed|ing)|retir(e|es|ed|ing)|clean(s|ed|ing)? ?up)\b[^\n]*\b(unused|dead|legacy|deprecated|obsolete|stale|outdated|old|leftover|unnecessary|redundant|no longer)\b|\bdead code\b`)

// depWords: "bump x from 1.2 to 1.3", "update dependency x to v3".
var depWords = regexp.MustCompile(`\b(bump(s|ed)?|upgrad(e|es|ed|ing)|updat(e|es|ed|ing)|pin(s|ned)?)\b[^\n]*\b(from \S+ to|to v?\d)|\b(bump(s|ed)?|upgrad(e|es|ed))\b|\bdependenc(y|ies)\b`)

// designWords: design documents, RFCs and decision records.
var designWords = regexp.MustCompile(`\b(design doc(ument)?s?|rfcs?|adrs?|architecture decision|proposals?|technical design|design for)\b`)

// testWords: adding or improving tests.
var testWords = regexp.MustCompile(`\b(tests?|testing|coverage|spec|specs|test cases?|unit tests?|e2e|integration tests?)\b`)

// alternativesWords mark a description that explains choices made.
var alternativesWords = regexp.MustCompile(`\b(trade-?offs?|alternatives? considered|considered alternatives?|instead of|rather than|pros and cons|we could (also )?have|options? (considered|we looked at))\b`)
