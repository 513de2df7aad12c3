package history

import (
	"fmt"
	"io"
)

// progressEvery is how many commits pass between progress lines: often
// enough to show life on a large repository, rarely enough to cost nothing.
const progressEvery = 5000

// progress writes a self-overwriting status line; nil writer, no output.
type progress struct {
	w     io.Writer
	repo  string
	shown bool
}

func newProgress(w io.Writer, repo string) *progress { return &progress{w: w, repo: repo} }

func (p *progress) tick(n int) {
	if p.w == nil || n%progressEvery != 0 {
		return
	}
	p.shown = true
	fmt.Fprintf(p.w, "\rgit-career: %s: %d commits scanned", p.repo, n)
}

// diffs shows how far reading the changes of n selected commits has got.
func (p *progress) diffs(i, n int) {
	if p.w == nil || i%progressEvery != 0 || i == 0 {
		return
	}
	p.shown = true
	fmt.Fprintf(p.w, "\rgit-career: %s: changes of %d of %d commits read\x1b[K", p.repo, i, n)
}

// done clears the status line so that what follows starts clean.
func (p *progress) done() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
