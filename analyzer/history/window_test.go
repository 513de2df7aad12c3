package history

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/git-career/git-career/analyzer/work"
	"github.com/git-career/git-career/internal/gitengine"
	"github.com/git-career/git-career/internal/gittest"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestReadKeepsWindow: the window holds the mainline's non-merge commits
// of its range, the months before the period included, whoever wrote
// them; not merges, not a branch the mainline lacks, not what is outside
// the range.
func TestReadKeepsWindow(t *testing.T) {
	r := gittest.New(t)
	r.Write(map[string]string{".mailmap": "Bo Chen <bo@example.com> <bo@old.example.com>\n"})
	r.Commit("Too old for the window", map[string]string{"a.txt": "0"}, "2025-06-01T10:00:00Z")
	before := r.CommitWith("Fix a crash in a", map[string]string{"a.txt": "1"},
		gittest.CommitOpts{Date: "2026-03-01T10:00:00Z", Author: "Bo Chen <bo@old.example.com>"})
	mine := r.Commit("Clean up a", map[string]string{"a.txt": "2", "pkg/new.go": "package pkg\n"}, "2026-07-10T10:00:00Z")
	r.Branch("side")
	r.Commit("On a side branch", map[string]string{"b.txt": "x"}, "2026-07-12T10:00:00Z")
	r.Checkout("main")
	r.Branch("feature")
	merged := r.Commit("Merged work", map[string]string{"c.txt": "x"}, "2026-07-13T10:00:00Z")
	r.Checkout("main")
	r.Merge("feature", "Merge branch feature", "2026-07-14T10:00:00Z")
	revert := r.CommitWith("Revert \"Clean up a\"", map[string]string{"a.txt": "1", "pkg/new.go": gittest.Delete},
		gittest.CommitOpts{Date: "2026-08-01T10:00:00Z", Body: "This reverts commit " + mine + "."})
	r.Commit("After the window", map[string]string{"a.txt": "3"}, "2027-03-01T10:00:00Z")

	repo, err := Open(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	period, _ := work.Quarter("2026Q3", day("2026-10-01"))
	scan, err := repo.Read(context.Background(), Options{
		Identity: work.Identity{Emails: []string{gittest.AuthorEmail}}, Period: period,
		Window: &TimeRange{Since: day("2026-01-01"), Until: day("2027-01-01")},
	})
	if err != nil {
		t.Fatal(err)
	}
	w := scan.Window
	if w == nil {
		t.Fatal("no window kept")
	}
	var got []string
	for _, c := range w.Commits {
		got = append(got, c.SHA)
	}
	want := []string{revert, merged, mine, before}
	if !slices.Equal(got, want) {
		t.Fatalf("window holds %v, want %v (newest first)", got, want)
	}
	if w.Commits[0].Reverts != mine {
		t.Errorf("the revert reverts %q, want %s", w.Commits[0].Reverts, mine)
	}
	if a := w.Commits[3].Author; a.Email != "bo@example.com" {
		t.Errorf("the old fix's author is %v, want Bo after .mailmap", a)
	}
	// The window keeps what the period's reading leaves out: the
	// clean-up and its revert cancel each other there.
	for _, e := range scan.Commits {
		if e.Commit.SHA == mine || e.Commit.SHA == revert {
			t.Errorf("the period lists %s, which its revert cancels", e.Commit.Subject)
		}
	}

	cs, err := w.Changes(2)
	if err != nil {
		t.Fatal(err)
	}
	wantCs := []Change{{Path: "a.txt"}, {Path: "pkg/new.go", Added: true}}
	if !slices.Equal(cs, wantCs) {
		t.Errorf("changes of the clean-up = %v, want %v", cs, wantCs)
	}
	for _, tt := range []struct {
		path string
		want bool
	}{{"pkg/", false}, {"a.txt", true}} {
		if got, err := w.Existed(2, tt.path); err != nil || got != tt.want {
			t.Errorf("Existed(%q) before the clean-up = %v, %v; want %v", tt.path, got, err, tt.want)
		}
	}
	var visited []int
	touched, err := w.Touched(context.Background(), []string{"a.txt", "pkg/"}, func(_ *Window, i int, _ []string) error {
		visited = append(visited, i)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(visited) != 4 || !slices.Equal(touched[0], []string{"a.txt", "pkg/"}) || touched[1] != nil ||
		!slices.Equal(touched[2], []string{"a.txt", "pkg/"}) || !slices.Equal(touched[3], []string{"a.txt"}) {
		t.Errorf("touched = %v (visited %v)", touched, visited)
	}
}

// TestWindowAdds: a commit adds a text when a file it changed holds it
// after and not before; files the filter refuses are not read.
func TestWindowAdds(t *testing.T) {
	r := gittest.New(t)
	r.Commit("base", map[string]string{"main.go": "package main\n", "README.md": "see guide.md\n"}, "2026-07-01T10:00:00Z")
	r.Commit("use", map[string]string{"main.go": "package main\nimport \"x/pkg/new\"\n", "README.md": "see guide.md and new.md\n", "notes.txt": "import \"x/pkg/new\"\n"}, "2026-07-02T10:00:00Z")
	repo, err := Open(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	period, _ := work.Quarter("2026Q3", day("2026-10-01"))
	scan, err := repo.Read(context.Background(), Options{Period: period, Identity: work.Identity{All: true},
		Window: &TimeRange{Since: day("2026-06-01"), Until: day("2026-10-01")}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := scan.Window.Adds(0, NewTexts([]string{`"x/pkg/new"`, "guide.md", "new.md"}), func(p string) bool { return p != "notes.txt" })
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	if !slices.Equal(got, []int{0, 2}) {
		t.Errorf("Adds = %v, want the import and the new link, not the old link", got)
	}
}

// TestWindowIfWork: with nothing of the user's in the period, the walk
// ends where it would without a window (StopRun commits past the period's
// start), and no window is kept; with their work, the window is read.
func TestWindowIfWork(t *testing.T) {
	r := gittest.New(t)
	r.Commit("First", map[string]string{"a.txt": "0"}, "2026-01-01T12:00:00Z")
	r.Filler(3*gitengine.StopRun, "2026-01-02T00:00:00Z", "2026-06-20T00:00:00Z")
	r.CommitWith("Bo's change", map[string]string{"b.txt": "1"},
		gittest.CommitOpts{Date: "2026-07-10T10:00:00Z", Author: "Bo Chen <bo@example.com>"})
	repo, err := Open(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer repo.Close()
	period, _ := work.Quarter("2026Q3", day("2026-10-01"))
	read := func(email string) *Scan {
		t.Helper()
		scan, err := repo.Read(context.Background(), Options{
			Identity: work.Identity{Emails: []string{email}}, Period: period,
			Window: &TimeRange{Since: day("2026-01-01"), Until: day("2026-12-31")}, WindowIfWork: true,
		})
		if err != nil {
			t.Fatal(err)
		}
		return scan
	}
	nobody := read("nobody@example.invalid")
	if nobody.Window != nil {
		t.Errorf("a window kept for an identity with nothing in the period (%d commits)", len(nobody.Window.Commits))
	}
	if n := nobody.Source.CommitsScanned; n > 2*gitengine.StopRun {
		t.Errorf("read %d of %d commits for nothing to measure", n, 3*gitengine.StopRun+2)
	}
	bo := read("bo@example.com")
	if bo.Window == nil || len(bo.Window.Commits) != 3*gitengine.StopRun+2 {
		t.Errorf("Bo's window: %v, want every commit of the range", bo.Window)
	}
}
