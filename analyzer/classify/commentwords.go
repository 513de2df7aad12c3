package classify

import "regexp"

// Review-comment vocabularies. Each is a lower-case pattern matched against
// the comment's prose (code and quotes removed, lower-cased);
// commentfeatures.go turns them into the model's features. They are
// ordinary English of code review, not the words of any one project.

// reasonWords: the comment says why. A reason is what turns "do X" into
// something the author can learn from and apply elsewhere.
var reasonWords = regexp.MustCompile(`\b(because|since (we|it|this|that|the|there|they|you|these|those|its|it's|an?|no|nothing|all)|otherwise|so that|in order to|(this|that|which|it) means|which (would|will|could|might|may)|that's why|which is why|the (problem|issue|risk|danger|catch|downside|reason) (is|here|with)|the reason|(will|would|could|can|may|might)( (also|still|never|essentially|actually|effectively|silently|then|eventually))? (cause|break|fail|lead|result|hide|mask|leak|regress|blow up|explode|crash|deadlock|race|overflow|never|always)|leads? to|results? in|due to|as a result|to (avoid|prevent|ensure|guarantee|make sure)|for (consistency|performance|safety|readability|clarity|correctness)|that way|this way)\b`)

// alternativeWords: another way of doing it, which nearly always comes with
// the trade-off that makes it better ("instead of X, Y", "rather than").
var alternativeWords = regexp.MustCompile(`\b(instead of|instead|rather than|(better|simpler|cleaner|safer|easier|clearer) (to|if|way|approach)|alternatively|an alternative|a better way|more (robust|efficient|idiomatic))\b`)

// behaviourWords: the comment explains what code does or when it runs,
// which is knowledge the author may not have had.
var behaviourWords = regexp.MustCompile(`\b(note that|nb:|keep in mind|be aware|beware|(this|that|it|which) (returns|is called|gets called|is run|runs|raises|throws|happens|is only|is never|is always|already|does not|doesn't|won't|will not)|is called (when|by|from|before|after)|by default|under the hood|(returns|raises|throws) (an?|the|none|nil|null|true|false|early)|(will|would) (return|raise|throw|be called|be set|be ignored|be lost|be skipped))\b`)

// effectWords: what the code does to the people who read or run it, or
// what a choice buys: "makes it hard to follow", "has the advantage
// that", "lets us drop the check". The guide's "a consequence, a risk".
var effectWords = regexp.MustCompile(`\b(makes?|making|made) (it|this|that|things|the \w+|code|them|reviewing|debugging) (hard|harder|difficult|easier|easy|impossible|confusing|clearer|fragile|brittle|slow|slower|faster|safer|unclear)\b|\b(hard|harder|difficult|tough|confusing|easy|easier) to (follow|read|maintain|understand|debug|test|review|tell|see|miss|mistake|get wrong)\b|\b(the )?(advantage|benefit|drawback|downside|trade-?off|intent|intention|purpose) (is|of|here)\b|\bhas the (advantage|benefit|effect)\b|\blets? (us|you|them|callers|the caller) (remove|drop|skip|avoid|reuse|keep|use)\b`)

// codeFactWords: a statement of where or when code runs or what it can
// do: "is checked in the validator", "this can also raise X", "we already
// have a helper", "is going to execute during reboot". Telling the
// author a fact about their code is the guide's "explains how some code
// behaves".
var codeFactWords = regexp.MustCompile(`\b(is|are|gets?|was|were) (already )?(called|checked|done|handled|set|used|executed|run|raised|returned|created|validated|ignored|skipped|cached|reset|overridden|passed|stored|loaded|covered|tested) (in|by|from|during|when|before|after|on|at|via|as part of|elsewhere|earlier|later|anyway)\b|\b(can|could|may|might|will) (also |only |still |never )?(raise|return|throw|execute|be none|be empty|be null)\b|\b(we|you|it|this|there) already (have|has|exists?|does|do|is|are|handles?|checks?|sets?|calls?)\b|\bis going to (execute|run|be called|fail|break|happen|return|raise)\b|\b(is|are) not the same (as|thing)\b|\bin fact\b`)

// referenceWords: a link, an RFC or PEP, or a pointer to documentation;
// sending someone to the source is teaching.
var referenceWords = regexp.MustCompile(`https?://\S+|\brfc ?\d+\b|\bpep[ -]\d+\b|\bsee (the |also |e\.g\. )?(docs?|documentation|manual|spec|guide|\[)|\[\d+\]`)

// simplerWords: a simpler way, where "just" or "simply" is the
// rationale ("you could just reuse the helper"), or a claim that the code
// can be simpler or more direct.
var simplerWords = regexp.MustCompile(`\b(just|simply) (use|call|do|return|pass|loop|iterate|check|keep|put|make|add|remove|drop|set|raise|break|re-?use|have|move|log|assert|catch)\b|\b(can|could) be (simplified|shortened|combined|merged|collapsed|optimi[sz]ed)\b|\bmore direct\b`)

// redundantWords: the comment tells the author a piece of code does
// nothing, a fact about the code they may not have known.
var redundantWords = regexp.MustCompile(`\b(no need (to|for)|not needed|isn't needed|is not needed|unnecessary|not necessary|isn't necessary|don't need|doesn't need|redundant|unused|isn't used|not used|dead code|never used)\b`)

// defectWords: the comment names a defect the code has; saying what goes
// wrong explains behaviour the author missed.
var defectWords = regexp.MustCompile(`\b(race condition|races?|racy|deadlocks?|leak(s|ed|ing)?|overflows?|infinite loop|regress(ion|ed|es)?|off[- ]by[- ]one|unreachable|always (be )?(true|false|none|null|nil|empty)|never (be )?(called|reached|run|set|true|false|hit|executed)|blow up|explode|false positive)\b`)

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
var praiseWords = regexp.MustCompile(`\b(nice|great|thanks?|thank you|thx|love (this|it|that)|awesome|excellent|neat|cool|good (catch|call|idea|point|find)|well done|kudos|elegant|clean|cleaner|nicer|much better|beautiful|good (job|work)|well spotted)\b|:\)|🎉`)

// nitMarkers: the reviewer says the remark is trivia.
var nitMarkers = regexp.MustCompile(`^(nit|nitpick|minor|tiny|trivial|optional)\b|\b(nit|nitpick)\b`)

// nitTopics: naming, spelling and layout remarks.
var nitTopics = regexp.MustCompile(`\b(typos?|spelling|misspell\w*|spelt|grammar|grammatical|capitali[sz]\w*|upper ?case|lower ?case|punctuation|comma|period|full stop|whitespace|white space|ws|trailing space|extra space|double space|blank line|empty line|new ?line|line break|backslash(es)?|indent\w*|dedent\w*|alignment|align|line length|too long|long line|wrap(ped)? line|naming|rename|renamed|variable name|better name|the name|a name|call (this|it)|wording|reword\w*|phrasing|rephrase|plural|singular|tense|docstring|comment (says|should|is)|pep ?8|flake8|lint|import order|sort(ed)? imports|style)\b`)

// suggestionWords: a proposal, as an imperative or a polite form.
var suggestionWords = regexp.MustCompile(`^(please|pls|use|add|remove|drop|rename|move|replace|change|make|avoid|delete|extract|inline|split|merge|wrap|return|check|call|pass|put|keep|switch)\b|\b(could you|can you|would you|you could|you can|we could|we can|we should|you should|should (be|probably|also|just)|maybe|perhaps|consider|suggest|how about|what about|why not|might want|may want|need to|needs to|i'?d (prefer|rather|suggest)|i would)\b`)

// politeRequest: a request worded as a question ("could you ...").
var politeRequest = regexp.MustCompile(`^(could|can|would|will) you\b`)

// questionStart: a sentence that asks, even without a question mark.
var questionStart = regexp.MustCompile(`^(why|what|how|when|where|which|who|is|are|does|do|did|can|could|should|would|will|isn't|aren't|doesn't|don't|shouldn't|wouldn't)\b`)
