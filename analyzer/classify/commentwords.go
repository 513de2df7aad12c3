package classify

import (
	"regexp"
	"strings"
)

// Review-comment vocabularies. Each is a lower-case pattern matched against
// the comment's prose (code, quotes and link targets removed, lower-cased);
// commentfeatures.go turns them into the model's features. They are the
// ordinary English of explaining, in any project: connectives, modal
// verbs, verbs of what code does, words that point to a source. No noun
// of any one project's domain is among them.

// The guide's ways of teaching (review-comment-kinds.md, "educational").

// reasonWords: the comment says why, with a causal or purposive
// connective: "because", "since it", "as this is", "so that",
// "otherwise", "which means". A reason is what turns "do X" into
// something the author can apply elsewhere.
var reasonWords = regexp.MustCompile(`\b(because|cause (it|this|that|the|we|you|they)|otherwise|so that|in order to|hence|thus|therefore|due to|given that|(which|that|this|it) means|that way|this way|the reason|for (this|that|the same) reason|since (we|it|it's|its|this|that|the|there|they|you|these|those|an?|no|nothing|all|every|each|some|any|i|only|both|neither|none|[a-z_]+ (is|are|was|were|has|have|does|doesn't|isn't|aren't|can|can't|will|won't|would|only|already|never|always))|as (it|it's|this|that|they|we|you|there|these|those|the \w+|\w+) (is|are|was|were|has|have|does|doesn't|don't|will|would|can|can't|cannot|won't|isn't|aren't|only|already|might|may|needs?|makes?|seems?|gets?|uses?|returns?|raises?|runs?|breaks?)|\bso (it|it's|this|that|we|you|they|there|the|i|nothing|no|any|in|if|users?|callers?)\b|which (is|are|was|makes|will|would|can|could|causes?|leads?|breaks?|explains?) |now that|in case|\bto (avoid|prevent|ensure|guarantee|make sure|keep|preserve|allow|support|match|stay|remain|reduce|speed up)\b)`)

// consequenceWords: what follows if the code stays as it is, or what a
// change would bring: "this will crash", "would break", "leads to",
// "is going to fail", a risk, a cost. The guide's "a consequence, a
// risk".
var consequenceWords = regexp.MustCompile(`\b(can|could|may|might|will|would|won't|wouldn't|'ll|'d)( (also|still|never|only|then|probably|likely|potentially|eventually|actually|silently|just|easily|always|now|not))? (cause|break|fail|crash|lead|result|hide|leak|hurt|prevent|end up|trigger|mask|affect|overflow|hang|deadlock|race|regress|corrupt|lose|miss|drift|blow up|explode|slow|confuse|mislead|surprise|diverge|reduce|increase|speed|save|avoid|allow|enable|ensure|guarantee)\w*\b|\b(helps|hurts|harms|costs|saves|avoids|prevents|breaks|fixes|allows|enables|ensures)\b|\b(is|are) (breaking|causing|leaking|hiding|masking|crashing|corrupting|losing)\b|\b(is|are|'s|'re) going to (be|fail|break|crash|happen|cause|find|run|execute|return|raise)\b|\bor (else )?(it|this|that|we|you|they|the \w+) (will|would|won't|wouldn't|can't|cannot|could|might|may)\b|\blets? (us|you|them|callers?|the caller|users?) \w+|\b(breaks?|breaking|broken) (the|this|that|it|when|if|on|for|in|with|backward|compat)|\b(leads?|led) to\b|\bresults? in\b|\bdefeats?\b|\b(risk|risky|danger|dangerous|unsafe|insecure|vulnerab\w+|exploit\w*)\b|\b(slow|slower|expensive|costly|inefficient|quadratic|performance|memory)\b|\b(race condition|racy|deadlocks?|leaks?|leaking|infinite loop|overflows?|off[- ]by[- ]one|data loss|silently|confusing|misleading|brittle|fragile|flaky)\b|\b(hard|harder|difficult|easy|easier|tough) to (maintain|debug|test|spot|miss|find|break|misuse|get wrong)\b|\bif (we|you|it|this|that|the|a|someone|somebody|anyone|users?)\b.*\b(will|would|won't|wouldn't|could|might|may|can't)\b`)

// benefitWords: the change would read better, be cleaner or help, the
// reason every proposal has and the guide's suggestion "without
// explaining why beyond the obvious" ("would make this easier to read",
// "cleaner", "for consistency"); apart from the consequences, which say
// what breaks or what it costs.
var benefitWords = regexp.MustCompile(`\b((easier|harder|hard|difficult|simpler|clearer) to (read|follow|understand|scan|parse|reason about|review)|more (readable|legible|concise|compact|explicit|consistent|pythonic|idiomatic)|readability|for (clarity|consistency|readability)|(reads|looks|read|look) (better|cleaner|nicer|neater)|(would|will|could|'d|might|may) (also )?(help|improve|simplify|make (it|this|that|things|the code|the test)? ?(easier|simpler|cleaner|clearer|more readable|nicer|shorter|better))|cleaner|nicer|tidier|self-?explanatory|self-?documenting)\b`)

// referenceWords: a pointer to where the author can read more: the
// documentation, a standard, a guide, a section of the contributing
// rules, "as described in". Links are counted apart, by where they go
// (commentLinks).
var referenceWords = regexp.MustCompile(`\bsee (the |also |e\.g\.? |for example |https?|link|below|above|how|what|where|why|this|these|[a-z_]+\.|:)|\b(in|from|per|read|check|according to|see) (the |our |its |their )?(docs|documentation|manual|spec|specification|standard|reference|guide|changelog|release notes)\b|\bthe (docs|documentation|manual|spec) (say|says|said|state|states|mention|mentions|describe|describes)\b|\bpep ?\d+|\brfc ?\d+|\baccording to\b|\bas (per|described|documented|explained|defined|specified|stated|noted|mentioned)\b|\bper (the|our|this|that|discussion)\b|\b(contributing|readme)(\.md)?\b|\b(is|are|was|were) documented\b|\bthere'?s an? (example|test|helper|function|method|similar)\b|\b(like|as) (we do|it's done|is done|done) (in|for|with)\b`)

// behaviourWords: the comment explains what code, a library or a system
// does: "returns", "is called by", "already handles", "doesn't
// support", "by default", "was added in 3.6". Knowledge the author may not
// have had.
var behaviourWords = regexp.MustCompile(`\b(returns?|raises?|throws?|yields?|evaluates? to|calls? into)\b|\b(is|are|was|were|gets?|get) (only |always |already |still |also |automatically )?(called|used|defined|set|checked|handled|run|executed|evaluated|triggered|raised|returned|created|stored|imported|installed|deprecated|supported|added|removed|designed|implemented|available|initiali[sz]ed|overridden|inherited|cached|ignored|skipped|reset|validated|loaded|generated|passed|propagated|awaited|scheduled|swallowed|caught|retried|closed|released|freed|guaranteed|allowed|applied)\b|\b(isn't|aren't|wasn't|weren't|is not|are not|was not|were not|is never|are never|gets? never) (called|set|checked|handled|run|executed|evaluated|triggered|raised|returned|created|stored|imported|installed|supported|awaited|scheduled|guaranteed|allowed|applied|covered|reached|propagated|reset|closed|released|cached|validated|loaded|passed)\b|\buntil\b|\b(is|are) (able|unable) to\b|\b(changes|modifies|mutates|resets|creates|deletes|removes|reads|writes|opens|closes|sorts|copies|converts|casts|escapes|encodes|decodes|parses|loads|registers|triggers|catches|checks|extends|matches|replaces) the\b|\b(matches|mirrors|follows) the (behaviou?r|semantics|convention)\b|\bby default\b|\bautomatically\b|\binternally\b|under the hood|\b(doesn't|does not|don't|do not|can't|cannot|won't|will not|isn't|aren't) (support|work|handle|allow|accept|apply|matter|exist|get|run|return|raise|throw|call|guarantee|happen|change|affect|block|care|include|contain|expect|know)\b|\b(supports|requires|handles|expects|accepts|ignores|overrides|propagates|delegates|swallows|wraps|inherits|implements|caches|blocks|falls back|defaults to)\b|\b(works|runs|fails|behaves|happens) (the same|only|when|if|on|in|for|with|because|since|until|before|after)\b|\b(was|were) (added|introduced|removed|deprecated|changed) in\b|\b(python|py|version|v) ?\d+(\.\d+)*\+?|\b(falsy|truthy|equivalent|idempotent|immutable|mutable|thread-?safe|lazy|lazily|atomic|blocking|non-blocking|async|synchronous|asynchronous)\b|\b(the same as|same thing as|not the same|is just|is simply|is only|is never|is always|are always|are never)\b`)

// standingWords: how things stand now, "already", "currently", "anyway":
// an explanation when it says what already happens ("the caller already
// retries"), as often a remark on the change ("this is already done in
// your other pull request"); apart from behaviourWords, whose verbs say
// what code does.
var standingWords = regexp.MustCompile(`\b(already|anyways?|as of now|currently|at the moment|for now|nowadays|these days|anymore|no longer)\b`)

// knowledgeWords: the reviewer passes on what they know: "note that",
// "afaik", "in general", "for example", "it turns out".
var knowledgeWords = regexp.MustCompile(`\b(note that|notice that|keep in mind|be aware|beware|fyi|fwiw|in fact|actually|afaik|afaict|iirc|til|i believe|i think (the|this|that|it) (is|was|does|doesn't|will|would|only|already)|turns out|as far as i (know|can tell)|in general|generally|usually|typically|normally|in practice|in theory|for example|e\.g\.?|for instance|such as|i\.e\.?|in other words|the (idea|trick|catch|point|problem|issue|thing) is)\b`)

// ruleWords: a rule with why it exists, or the project's practice: "we
// prefer", "the convention is", "in this repository", "deliberately".
var ruleWords = regexp.MustCompile(`\b(conventions?|guidelines?|best practices?|idiomatic|pythonic|anti-?pattern|we (generally |usually |normally |typically |always |never |currently )?(prefer|avoid|avoided|don't|dont|do not|try to|tend to|usually|always|never)|we (don't|dont|do not) (usually|generally|normally|typically|currently)|(the|our) (pattern|goal|point|purpose|policy|rule|practice|intent|intention|idea) (is|was|here|of)|the goal|in (this|the|our) (repo|repository|project|codebase|code base|code)|by design|deliberate(ly)?|intentional(ly)?|on purpose)\b`)

// alternativeWords: another way of doing it, which teaches when it
// comes with its why ("rather than X, Y, because").
var alternativeWords = regexp.MustCompile(`\b(instead|rather than|alternatively|an alternative|another (way|option|approach)|(better|simpler|cleaner|safer|easier|clearer|faster|nicer|preferable) (to|if|way|approach|option|solution|than)|is better|would be better|more (robust|efficient|readable|accurate|idiomatic|pythonic|explicit|general|flexible|consistent|maintainable))\b`)

// simplerWords: a simpler way, where "just" or "simply" is the
// rationale ("you could just reuse the helper"), or a claim that the code
// can be simpler or more direct.
var simplerWords = regexp.MustCompile(`\b(just|simply) (use|call|do|return|pass|loop|iterate|check|keep|put|make|add|remove|drop|set|raise|break|re-?use|have|move|log|assert|catch|delete)\b|\b(can|could) be (simplified|shortened|combined|merged|collapsed|optimi[sz]ed|replaced|written)\b|\bmore direct\b`)

// redundantWords: the comment tells the author a piece of code does
// nothing; bare, it is the guide's suggestion ("this import isn't
// needed"); with its why it teaches.
var redundantWords = regexp.MustCompile(`\b(no need (to|for)|not needed|isn't needed|is not needed|unnecessary|not necessary|isn't necessary|don't need|doesn't need|redundant|unused|isn't used|not used|dead code|never used|not required|isn't required|does nothing)\b`)

// The other kinds.

// reportWords: the writer tells what they did ("i added", "i've
// changed", "we fixed"): a reply by the author of the change, or a status
// note, which the guide calls other even when it gives a reason.
var reportWords = regexp.MustCompile(`(^|[.!?;,:] |\n|\b(so|and|then|hence|thus|therefore|but|now|which is why|that's why|this is why) )(i|i've|i have|i had) ?(just |also |now |then |already |actually |originally |initially )?(added|made|changed|updated|removed|copied|moved|fixed|did|tried|kept|put|wrote|written|cleaned|renamed|reverted|dropped|replaced|refactored|rebased|split|squashed|addressed|pushed|reworded|rewrote|switched|amended|done|used|introduced|implemented|chose|opted|went|created|followed|decided|left|included|excluded|adjusted|modified|extracted|converted|reused|ran|tested|checked|verified)\b`)

// asideWords: the reviewer acknowledges, or thinks aloud for themselves
// or other reviewers; even with a "because" in it, such a comment
// explains to the reviewer, not to the author.
var asideWords = regexp.MustCompile(`^(ok|okay|right|ah|oh|i see|i guess|hmm+|yup|yep|yes|fair enough|sure|got it|makes sense)\b|\bnote (to|for) (self|myself|(other |future )?reviewers|the future( me)?)\b|\bnote-for-self\b|\bfor (future |other )?(readers|reviewers)\b|\bthinking out loud\b|\b(this|that) works\b|\b(is|that's|it's|seems) (fine|ok|okay)\b`)

// interjectionWords: a sound rather than a statement ("ick", "omg",
// "meh"); on its own it neither teaches, suggests nor asks, which the
// guide calls other.
var interjectionWords = regexp.MustCompile(`^(omg|ick|ugh|meh|wah|heh|gross|yuck|ew+|blech|blarg|bleh|argh|sigh|wow|whoa|oops|lol|um+|uh+|hah?|doh|yikes|sheesh)\b`)

// approvalWords: the whole comment signs off, in words or with the usual
// marks ("++", a check mark, a thumbs-up).
var approvalWords = regexp.MustCompile(`^(lgtm|\+1|\+\+|ship ?it|approved?|looks (good|fine|great|ok|okay)( to me)?|sgtm|works for me|good to (go|merge)|all good|:shipit:|:\+1:|👍|✅|✔|✓)(\W|$)`)

// praiseWords: thanks and compliments. Matched only in short comments
// with no reason, so "nice, but this will leak because ..." is not praise.
var praiseWords = regexp.MustCompile(`\b(nice|great|thanks?|thank you|thx|love (this|it|that)|awesome|excellent|neat|cool|good (catch|call|idea|point|find)|well done|kudos|elegant|clean|cleaner|nicer|much better|beautiful|good (job|work)|well spotted|brilliant|perfect|impressive)\b|:\)|🎉|❤️|:tada:|:heart:`)

// nitMarkers: the reviewer says the remark is trivia.
var nitMarkers = regexp.MustCompile(`^\[?(nit|nitpick|minor|tiny|trivial|optional|style)\b|\b(nit|nitpick|nitpicking|nits)\b`)

// nitTopics: naming, spelling and layout remarks.
var nitTopics = regexp.MustCompile(`\b(typos?|spelling|misspell\w*|spelt|grammar|grammatical|capitali[sz]\w*|upper ?case|lower ?case|punctuation|comma|period|full stop|whitespace|white space|ws|trailing space|extra space|double space|blank lines?|empty lines?|new ?line|line break|backslash(es)?|indent\w*|dedent\w*|alignment|align|line length|too long|long line|wrap(ped)? line|naming|rename|renamed|renaming|variable name|better name|the name|a name|names|call (this|it)|wording|reword\w*|phrasing|rephrase|plural|singular|tense|docstring|comment (says|should|is)|pep ?8|flake8|lint|import order|sort(ed)? imports|formatting|format|snake_case|camel ?case|quotes|alphabeti[sz]\w*|spacing|spaces|(more )?(self-?documenting|descriptive|meaningful) (name|names|variable|variables)|\d+ char(acter)?s|top of the (file|module)|import statements?|trailing)\b`)

// suggestionWords: a proposal, as an imperative or a polite form.
var suggestionWords = regexp.MustCompile(`^(please|pls|use|add|remove|drop|rename|move|replace|change|make|avoid|delete|extract|inline|split|merge|wrap|return|check|call|pass|put|keep|switch|let's|lets)\b|\b(could you|can you|would you|you could|you can|we could|we can|we should|you should|should (be|probably|also|just)|maybe|perhaps|consider|suggest|how about|what about|why not|might want|may want|need to|needs to|i'?d (prefer|rather|suggest)|i would|please)\b`)

// personalStart opens a sentence about the people in the review rather
// than about how something works: the writer or the reader ("i think",
// "we should", "you could"), a hedge, a connective or a reply ("ok",
// "yes"). A statement that opens otherwise has the code or the world
// as its subject ("the cache", "this", "pytest", "some databases") and,
// when it says how that subject behaves or what follows, states a fact
// the author can reuse ("this isn't triggered until the queue is read").
var personalStart = regexp.MustCompile(`^(i|i'm|i'd|i've|i'll|we|we're|we'd|we've|we'll|you|you're|you'd|you've|let's|lets|please|maybe|perhaps|also|and|but|so|ok|okay|nit|yes|yeah|yep|no|not|same|ditto|thanks|thank|well|just|hmm+|ah|oh|sure|right)\b`)

// asksForDocs: the comment asks for a comment, a docstring, a note or a
// test to be written; what that text should say is not itself taught
// ("add a comment explaining why the lock is needed", "a test would be
// good").
var asksForDocs = regexp.MustCompile(`\b(add|adding|write|writing|include|including|put|need|needs|mention|leave|have|having)\b[^.?!\n]{0,25}\b(comments?|docstrings?|description|explanation|note|changelog( entry)?|release ?notes?|tests?|test cases?|unit tests?|examples?)\b|\b(comments?|docstrings?|a note|a test|tests|an example) (here |for this |for these )?(would|could|might|will) (be|help)\b|\b(the|this|a) (comment|docstring|description) (should|could|must|needs to) (say|mention|explain|describe|note|state)\b`)

// requestRe: a sentence that asks for a change.
var requestRe = regexp.MustCompile(`^(please|pls|let's|lets|use|add|remove|drop|rename|move|replace|change|make|avoid|delete|extract|inline|split|merge|wrap|return|check|call|pass|put|keep|switch|revert|fix|update|define|raise|catch|handle|document|test|consider|try|leave|mock|assert|declare|import|include|mention|simplify|reuse|refactor|do not|don't|dont|just|maybe|perhaps|suggest)\b|\b(please|we (should|need to|must|have to|could|can)|you (should|need to|must|have to|could|can|might want|may want)|should (be|probably|also|just|not)|i'?d (prefer|rather|suggest|move|use|keep|say|go|recommend|like)|i would (prefer|rather|suggest|move|use|keep|say|go|recommend|like)|i suggest|i recommend|how about|what about|why not|can you|could you|would you|can we|could we|shall we|needs? to be)\b`)

// imperativeStart is a comment that opens with a command: "remove this",
// "add a test". Without a reason it is the guide's bare imperative.
var imperativeStart = regexp.MustCompile(`^(please |pls )?(use|add|remove|drop|rename|move|replace|change|make|avoid|delete|extract|inline|split|merge|wrap|return|check|call|pass|put|keep|switch|fix|update|revert|define|log|test|raise|catch|handle|set|get|do|don't|dont|leave|mock|assert|reword|reorder|combine|simplify|document|spell|capitalize|indent)\b`)

// suggestiveQuestion: a change request worded as a question ("why not
// use X?", "can't we ...?", "should this be ...?").
var suggestiveQuestion = regexp.MustCompile(`\b(why not|why don't|can't we|couldn't we|can we|could we|should we|shouldn't (we|this|it|that)|should (this|it|that) (be|not|also)|would it be (better|cleaner|simpler|nicer|easier)|how about|what about|is (this|it) (needed|necessary|required)|wouldn't it be|any reason (not )?to|could (you|this|it)|can (you|this)|would you)\b`)

// politeRequest: a request worded as a question ("could you ...").
var politeRequest = regexp.MustCompile(`^(could|can|would|will) you\b`)

// askingStart: a sentence that asks even without its question mark
// ("is this needed"); "when", "where" or "which" may open a statement
// too ("when the cache is empty, ..."), so they count only with one.
var askingStart = regexp.MustCompile(`^(why|is|are|does|did|can|could|should|would|will|isn't|aren't|doesn't|didn't|shouldn't|wouldn't|any reason)\b`)

// questionStart: a sentence that asks, even without a question mark.
var questionStart = regexp.MustCompile(`^(why|what|how|when|where|which|who|is|are|does|do|did|can|could|should|would|will|isn't|aren't|doesn't|don't|shouldn't|wouldn't|any reason)\b`)

// dittoRe is a comment that points at another one instead of saying
// anything itself.
var dittoRe = regexp.MustCompile(`^(same|ditto|likewise|again|as above|as below|same (here|as above|as before|thing|below|comment|issue|applies)|here too|and here|also here|see above|see below|see my (previous |other |earlier )?comment)\W*$`)

// ackRe is a reply that acknowledges: "done", "ok", "fixed in the next
// patch".
var ackRe = regexp.MustCompile(`^(done|fixed|ok|okay|ack|agreed?|yes|yeah|yep|sure|will do|thanks?,? (fixed|done)|good point|right|true|understood|noted|resolved|addressed)\b`)

// wishRe is a request worded as a wish: "a test would be nice".
var wishRe = regexp.MustCompile(`\b(would|will|might) be (nice|good|great|better|cleaner|nicer)\b`)

// grammarWords are the words a comment's grammar is read with: function
// words (pronouns, articles, auxiliaries, modal verbs, negation,
// prepositions, connectives), the verbs and adjectives every code review
// uses, and the shorthand reviewers write (afaik, iirc, imo). Every other
// word is read as "_", a placeholder: "since it's not a required
// dependency" is read "since it's not a _ _", the same in any project,
// whatever its nouns.
var grammarWords = wordSet(`a an the this that these those it its it's they them their there here
i i'm i'd i've i'll me my we we're we'd we've we'll us our you you're you'd you've you'll your he she one ones
is are was were be been being am isn't aren't wasn't weren't do does did doing done don't doesn't didn't dont
have has had having haven't hasn't hadn't will would shall should can could may might must won't wouldn't
shouldn't can't cannot couldn't mustn't needn't 'll 'd
not no nor never always only just also too very so such than then else otherwise because since as if
unless until while when whenever where which who whom whose what why how whether
and or but however although though yet thus hence therefore instead rather anyway anyways actually
of in on at by for with without from to into onto over under about above below after before between through
during within against across along around per via like unlike
all any some each every both either neither few many much more most less least other another same
up down out off again further once now still already ever
e.g i.e eg ie etc afaik afaict iirc imo imho fwiw btw til fyi nit nitpick
get gets got make makes made let lets let's use uses used using need needs needed want wants wanted
work works worked working fail fails failed failing break breaks broke broken breaking
return returns returned raise raises raised throw throws call calls called calling run runs running ran
add adds added remove removes removed change changes changed keep keeps move moved
check checks checked handle handles handled support supports supported require requires required
cause causes caused lead leads result results mean means meant happen happens happened
allow allows allowed prevent prevents avoid avoids ensure ensures sure
think thought guess believe know knew see seen seems seem look looks looked
prefer suggest recommend consider wonder
better worse best simpler easier harder safer faster slower cleaner clearer
wrong right correct incorrect fine ok okay good bad nice great thanks thank please maybe perhaps probably
reason problem issue risk bug error exception case example point way thing things
default documented documentation docs doc spec convention pattern test tests new old same different`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
