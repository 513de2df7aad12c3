package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/diff"
	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenDir holds one txtar archive per case: input.json (see
// goldenInput), and the expected brag.md and brag.json.
const goldenDir = "../testdata/report"

func TestGolden(t *testing.T) { runArchives(t, goldenDir, testGoldenFile) }

// runArchives runs test on every txtar archive in dir, one subtest each;
// an empty folder fails, so a moved folder cannot pass silently.
func runArchives(t *testing.T, dir string, test func(*testing.T, string)) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no golden files in %s", dir)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) { test(t, file) })
	}
}

func testGoldenFile(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	input := archiveFile(ar, "input.json")
	if input == nil {
		t.Fatalf("%s: no input.json", file)
	}
	r, opt, err := parseGoldenInput(input)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}

	var md, js bytes.Buffer
	if err := Markdown(&md, r, opt); err != nil {
		t.Fatalf("Markdown: %v", err)
	}
	if err := JSON(&js, r); err != nil {
		t.Fatalf("JSON: %v", err)
	}
	got := map[string][]byte{"brag.md": md.Bytes(), "brag.json": js.Bytes()}

	if *update {
		ar.Files = []txtar.File{{Name: "input.json", Data: input}}
		for _, name := range []string{"brag.md", "brag.json"} {
			ar.Files = append(ar.Files, txtar.File{Name: name, Data: got[name]})
		}
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, name := range []string{"brag.md", "brag.json"} {
		want := archiveFile(ar, name)
		if d := diff.Diff("want/"+name, want, "got/"+name, got[name]); d != nil {
			t.Errorf("%s differs (rerun with -update to accept):\n%s", name, d)
		}
	}
}

func archiveFile(ar *txtar.Archive, name string) []byte {
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data
		}
	}
	return nil
}
