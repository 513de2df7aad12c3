package history

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/git-career/git-career/analyzer/work"
	"github.com/git-career/git-career/internal/gittest"
)

// TestTopAuthorsAfterKnows: the frequent authors a stranger's run counts
// on its way through the history (Knows) are those TopAuthors counts on
// its own, past suggestScan commits too.
func TestTopAuthorsAfterKnows(t *testing.T) {
	r := gittest.New(t)
	r.Write(map[string]string{".mailmap": "Bo Chen <bo@example.com> <bo@old.example.com>\n"})
	authors := []string{"Bo Chen <bo@old.example.com>", "Cy Dee <cy@example.com>", "dependabot[bot] <bot@example.com>", "Bo Chen <bo@example.com>"}
	for i := 0; i < 12; i++ {
		r.CommitWith(fmt.Sprintf("c%d", i), map[string]string{"f": fmt.Sprint(i)},
			gittest.CommitOpts{Author: authors[i%len(authors)]})
	}
	r.Filler(suggestScan+5, "2021-01-01T00:00:00Z", "2022-01-01T00:00:00Z")
	for i := 0; i < 3; i++ {
		r.CommitWith(fmt.Sprintf("d%d", i), map[string]string{"f": fmt.Sprint("d", i)},
			gittest.CommitOpts{Author: authors[1], Date: fmt.Sprintf("2023-01-0%dT00:00:00Z", i+1)})
	}
	fresh, err := Open(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	want, err := fresh.TopAuthors(10)
	if err != nil {
		t.Fatal(err)
	}
	after, err := Open(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer after.Close()
	known, _, err := after.Knows(context.Background(), work.Identity{Emails: []string{"nobody@example.invalid"}}, "")
	if err != nil || known {
		t.Fatalf("Knows: %v, %v", known, err)
	}
	if after.top == nil {
		t.Fatal("Knows did not count the authors on its way")
	}
	got, err := after.TopAuthors(10)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after Knows: %v, want %v", got, want)
	}
}
