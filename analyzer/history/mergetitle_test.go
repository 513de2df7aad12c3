package history

import "testing"

// A merge whose message has no title is named by its branch, when the
// branch's name says something.
func TestMergeTitle(t *testing.T) {
	for _, tt := range []struct{ msg, want string }{
		{"Merge pull request #12 from ann/fix-login\n\nFix the login redirect\n", "Fix the login redirect"},
		{"Merge pull request #8935 from babakks/8508-add-skip-ssh-key-option\n", "Add skip ssh key option"},
		{"Merge pull request #7 from ann/feature/retry_uploads", "Retry uploads"},
		{"Merge pull request #7 from ann/patch-1", ""},
		{"Merge pull request #7 from ann/master", ""},
		{"Merge pull request #7 from ann/1234", ""},
		{"Merge pull request #7 from ann/docs", ""},
		{"Merge branch 'topic/add-retries'", ""},
	} {
		if got := mergeTitle(tt.msg); got != tt.want {
			t.Errorf("mergeTitle(%q) = %q, want %q", tt.msg, got, tt.want)
		}
	}
}

// A merge commit whose message is the pull request's title (a
// repository's setting on GitHub) is that pull request's merge.
func TestMergePRTitleMessage(t *testing.T) {
	msg := "add SESSION_COOKIE_PARTITIONED config (#5499)\n"
	if n, ok := mergePR(msg); !ok || n != 5499 {
		t.Errorf("mergePR(%q) = %d, %v; want 5499", msg, n, ok)
	}
	if got := mergeTitle(msg); got != "add SESSION_COOKIE_PARTITIONED config" {
		t.Errorf("mergeTitle(%q) = %q", msg, got)
	}
	if _, ok := mergePR("Merge branch 'stable'\n"); ok {
		t.Error("a plain merge read as a pull request's")
	}
}

func TestAutomated(t *testing.T) {
	for msg, want := range map[string]bool{
		"Deploying to master from @ junegunn/fzf@55d5b153e627784fa43982fa3c01d0ab86ef0224 🚀\n": true,
		"deploy: 0123456789abcdef0123456789abcdef01234567\n":                                   true,
		"Apply automatic changes\n":                         true,
		"[create-pull-request] automated change\n":          true,
		"Deploying to production from the release branch\n": false,
		"Apply automatic changes to the parser by hand\n":   false,
	} {
		if got := automated(msg); got != want {
			t.Errorf("automated(%q) = %v, want %v", msg, got, want)
		}
	}
}
