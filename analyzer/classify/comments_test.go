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
	for _, p := range []string{"gives a reason", "says what follows", "explains behaviour", "links a reference", "offers an alternative", "names a defect"} {
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
