package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/git-career/git-career/report"
)

// writeOutput writes data to path atomically: a temporary file in the same
// folder, synced, then renamed over the target, so a reader never sees half
// a file. A Markdown doc (merge) is merged into the file there: the
// person's words are kept byte for byte and only new periods and items are
// added (report.Merge). A file that cannot be read as a git-career doc is
// left untouched. It returns the bytes the file holds afterwards.
func writeOutput(path string, data []byte, merge bool) (_ []byte, warnings []string, _ error) {
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, nil, fmt.Errorf("writing %q: folder %q does not exist", path, dir)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, nil, fmt.Errorf("writing %q: it is a folder; name a file", path)
	}
	// A doc kept in a synced folder or a dotfiles repository may be a
	// symlink: write where it points, or the two copies would drift apart.
	target := path
	if real, err := filepath.EvalSymlinks(path); err == nil {
		target = real
	}
	old, err := os.ReadFile(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, nil, fmt.Errorf("reading %q: %w", path, err)
	case !merge && !looksJSON(old):
		// JSON replaces only JSON: never a brag doc someone writes in.
		return nil, nil, fmt.Errorf("%q is not a JSON export; refusing to overwrite it: choose another -o path", path)
	case merge:
		if a, b := docTitle(old), docTitle(data); a != "" && b != "" && a != b {
			// Merging is safe either way, but someone else's work in your
			// doc (or --author '*' in it) is rarely what was meant.
			warnings = append(warnings, fmt.Sprintf("%q is %q; merging %q into it", path, a, b))
		}
		merged, err := report.Merge(old, data)
		var pe *report.ParseError
		if errors.As(err, &pe) {
			return nil, nil, fmt.Errorf("%q cannot be merged into (%s): left untouched; --force-new writes a fresh doc beside it", path, strings.TrimPrefix(pe.Error(), "report: "))
		}
		if err != nil {
			return nil, nil, fmt.Errorf("merging into %q: %w", path, err)
		}
		if bytes.Equal(old, merged) {
			return old, warnings, nil // nothing new: leave the file and its time alone
		}
		data = merged
	}
	return data, warnings, replaceFile(target, data)
}

// looksJSON reports whether b is a JSON document (an earlier export).
func looksJSON(b []byte) bool {
	b = bytes.TrimSpace(b)
	return len(b) == 0 || b[0] == '{' && json.Valid(b)
}

// replaceFile writes data to path through a temporary file and a rename.
func replaceFile(path string, data []byte) error {
	dir := filepath.Dir(path)
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

// besidePath is a free name next to path for --force-new: BRAG.new.md,
// then BRAG.new-2.md, and so on; nothing is ever written over a file.
func besidePath(path string) (string, error) {
	ext := filepath.Ext(path)
	base := strings.TrimSuffix(path, ext)
	for i := 1; i < 1000; i++ {
		p := base + ".new" + ext
		if i > 1 {
			p = fmt.Sprintf("%s.new-%d%s", base, i, ext)
		}
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			return p, nil
		}
	}
	return "", fmt.Errorf("no free name beside %q", path)
}

// mkdirFor creates the folder a file goes into: the Action's default
// output, brag/<period>.md, names a folder a fresh repository lacks.
func mkdirFor(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("creating the folder of %q: %w", path, err)
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

// docTitle is the first "# " heading of a Markdown doc: who it is about.
func docTitle(doc []byte) string {
	for _, line := range strings.Split(string(doc), "\n") {
		if t, ok := strings.CutPrefix(strings.TrimRight(line, "\r"), "# "); ok {
			return t
		}
	}
	return ""
}
