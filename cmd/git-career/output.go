package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/git-career/git-career/analyzer/history"
	"github.com/git-career/git-career/report"
)

// maxDocSize is the most an existing output file may hold: a brag doc of
// ten busy years is well under a megabyte, and a file far larger (or a
// device that never ends) is not one to read into memory.
const maxDocSize = 16 << 20

// outputFile is the file -o names, checked and read before any history is:
// a wrong -o fails at once, and nothing is read twice.
type outputFile struct {
	path   string      // as the user gave it, for messages
	target string      // where it is written: a symlink is followed
	old    []byte      // what it holds; nil for a new or empty file
	doc    *report.Doc // old, parsed once, for a Markdown doc
}

// openOutput checks that path is a regular file or a new path in an
// existing folder, and reads what it holds (up to maxDocSize). A device, a
// FIFO, a socket or a folder is one clear error: reading one could block
// or never end, and writing over it is never what was meant. A Markdown
// doc it holds is parsed, once; a file that is not a doc of ours, or not
// a JSON export when json is asked for, fails here, before any history is
// read.
func openOutput(path string, json bool) (*outputFile, error) {
	out, err := readOutput(path)
	if err != nil || out.old == nil {
		return out, err
	}
	if json {
		if !looksJSON(out.old) {
			// JSON replaces only JSON: never a brag doc someone writes in.
			return nil, fmt.Errorf("%q is not a JSON export; refusing to overwrite it: choose another -o path", path)
		}
		return out, nil
	}
	if out.doc, err = report.ParseDoc(out.old); err != nil {
		return nil, out.mergeErr(err)
	}
	return out, nil
}

// readOutput is openOutput before the doc is parsed.
func readOutput(path string) (*outputFile, error) {
	out := &outputFile{path: path, target: path}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("writing %q: folder %q does not exist", path, dir)
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return out, nil
	case err != nil:
		return nil, fmt.Errorf("writing %q: %w", path, err)
	}
	if err := regular(path, fi); err != nil {
		return nil, err
	}
	if fi.Mode().Perm()&0o200 == 0 {
		// Replacing the file through a rename would succeed: refuse, as
		// git does for a file it may not write.
		return nil, fmt.Errorf("%q is read-only: left untouched; make it writable (chmod u+w) or choose another -o path", path)
	}
	// A doc kept in a synced folder or a dotfiles repository may be a
	// symlink: write where it points, or the two copies would drift apart.
	if real, err := filepath.EvalSymlinks(path); err == nil {
		out.target = real
	}
	f, err := os.Open(out.target)
	if err != nil {
		return nil, fmt.Errorf("reading %q: %w", path, err)
	}
	defer f.Close()
	// Checked again on the open file: the path may have changed since.
	if fi, err = f.Stat(); err != nil {
		return nil, fmt.Errorf("reading %q: %w", path, err)
	}
	if err := regular(path, fi); err != nil {
		return nil, err
	}
	old, err := io.ReadAll(io.LimitReader(f, maxDocSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading %q: %w", path, err)
	}
	if len(old) > maxDocSize {
		return nil, fmt.Errorf("%q is larger than %d MiB, too large to be a brag doc: left untouched; choose another -o path", path, maxDocSize>>20)
	}
	if len(bytes.TrimSpace(old)) > 0 {
		out.old = old // an empty file is a new doc
	}
	return out, nil
}

// regular refuses anything but a regular file.
func regular(path string, fi fs.FileInfo) error {
	m := fi.Mode()
	kind := ""
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return fmt.Errorf("writing %q: it is a folder; name a file", path)
	case m&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		kind = "a device"
	default:
		kind = "not a regular file"
	}
	return fmt.Errorf("writing %q: it is %s; name a regular file, or -o - for stdout", path, kind)
}

// mergeErr words an error of reading or merging into the doc for the
// person: what is wrong, that the file was left alone, and what to do.
func (o *outputFile) mergeErr(err error) error {
	var pe *report.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%q cannot be merged into (%s): left untouched; --force-new writes a fresh doc beside it", o.path, strings.TrimPrefix(pe.Error(), "report: "))
	}
	var oe *report.OverlapError
	if errors.As(err, &oe) {
		return fmt.Errorf("%q holds period %s, which overlaps %s: the days they share would be listed twice; left untouched: ask for %s, or choose another -o path",
			o.path, oe.Existing, oe.Fresh, strings.Fields(oe.Existing)[0])
	}
	return fmt.Errorf("merging into %q: %w", o.path, err)
}

// write writes data to the file atomically: a temporary file in the same
// folder, synced, then renamed over the target, so a reader never sees half
// a file. data is what the pipeline made of the doc openOutput read: the
// person's words kept byte for byte, only new periods and items added.
func (o *outputFile) write(data []byte) error {
	// The file was read before the history was, seconds or minutes ago: if
	// the person saved it since (the doc open in an editor), writing the
	// merge of the old copy would lose what they wrote.
	if err := o.unchanged(); err != nil {
		return err
	}
	return replaceFile(o.target, data)
}

// unchanged checks that the file still holds what openOutput read.
func (o *outputFile) unchanged() error {
	now, err := os.ReadFile(o.target)
	switch {
	case errors.Is(err, fs.ErrNotExist) && o.old == nil:
		return nil
	case err != nil:
		return fmt.Errorf("reading %q again: %w", o.path, err)
	case o.old == nil && len(bytes.TrimSpace(now)) == 0, bytes.Equal(now, o.old):
		return nil
	}
	return fmt.Errorf("%q changed while git-career ran: left untouched, with what was written in it; run again", o.path)
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

// readUserFile reads a file named in git config, where "~/" is home.
func readUserFile(path, home string) (string, error) {
	b, err := os.ReadFile(history.ExpandHome(path, home))
	if err != nil {
		return "", err
	}
	return string(b), nil
}
