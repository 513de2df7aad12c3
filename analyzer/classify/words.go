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
var flakyWords = regexp.MustCompile(`\b(flak(y|ier|iness|ily)|flakes?|flaked|deflak\w*|intermittent(ly)?|non-?determinis\w*|random(ly)? fail\w*|sporadic(ally)?|fails? (occasionally|sometimes|randomly|intermittently)|order[- ]dependen\w*)\b`)

// strongFlaky: the words of flakyWords that name flaky tests wherever
// they are.
var strongFlaky = regexp.MustCompile(`^(flak(y|ier|iness|ily)|deflak\w*)$`)

// mayNameFlakiness is a cheap test before flakyWords, which is slow on a
// long message: every word it matches contains one of these.
func mayNameFlakiness(m string) bool {
	return containsAny(m, "flak", "intermit", "determinis", "random", "sporadic", "occasional", "sometimes", "dependen")
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
	"exploit", "path traversal", "redos", "denial of service", "pollution", "redirect", "escalation", "bypass", "leak",
	"bomb", "resource exhaustion"}

// nixFlake removes Nix "flake.nix"/"flake.lock" names before flakyWords.
var nixFlake = regexp.MustCompile(`\bflakes?\.(nix|lock)\b|\bnix flakes?\b|\bflake (follows|inputs?|outputs?|update|lock)\b`)

// raceWords: a race in test code is the concurrency root cause (20% in Luo
// et al.); in product code it is an ordinary bug, so rules pair it with
// tests. Timing and retries too.
var raceWords = regexp.MustCompile(`\b(race(s| condition| conditions)?|data race|racy|racing|timing( issues?| dependen\w*| sensitiv\w*)?|time-sensitive|retr(y|ies|ied|ying))\b`)

// reliableWords: the subject makes tests reliable.
var reliableWords = regexp.MustCompile(`\b((more|less) (reliabl[ey]|robust(ly)?|stable|brittle|fragile)|reliably|stabili[sz](e|es|ed|ing)|unstable)\b`)

// stateWords: order-dependent tests (IDoFT "OD") are fixed by resetting or
// clearing the shared state one test leaves for the next; betweenTestsWords
// must say that is what they do.
var stateWords = regexp.MustCompile(`\b(reset(s|ting)?|clear(s|ed|ing)?|clean(s|ed|ing)?|restor(e|es|ed|ing)|isolat(e|es|ed|ing|ion))\b`)

var betweenTestsWords = regexp.MustCompile(`\b(after|before|between|at the end of|at the start of)( (each|every|the|some|all|other))? (tests?|test cases?|runs?)\b|\b(tear ?down|before ?each|after ?each|@after\w*|@before\w*|(shared|static|global|program) state|state pollution|shared pollution)\b`)

// orderWords: implementation-dependent tests (IDoFT "ID") assume a hash
// iteration order; fixes sort, or switch to an ordered collection.
var orderWords = regexp.MustCompile(`\b(deterministic(ally)?|linkedhash(map|set)|treemap|treeset|iteration order|order[- ]dependen\w*|(stable|consistent|fixed|predictable|random|hash|insertion|nondeterministic) order(ing)?|unordered|ordering issues?|sorted (map|set|list|keys|order))\b`)

// waitWords: async-wait problems (45% in Luo et al.) are fixed by waiting
// or polling instead of sleeping, or a larger timeout.
var waitWords = regexp.MustCompile(`\b(sleeps?|sleeping|wait(s|ing)? (for|until)|poll(s|ing)?|await\w*|timeouts?|time-?outs?|deadlines?)\b`)

// seedClockWords: randomness and time made deterministic in tests.
var seedClockWords = regexp.MustCompile(`\b((fixed|fix the|set (a|the)|deterministic|constant) (random )?seed|seed(ed)? (the )?random\w*|(fake|mock(ed)?|fixed|frozen) (clock|time)|freez(e|es|ing) (the )?(clock|time))\b`)

// securityWords name vulnerabilities and their fixes.
var securityWords = regexp.MustCompile(`\b(cve-\d{4}-\d+|ghsa-[a-z0-9-]+|xss|csrf|ssrf|xxe|(sql|command|code|header|html|template) injection|injection|vulnerab\w*|sanitiz\w*|sanitis\w*|security|exploit\w*|path traversal|redos|denial of service|prototype pollution|open redirect|privilege escalation|auth(entication|orization)? bypass|secrets? leak\w*|(decompression|zip|xml|gzip|compression) bombs?|billion laughs|resource exhaustion)\b`)

// defenceWords: what is done against a vulnerability.
var defenceWords = regexp.MustCompile(`\b(prevent\w*|avoid\w*|mitigat\w*|(protect|guard|defend)\w* against|harden\w*|escap(e|es|ed|ing)|saniti[sz]\w*|fix(es|ed)?|patch(es|ed)?|block(s|ed)?|reject(s|ed)?|disallow\w*|forbid\w*)\b`)

// cleanupWords: removing what is no longer used or wanted.
var cleanupWords = regexp.MustCompile(`\b(unused|dead|legacy|deprecated|obsolete|stale|outdated|leftover|unnecessary|redundant|useless|unreachable|superfluous|no longer (used|needed|necessary|required))\b`)

// depWords: "bump x from 1.2 to 1.3", "update dependency x to v3".
var depWords = regexp.MustCompile(`\b(bump(s|ed)?|upgrad(e|es|ed|ing)|updat(e|es|ed|ing)|pin(s|ned)?)\b[^\n]*\b(from \S+ to|to v?\d)|\b(bump(s|ed)?|upgrad(e|es|ed))\b|\bdependenc(y|ies)\b`)

// designWords: design documents, RFCs and decision records.
var designWords = regexp.MustCompile(`\b(design doc(ument)?s?|rfcs?|adrs?|architecture decision|proposals?|technical design|design for)\b`)

// testWords: adding or improving tests.
var testWords = regexp.MustCompile(`\b(tests?|testing|coverage|spec|specs|test cases?|unit tests?|e2e|integration tests?)\b`)
