package gitengine

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// decodeCommit decodes a commit object's content as go-git's
// object.Commit.Decode (v5.19) does, field for field, without its
// buffered reader and its copies of every line: a history walk decodes
// every commit it visits, and go-git's decoder was about half of the cost
// of reading one. The commit has no storer: its Tree, Parents, File and
// signature methods are not for use (nothing here calls them).
//
// headerOnly stops after the tree, parents, author and committer, which
// the rest of the object never changes: enough to walk the history.
func decodeCommit(h plumbing.Hash, data []byte, headerOnly bool) (*object.Commit, error) {
	c := &object.Commit{Hash: h, Encoding: "UTF-8"}
	d := commitDecoder{data: data, c: c}
	if err := d.run(headerOnly); err != nil {
		return nil, err
	}
	return c, nil
}

// commitDecoder is go-git's commitScanner over a byte slice: the same
// states, in the same order, with the same handling of every odd header.
type commitDecoder struct {
	data []byte
	pos  int
	c    *object.Commit
	// pending is a line handed back to the next state, with its eof.
	pending    []byte
	pendingEOF bool
	hasPending bool

	sawTree, sawEncoding, sawMergetag bool
	extra                             *object.ExtraHeader
	msg                               []byte
}

// readLine returns the next line with its "\n"; eof is true when the
// line has none (the end of the data: bufio's ReadBytes returning
// io.EOF), and the line is then empty at the very end.
func (d *commitDecoder) readLine() (line []byte, eof bool) {
	if d.hasPending {
		d.hasPending = false
		return d.pending, d.pendingEOF
	}
	rest := d.data[d.pos:]
	i := bytes.IndexByte(rest, '\n')
	if i < 0 {
		d.pos = len(d.data)
		return rest, true
	}
	d.pos += i + 1
	return rest[:i+1], false
}

func (d *commitDecoder) pushBack(line []byte, eof bool) {
	d.pending, d.pendingEOF, d.hasPending = line, eof, true
}

type commitStep int

const (
	stepDone commitStep = iota
	stepParents
	stepAuthor
	stepCommitter
	stepHeaders
	stepMergetagCont
	stepPgpCont
	stepSkipCont
	stepExtraCont
	stepMessage
)

func (d *commitDecoder) run(headerOnly bool) error {
	// scanTree
	line, eof := d.readLine()
	if len(line) == 0 || isBlank(line) {
		return fmt.Errorf("%w: missing tree header", object.ErrMalformedCommit)
	}
	key, value := splitHeaderLine(line)
	if key != "tree" {
		return fmt.Errorf("%w: tree header must be first", object.ErrMalformedCommit)
	}
	h, err := parseHexID(value, "tree")
	if err != nil {
		return err
	}
	d.c.TreeHash = h
	d.sawTree = true
	step := stepParents
	if eof {
		step = stepDone
	}
	for step != stepDone {
		if headerOnly && step >= stepHeaders {
			return nil
		}
		if step, err = d.step(step); err != nil {
			return err
		}
	}
	d.c.Message = string(d.msg)
	return nil
}

// continuation reads the next line of a header that spans several: one
// that opens with a space is more of it, appended to dst without the
// space (nil: dropped), and the header goes on (step); any other line is
// handed back, and the headers go on.
func (d *commitDecoder) continuation(step commitStep, dst *string) commitStep {
	line, eof := d.readLine()
	if len(line) > 0 && line[0] == ' ' {
		if dst != nil {
			*dst += string(line[1:])
		}
		if eof {
			return stepDone
		}
		return step
	}
	if len(line) > 0 {
		d.pushBack(line, eof)
	}
	return stepHeaders
}

func (d *commitDecoder) step(step commitStep) (commitStep, error) {
	switch step {
	case stepParents:
		line, eof := d.readLine()
		switch {
		case len(line) == 0:
			return stepDone, nil
		case isBlank(line):
			return stepMessage, nil
		}
		key, value := splitHeaderLine(line)
		if key == "parent" {
			h, err := parseHexID(value, "parent")
			if err != nil {
				return stepDone, err
			}
			d.c.ParentHashes = append(d.c.ParentHashes, h)
			if eof {
				return stepDone, nil
			}
			return stepParents, nil
		}
		d.pushBack(line, eof)
		return stepAuthor, nil
	case stepAuthor, stepCommitter:
		line, eof := d.readLine()
		switch {
		case len(line) == 0:
			return stepDone, nil
		case isBlank(line):
			return stepMessage, nil
		}
		key, value := splitHeaderLine(line)
		next := stepCommitter
		if step == stepCommitter {
			next = stepHeaders
		}
		switch {
		case step == stepAuthor && key == "author":
			d.c.Author.Decode(value)
		case step == stepCommitter && key == "committer":
			d.c.Committer.Decode(value)
		default:
			d.pushBack(line, eof)
			return next, nil
		}
		if eof {
			return stepDone, nil
		}
		return next, nil
	case stepHeaders:
		line, eof := d.readLine()
		switch {
		case len(line) == 0:
			return stepDone, nil
		case isBlank(line):
			return stepMessage, nil
		}
		key, value := splitHeaderLine(line)
		next := stepHeaders
		switch key {
		case "tree", "parent", "author", "committer":
			// Out of place: dropped, as go-git and git do.
		case "encoding":
			if !d.sawEncoding {
				d.c.Encoding = object.MessageEncoding(value)
				d.sawEncoding = true
			}
		case "mergetag":
			if d.sawMergetag {
				next = stepSkipCont
			} else {
				d.c.MergeTag += string(value) + "\n"
				d.sawMergetag = true
				next = stepMergetagCont
			}
		case "gpgsig":
			d.c.PGPSignature += string(value) + "\n"
			next = stepPgpCont
		case "gpgsig-sha256":
			next = stepSkipCont
		default:
			// go-git's parseExtraHeader: split at the first space of
			// the whole line; a header with a value may go on.
			k, v, ok := bytes.Cut(line, []byte{' '})
			e := object.ExtraHeader{Key: string(bytes.TrimRight(k, "\n"))}
			if ok {
				e.Value = string(v)
				d.extra = &e
				next = stepExtraCont
			} else {
				d.c.ExtraHeaders = append(d.c.ExtraHeaders, e)
			}
		}
		if eof {
			return stepDone, nil
		}
		return next, nil
	case stepMergetagCont:
		return d.continuation(step, &d.c.MergeTag), nil
	case stepPgpCont:
		return d.continuation(step, &d.c.PGPSignature), nil
	case stepSkipCont:
		return d.continuation(step, nil), nil
	case stepExtraCont:
		next := d.continuation(step, &d.extra.Value)
		if next != step {
			d.finishExtra()
		}
		return next, nil
	case stepMessage:
		// Everything left, a line handed back first.
		if d.hasPending {
			d.hasPending = false
			d.msg = append(d.msg, d.pending...)
		}
		if d.msg == nil {
			d.msg = d.data[d.pos:]
		} else {
			d.msg = append(d.msg, d.data[d.pos:]...)
		}
		d.pos = len(d.data)
		return stepDone, nil
	}
	return stepDone, fmt.Errorf("commit decoder: unknown step %d", step)
}

func (d *commitDecoder) finishExtra() {
	d.extra.Value = strings.TrimRight(d.extra.Value, "\n")
	d.c.ExtraHeaders = append(d.c.ExtraHeaders, *d.extra)
	d.extra = nil
}

func isBlank(line []byte) bool { return len(line) == 1 && line[0] == '\n' }

// splitHeaderLine is go-git's splitHeader: the key before the first
// space, the value after it without the line's "\n" (nil for none).
func splitHeaderLine(line []byte) (string, []byte) {
	trimmed := bytes.TrimRight(line, "\n")
	key, value, ok := bytes.Cut(trimmed, []byte{' '})
	if !ok {
		return string(trimmed), nil
	}
	return string(key), value
}

// parseHexID is go-git's parseObjectIDHex: 40 hexadecimal digits, either
// case.
func parseHexID(value []byte, header string) (plumbing.Hash, error) {
	var h plumbing.Hash
	if len(value) != 2*len(h) {
		return plumbing.ZeroHash, fmt.Errorf("%w: bad %s hash", object.ErrMalformedCommit, header)
	}
	if _, err := hex.Decode(h[:], value); err != nil {
		return plumbing.ZeroHash, fmt.Errorf("%w: bad %s hash", object.ErrMalformedCommit, header)
	}
	return h, nil
}
