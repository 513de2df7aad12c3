package report

import (
	"bytes"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/diff"
	"github.com/rogpeppe/go-internal/txtar"
)

// mergeGoldenDir holds one txtar archive per merge story: input.json is the
// report first written (its rendering is generated.md), edited.md is that
// document after a person's edits, written by hand, fresh.json is the
// report of a later run and merged.md the expected merge. -update rewrites
// generated.md and merged.md; edited.md is the test's input and is never
// rewritten.
const mergeGoldenDir = "../testdata/report/merge"

func TestMergeGolden(t *testing.T) { runArchives(t, mergeGoldenDir, testMergeGoldenFile) }

func testMergeGoldenFile(t *testing.T, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	need := func(name string) []byte {
		data := archiveFile(ar, name)
		if data == nil {
			t.Fatalf("%s: no %s", file, name)
		}
		return data
	}
	generated := renderGolden(t, need("input.json"))
	fresh := renderGolden(t, need("fresh.json"))
	edited := need("edited.md")
	before := bytes.Clone(edited)

	merged, err := Merge(edited, fresh)
	if err != nil {
		t.Fatalf("Merge: %v", err)
	}
	if !bytes.Equal(edited, before) {
		t.Fatal("Merge modified its input")
	}
	again, err := Merge(merged, fresh)
	if err != nil {
		t.Fatalf("second Merge: %v", err)
	}
	if d := diff.Diff("merged", merged, "merged again", again); d != nil {
		t.Errorf("merging twice is not a no-op:\n%s", d)
	}
	for name, doc := range map[string][]byte{"generated": generated, "fresh": fresh} {
		if same, err := Merge(doc, doc); err != nil || !bytes.Equal(same, doc) {
			t.Errorf("merging the %s document into itself changed it (err %v):\n%s", name, err, diff.Diff("doc", doc, "merged", same))
		}
	}

	got := map[string][]byte{"generated.md": generated, "merged.md": merged}
	if *update {
		for i, f := range ar.Files {
			if data, ok := got[f.Name]; ok {
				ar.Files[i].Data = data
			}
		}
		if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, name := range []string{"generated.md", "merged.md"} {
		if d := diff.Diff("want/"+name, need(name), "got/"+name, got[name]); d != nil {
			t.Errorf("%s differs (rerun with -update to accept):\n%s", name, d)
		}
	}
}

// renderGolden renders a golden input.json as Markdown.
func renderGolden(t *testing.T, input []byte) []byte {
	t.Helper()
	r, opt, err := parseGoldenInput(input)
	if err != nil {
		t.Fatal(err)
	}
	var md bytes.Buffer
	if err := Markdown(&md, r, opt); err != nil {
		t.Fatalf("Markdown: %v", err)
	}
	return md.Bytes()
}
