package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// generatedMarker ends every Markdown file git-career writes, with a hash of
// the text above it. A file whose hash still matches was not edited and may
// be replaced; any other file holds someone's words and is never
// overwritten.
const generatedMarker = "<!-- git-career: generated, sha256:"

// stamp appends the marker line to a generated document.
func stamp(doc []byte) []byte {
	sum := sha256.Sum256(doc)
	return append(doc, []byte(generatedMarker+hex.EncodeToString(sum[:])+" -->\n")...)
}

// unedited reports whether old is a stamped document nobody changed.
func unedited(old []byte) bool {
	body := bytes.TrimSuffix(old, []byte("\n"))
	i := bytes.LastIndex(body, []byte("\n"+generatedMarker))
	if i < 0 {
		return false
	}
	text, line := body[:i+1], string(body[i+1:])
	want, ok := strings.CutPrefix(line, generatedMarker)
	if !ok {
		return false
	}
	sum := sha256.Sum256(text)
	return strings.TrimSuffix(want, " -->") == hex.EncodeToString(sum[:])
}

// writeOutput writes data to path atomically: a temporary file in the same
// folder, synced, then renamed over the target, so a reader never sees half
// a file. A Markdown doc (guard) that would replace a file with a person's
// edits is refused instead.
func writeOutput(path string, data []byte, guard bool) error {
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return fmt.Errorf("writing %q: folder %q does not exist", path, dir)
	}
	if guard {
		data = stamp(data)
		old, err := os.ReadFile(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return fmt.Errorf("reading %q: %w", path, err)
		case bytes.Equal(old, data):
			return nil // nothing changed: leave the file and its time alone
		case !unedited(old):
			return fmt.Errorf("%q exists and was edited or not written by git-career; refusing to overwrite it: choose another -o path", path)
		}
	}
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("writing %q: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %q: %w", path, err)
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %q: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %q: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %q: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %q: %w", path, err)
	}
	return nil
}

// expandHome resolves "~/" in a path from git config, as git does.
func expandHome(path, home string) string {
	if rest, ok := strings.CutPrefix(path, "~/"); ok && home != "" {
		return filepath.Join(home, rest)
	}
	return path
}

// readUserFile reads a file named in git config, where "~/" is home.
func readUserFile(path, home string) (string, error) {
	b, err := os.ReadFile(expandHome(path, home))
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// mkdirFor creates the folder a file goes into: the Action's default
// output, brag/<period>.md, names a folder a fresh repository lacks.
func mkdirFor(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("creating the folder of %q: %w", path, err)
	}
	return nil
}
