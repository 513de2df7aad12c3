package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A doc saved by the person while a run read history is never written over
// with the merge of the copy read before: the run refuses, and the file
// keeps what they wrote.
func TestOutputRefusesAFileChangedDuringTheRun(t *testing.T) {
	for _, tt := range []struct{ name, before, edited string }{
		{"existing export", "{\"a\": 1}\n", "{\"a\": 2}\n"},
		{"new path", "", "a line typed in an editor meanwhile\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "BRAG.md")
			if tt.before != "" {
				if err := os.WriteFile(path, []byte(tt.before), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			o, err := openOutput(path, true)
			if err != nil {
				t.Fatal(err)
			}
			edited := tt.edited
			if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
				t.Fatal(err)
			}
			err = o.write([]byte("{}\n"))
			if err == nil || !strings.Contains(err.Error(), "changed while git-career ran: left untouched") {
				t.Fatalf("write = %v, want the changed-file refusal", err)
			}
			if got, _ := os.ReadFile(path); string(got) != edited {
				t.Errorf("file = %q, want the person's %q", got, edited)
			}
		})
	}
	// Unchanged, the write goes through.
	path := filepath.Join(t.TempDir(), "out.json")
	o, err := openOutput(path, true)
	if err != nil {
		t.Fatal(err)
	}
	if err := o.write([]byte("{}\n")); err != nil {
		t.Fatalf("write to an untouched new path: %v", err)
	}
}
