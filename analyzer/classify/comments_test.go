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
		label, decs, subject, ok := ParseCommentLabel(tt.body)
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
		// Conventional Comments labels and decorations.
		{"praise: the table makes the rules easy to scan", Praise, "conventional label praise"},
		{"praise (non-blocking): clear names, because they read well", Praise, "praise"},
		{"nitpick (non-blocking): double space here", Nitpick, "conventional label nitpick (non-blocking):"},
		{"nit: trailing comma", Nitpick, "conventional label nit:"},
		{"typo: 'lenght'", Nitpick, "conventional label typo:"},
		{"polish (if-minor): shorter log line", Nitpick, "(if-minor)"},
		{"quibble: 'fetch' reads better than 'get'", Nitpick, "quibble"},
		{"suggestion: extract the retry into a helper", Suggestion, "conventional label suggestion:"},
		{"suggestion (blocking): close the file here, otherwise the descriptor leaks on error", Educational, "otherwise"},
		{"question: is this ever negative?", Question, "conventional label question:"},
		{"question: why a map here, since the keys are dense integers?", Educational, "since the"},
		{"issue: this will fail when the list is empty because index 0 is read first", Educational, "gives a reason"},
		{"issue (blocking): wrong status code", Remark, "no recognised"},
		{"todo: please add a test for the empty input", Suggestion, "please"},
		{"thought: you could just reuse the parser from the config package", Educational, "simpler"},
		{"note: by default the client retries three times", Educational, "by default"},
		{"chore: run the formatter", Remark, "no recognised"},
		{"nit: use a constant here so that the two call sites agree", Educational, "so that"},

		// Sign-offs and praise, only when they are the whole comment.
		{"LGTM", Approval, "lgtm"},
		{"+1", Approval, "+1"},
		{"Ship it!", Approval, "ship it"},
		{"Approved.", Approval, "approved"},
		{"Looks good to me, thanks", Approval, "looks good to me"},
		{"++", Approval, "++"},
		{"✔", Approval, "✔"},
		{"all good here", Approval, "all good"},
		{"Nice!", Praise, "nice"},
		{"Much cleaner :)", Praise, "cleaner"},
		{"Thanks for cleaning this up", Praise, "thanks"},
		{"Love this.", Praise, "love this"},
		{"Great, but this leaks the handle because close is never deferred", Educational, "because"},

		// Educational.
		{"Move the lock above the read: otherwise two goroutines can both see an empty cache.", Educational, "otherwise"},
		{"Prefer a buffered channel since the sender must not block.", Educational, "since the"},
		{"Use errors.Is instead of ==, which also matches wrapped errors.", Educational, "instead of"},
		{"Better to parse once at start-up as it keeps the hot path free of allocation.", Educational, "better to"},
		{"See https://go.dev/doc/effective_go for the naming convention.", Educational, "links a reference"},
		{"RFC 3339 allows a lower-case t as the separator.", Educational, "links a reference"},
		{"Note that Close also flushes the writer.", Educational, "note that"},
		{"This is called when the context is cancelled, before the goroutine exits.", Educational, "explains behaviour"},
		{"This copy is unnecessary, the slice is not retained.", Educational, "redundant"},
		{"There is a race between the check and the write.", Educational, "defect"},

		// Asides are not teaching, even with a reason.
		{"This works because the map is never shared.", Remark, "thinks aloud"},
		{"OK, this works because the caller already holds the lock.", Remark, "thinks aloud"},
		{"Note to self: this branch matters because of the old format.", Remark, "thinks aloud"},

		// Questions, nitpicks, suggestions, remarks.
		{"Is this ever called with a nil context?", Question, "asks"},
		{"why the extra copy", Question, "asks"},
		{"Minor: double space", Nitpick, "trivia"},
		{"Typo in the error message", Nitpick, "naming or layout"},
		{"Trailing whitespace", Nitpick, "naming or layout"},
		{"Please rename this to maxRetries", Suggestion, "please"},
		{"Could you split this function", Suggestion, "could you"},
		{"Maybe move this into its own file", Suggestion, "maybe"},
		{"Consider a table test", Suggestion, "consider"},
		{"```go\nfor _, x := range xs {\n}\n```", Suggestion, "proposes code"},
		{"Same as above.", Remark, "no recognised"},
		{"", Remark, "no text"},
		{"   \n\t", Remark, "no text"},
		{"> because the loop ends\nagreed", Remark, "no recognised"},
		{"`since := time.Since(t)` here", Remark, "no recognised"},
	}
	for _, tt := range tests {
		got, why := Comment(tt.body)
		if got != tt.want || !strings.Contains(why, tt.why) {
			t.Errorf("Comment(%q) = %s, %q; want %s, reason containing %q", tt.body, got, why, tt.want, tt.why)
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
		label, decs, subject, ok := ParseCommentLabel(body)
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
