package classify

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseCommentLabel(t *testing.T) {
	tests := []struct {
		body    string
		label   string
		decs    []string
		subject string
		ok      bool
	}{
		{"praise: tidy split of the handler", "praise", nil, "tidy split of the handler", true},
		{"nitpick (non-blocking): extra blank line", "nitpick", []string{"non-blocking"}, "extra blank line", true},
		{"suggestion (blocking): cache the lookup", "suggestion", []string{"blocking"}, "cache the lookup", true},
		{"issue (if-minor): the loop skips the last item", "issue", []string{"if-minor"}, "the loop skips the last item", true},
		{"todo: add a changelog entry", "todo", nil, "add a changelog entry", true},
		{"Question: is the timeout in seconds?", "question", nil, "is the timeout in seconds?", true},
		{"thought: this could live in its own package", "thought", nil, "this could live in its own package", true},
		{"chore (non-blocking, security): run the audit", "chore", []string{"non-blocking", "security"}, "run the audit", true},
		{"note: the retry count is shared", "note", nil, "the retry count is shared", true},
		{"typo: recieve", "typo", nil, "recieve", true},
		{"polish: shorter error text", "polish", nil, "shorter error text", true},
		{"quibble: I'd say 'fetch' not 'get'", "quibble", nil, "I'd say 'fetch' not 'get'", true},
		{"nit: trailing space", "nit", nil, "trailing space", true},
		{"**suggestion (non-blocking):** split this", "suggestion", []string{"non-blocking"}, "split this", true},
		{"**nit**: spacing", "nit", nil, "spacing", true},
		{"  NITPICK : spacing\nmore", "nitpick", nil, "spacing\nmore", true},
		{"note that this returns early", "", nil, "", false},
		{"see handler.go: line 12", "", nil, "", false},
		{"suggestion:", "", nil, "", false},
		{"suggestion (see above): x", "", nil, "", false},
		{"suggestion (): x", "", nil, "", false},
		{"suggestion (non-blocking: x", "", nil, "", false},
		{"https://example.org/a", "", nil, "", false},
		{"", "", nil, "", false},
	}
	for _, tt := range tests {
		label, decs, subject, ok := parseCommentLabel(tt.body)
		if label != tt.label || !reflect.DeepEqual(decs, tt.decs) || subject != tt.subject || ok != tt.ok {
			t.Errorf("ParseCommentLabel(%q) = %q, %q, %q, %v; want %q, %q, %q, %v",
				tt.body, label, decs, subject, ok, tt.label, tt.decs, tt.subject, tt.ok)
		}
	}
}

func TestClassifyComment(t *testing.T) {
	tests := []struct {
		body string
		want CommentClass
		why  string // a part of the reason
	}{
		// Decided before the model: no text, a praise label, a sign-off.
		{"", Other, "no text"},
		{"   \n\t", Other, "no text"},
		{"> because the loop ends", Other, "no text"},
		{"praise: the table makes the rules easy to scan", Praise, "conventional label praise"},
		{"praise (non-blocking): clear names, because they read well", Praise, "praise"},
		{"LGTM", Approval, "lgtm"},
		{"+1", Approval, "+1"},
		{"Ship it!", Approval, "ship it"},
		{"Looks good to me, thanks", Approval, "looks good to me"},
		{"✔", Approval, "✔"},
		{"Nice!", Praise, "praise only: \"nice\""},
		{"Thanks for cleaning this up", Praise, "thanks"},
		{"Much cleaner :)", Praise, "cleaner"},
		{"Done.", Other, "acknowledges: \"done\""},
		{"ok, fixed in the next patch", Other, "acknowledges"},

		// Labels of a form are honoured unless the comment teaches.
		{"nitpick (non-blocking): double space here", Nitpick, "conventional label nitpick (non-blocking):"},
		{"nit: trailing comma", Nitpick, "conventional label nit:"},
		{"typo: 'lenght'", Nitpick, "conventional label typo:"},
		{"polish (if-minor): shorter log line", Nitpick, "(if-minor)"},
		{"suggestion: extract the retry into a helper", Suggestion, "conventional label suggestion:"},
		{"question: is this ever negative?", Question, "conventional label question:"},
		{longTeaching("suggestion (blocking): "), Educational, teachingReason},
		{longTeaching("nit: "), Educational, teachingReason},

		// The model: a long explanation with its reasons teaches, whatever
		// label names no form.
		{longTeaching(""), Educational, teachingReason},
		{longTeaching("issue: "), Educational, teachingReason},
	}
	for _, tt := range tests {
		got, why := Comment(tt.body)
		ok := strings.Contains(why, tt.why)
		if tt.why == teachingReason {
			ok = namesTeaching(why)
		}
		if got != tt.want || !ok {
			t.Errorf("Comment(%q) = %s, %q; want %s, reason containing %q", tt.body, got, why, tt.want, tt.why)
		}
	}
}

// teachingReason asks for a reason that names at least one of the
// guide's teaching features, whichever the trained model ranks first.
const teachingReason = "(a teaching feature)"

func namesTeaching(why string) bool {
	for _, p := range []string{"gives a reason", "says what follows", "explains behaviour", "points to a reference", "links documentation", "links code", "shares what they know", "states a practice", "offers an alternative"} {
		if strings.Contains(why, p) {
			return true
		}
	}
	return false
}

// longTeaching is a comment of the kind the guide calls educational: a
// change, the consequence of not making it, and how the code behaves.
func longTeaching(prefix string) string {
	return prefix + "Move the lock above the read, because otherwise two goroutines can both see the " +
		"empty cache and both fill it, which means the second write silently replaces the first. " +
		"Note that the map is shared by every request handler, so this happens under load even " +
		"though the tests never hit it. See https://go.dev/ref/mem for why the read needs the lock too."
}

// The model's decisions that the labelled data settles and that the
// report depends on: short comments that only ask, point elsewhere or
// acknowledge are not quoted as teaching.
func TestClassifyCommentNotEducational(t *testing.T) {
	for _, body := range []string{
		"Same as above.",
		"Done.",
		"Fixed in the next patch.",
		"ok",
		"Why?",
		"Please rename this to maxRetries",
		"Could you split this function",
		"Trailing whitespace",
		"Typo in the error message",
		"A comment here would be nice :)",
		"```go\nfor _, x := range xs {\n}\n```",
		"`since := time.Since(t)` here",
		"chore: run the formatter",
	} {
		if got, why := Comment(body); got == Educational {
			t.Errorf("Comment(%q) = educational (%s); want any other kind", body, why)
		}
	}
}

func FuzzParseCommentLabel(f *testing.F) {
	for _, s := range []string{
		"praise: nice", "nitpick (non-blocking): x", "**nit**: y", "suggestion (a, b): z",
		"issue (:", "note that x: y", "", ":", "todo ()", "question:\n?",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		label, decs, subject, ok := parseCommentLabel(body)
		if !ok {
			if label != "" || decs != nil || subject != "" {
				t.Fatalf("not ok but returned %q, %q, %q", label, decs, subject)
			}
			Comment(body) // must not panic either
			return
		}
		if !commentLabels[label] {
			t.Fatalf("unknown label %q", label)
		}
		for _, r := range label {
			if r < 'a' || r > 'z' {
				t.Fatalf("label %q is not lower-case letters", label)
			}
		}
		if subject == "" || !strings.HasSuffix(strings.TrimSpace(body), subject) || subject != strings.TrimSpace(subject) {
			t.Fatalf("subject %q is not a trimmed, non-empty suffix of the trimmed %q", subject, body)
		}
		for _, d := range decs {
			if !isDecoration(d) || d != strings.ToLower(d) {
				t.Fatalf("bad decoration %q", d)
			}
		}
		Comment(body)
	})
}

// A Conventional Comments label is a hint, not the last word: a labelled
// comment that teaches is educational, and the label stays visible, in
// the result and first in the reason.
func TestClassifyCommentKeepsLabel(t *testing.T) {
	tests := []struct {
		body   string
		class  CommentClass
		label  string
		decs   []string
		reason string // a prefix of the reason
	}{
		{"suggestion: keep the parsing in one function so that both readers accept the same input; otherwise " +
			"the two copies will drift apart and one of them will reject a file the other takes.",
			Educational, "suggestion", nil, "labelled suggestion; "},
		{"**suggestion (non-blocking):** log the path too, because otherwise a failure on a shared runner " +
			"will hide which file it was reading, and the next person has to rerun it to find out.",
			Educational, "suggestion", []string{"non-blocking"}, "labelled suggestion; "},
		// The example of issue 19.
		{"suggestion: extract this into one helper so that both handlers share the validation; otherwise the two " +
			"copies will drift apart and one of them will miss the next fix", Educational, "suggestion", nil, "labelled suggestion; "},
		{"suggestion: move this into the helper", Suggestion, "suggestion", nil, "conventional label suggestion:"},
		{"nit (non-blocking): stray blank line", Nitpick, "nit", []string{"non-blocking"}, "conventional label nit (non-blocking):"},
		{"question: does this run on every request?", Question, "question", nil, "conventional label question:"},
		{"Move the check up, please.", Suggestion, "", nil, ""},
	}
	for _, tt := range tests {
		k := ClassifyComment(tt.body)
		if k.Class != tt.class || k.Label != tt.label || !reflect.DeepEqual(k.Decorations, tt.decs) || !strings.HasPrefix(k.Reason, tt.reason) {
			t.Errorf("ClassifyComment(%q) = %+v; want class %s, label %q %q, reason starting %q", tt.body, k, tt.class, tt.label, tt.decs, tt.reason)
		}
		if tt.class == Educational && !namesTeaching(k.Reason) {
			t.Errorf("ClassifyComment(%q): reason %q names no way of teaching", tt.body, k.Reason)
		}
		if class, why := Comment(tt.body); class != k.Class || why != k.Reason {
			t.Errorf("Comment(%q) = %s, %q; ClassifyComment says %s, %q", tt.body, class, why, k.Class, k.Reason)
		}
	}
}

// Comments as GitHub exports give them: lower-cased, Markdown links,
// fenced code, suggestion blocks, fences whose marks were dropped.
func TestClassifyCommentGitHubText(t *testing.T) {
	teaching := []string{
		"this import is not needed on python 3.9 and later, since the standard library ships the same helper " +
			"and the backport only shadows it; see [the changelog](https://docs.python.org/3/whatsnew/3.9.html) for when it moved.",
		"the default of this argument is evaluated once, when the function is defined, so every call that leaves it " +
			"out shares the same list and sees what the previous call appended to it.",
		"```suggestion\n    return sorted(items, key=str.lower)\n```\npython compares strings by code point, so every " +
			"upper-case letter sorts before every lower-case one; see https://docs.python.org/3/howto/sorting.html for how the key works.",
		// A reference teaches on its own (teachingRule): documentation, or
		// code elsewhere that shows how.
		"please use [`pathlib.Path.read_text`](https://docs.python.org/3/library/pathlib.html#pathlib.Path.read_text) here",
		"see how the other exporter does it: https://github.com/acme/shop/blob/main/export/csv.go#L40-L52",
	}
	for _, body := range teaching {
		if k := ClassifyComment(body); k.Class != Educational {
			t.Errorf("ClassifyComment(%q) = %s (%s), want educational", body, k.Class, k.Reason)
		}
	}
	notTeaching := []string{
		"```suggestion\n    return sorted(items)\n```",
		"python\nfor item in items:\n    total += item.size",
		"please rename this to `max_retries`",
		"why is this needed?",
		"[see here](https://github.com/acme/shop/pull/12)",
		// A naming convention linked is still a remark on naming.
		"class names should follow the [PascalCase](https://en.wikipedia.org/wiki/Camel_case) naming convention. please rename: my_handler",
		// The writer reports their own change, with its reason.
		"@ana i added this check because the parser rejects empty input, so the test needed it too",
		// The reason is the question's.
		"is this ever called twice? because the cache would then be filled twice",
		// What a comment should say is asked for, not taught.
		"add a comment explaining why the lock is taken here",
	}
	for _, body := range notTeaching {
		if k := ClassifyComment(body); k.Class == Educational {
			t.Errorf("ClassifyComment(%q) = educational (%s), want another kind", body, k.Reason)
		}
	}
}

func TestCommentFacts(t *testing.T) {
	c := newCommentFacts("see [the docs](https://example.org/docs/api.html), the [helper](https://github.com/o/r/blob/main/x.go#L3), " +
		"https://github.com/o/r/pull/4 and ![shot](https://example.org/a.png).\n" +
		"```suggestion\nx = 1\n```\n> quoted reply\nwill this break? it breaks because the cache is shared")
	if c.links != (commentLinks{docs: 1, code: 1, threads: 1, images: 1}) {
		t.Errorf("links = %+v, want one of each of docs, code, threads, images", c.links)
	}
	if c.code != 1 || c.suggestions != 1 || c.quotes != 1 {
		t.Errorf("code %d, suggestions %d, quotes %d; want 1, 1, 1", c.code, c.suggestions, c.quotes)
	}
	if strings.Contains(c.prose, "http") || strings.Contains(c.prose, "x = 1") || strings.Contains(c.prose, "quoted") {
		t.Errorf("prose %q keeps a link target, code or a quote", c.prose)
	}
	if strings.Contains(c.told, "will this break") || !strings.Contains(c.told, "because the cache is shared") {
		t.Errorf("told = %q, want the statements without the question", c.told)
	}
	var kinds []sentenceKind
	for _, s := range newCommentFacts("Move this up. Why is it here? It runs twice.").sentences {
		kinds = append(kinds, s.kind)
	}
	if want := []sentenceKind{sentenceRequest, sentenceQuestion, sentenceStatement}; !reflect.DeepEqual(kinds, want) {
		t.Errorf("sentence kinds = %v, want %v", kinds, want)
	}
	// An opening @mention is left out; a report of the writer's own change
	// and a reason given for a question are neither told nor taught.
	kinds = nil
	c = newCommentFacts("@ana i moved the check up, because it failed on empty input. does it run twice? because that would double the cost. it returns early.")
	for _, s := range c.sentences {
		kinds = append(kinds, s.kind)
	}
	if want := []sentenceKind{sentenceReport, sentenceQuestion, sentenceQuestion, sentenceStatement}; !reflect.DeepEqual(kinds, want) {
		t.Errorf("sentence kinds = %v, want %v", kinds, want)
	}
	if c.told != "it returns early." {
		t.Errorf("told = %q, want only the statement", c.told)
	}
	// A fence an export dropped: the language alone on a line, then code.
	c = newCommentFacts("try this:\npython\nfor x in xs:\n    print(x)\n\nit reads better")
	if c.code == 0 || strings.Contains(c.prose, "print") || !strings.Contains(c.prose, "it reads better") {
		t.Errorf("dropped fence: code %d, prose %q", c.code, c.prose)
	}
}

// The features that read the guide's ways of teaching, and those that
// tell a reason given from a reason asked for or a change reported.
func TestCommentFeaturesTeaching(t *testing.T) {
	tests := []struct {
		body      string
		has, lack []string
	}{
		// A statement of how something works, whatever its subject.
		{"the scheduler only retries a task until its deadline passes.", []string{"f:states-how-it-works", "f:behaviour"}, nil},
		{"this isn't triggered until the first request reads the queue.", []string{"f:states-how-it-works"}, nil},
		// A hedge or a pronoun opens an opinion, not a fact.
		{"i think it would help to rename this.", nil, []string{"f:states-how-it-works"}},
		// A reason that names things, and one that does not.
		{"keep the lock, since the worker pool shares the connection cache across requests.", []string{"f:reason-informative"}, nil},
		{"move this down, because we only need it there.", []string{"f:reason"}, []string{"f:reason-informative"}},
		// "Not used" says code is redundant; it does not explain behaviour.
		{"this variable is not used.", []string{"f:redundant"}, []string{"f:behaviour"}},
		// Reading better is the obvious reason, apart from what follows.
		{"splitting this would make it easier to read.", []string{"f:benefit"}, []string{"f:consequence"}},
		{"without the lock two writers will corrupt the file.", []string{"f:consequence"}, []string{"f:benefit"}},
		// Asking for a comment, a doc or a test.
		{"please add a test for the empty list.", []string{"f:asks-for-docs"}, nil},
		// A report of the writer's own change, after a connective too.
		{"the old name clashed with the builtin, so i renamed it.", []string{"f:report-sentence"}, []string{"f:reason-clause"}},
	}
	for _, tt := range tests {
		fs := commentFeatures(newCommentFacts(tt.body))
		for _, n := range tt.has {
			if !hasFeature(fs, n) {
				t.Errorf("%q: no %s; features %v", tt.body, n, featureNames(fs))
			}
		}
		for _, n := range tt.lack {
			if hasFeature(fs, n) {
				t.Errorf("%q: has %s; features %v", tt.body, n, featureNames(fs))
			}
		}
	}
}

func featureNames(fs []commentFeature) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.name)
	}
	return out
}
