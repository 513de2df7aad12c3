package analyzer

import (
	"reflect"
	"slices"
	"testing"

	"github.com/git-career/git-career/analyzer/work"
)

func TestMessageRefs(t *testing.T) {
	for _, tt := range []struct {
		subject, body string
		want          []string
	}{
		{"Fix the cart total (#12)", "", nil},
		{"Fix the cart total for #40", "", []string{"#40"}},
		{"Fix the cart total", "Fixes #41.\n\nIntroduced in #30, see #29.", []string{"#41"}},
		{"Retry uploads", "Part of acme/api#7 and SHOP-12; UTF-8 safe", []string{"#7", "SHOP-12"}},
		{"Retry uploads", "Closes GH-9", []string{"#9"}},
		{"Speed the hash with SHA-256", "", nil},
	} {
		if got := messageRefs(tt.subject, tt.body); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("messageRefs(%q, %q) = %q, want %q", tt.subject, tt.body, got, tt.want)
		}
	}
}

func TestFollowsUp(t *testing.T) {
	got := followsUp("Fix dictionary use-after-free (#13135)", "After #13072, there is an use-after-free error.\nSee #99 for the idea.",
		[]work.Trailer{{Key: "Fixes", Value: "46241068daed (feat: reduce console/term dependencies (#897))"}, {Key: "Fixes", Value: "https://github.com/o/r/issues/1000"}})
	want := []string{"#13072", "sha:46241068daed"}
	if !slices.Equal(got, want) {
		t.Errorf("followsUp = %q, want %q", got, want)
	}
}
