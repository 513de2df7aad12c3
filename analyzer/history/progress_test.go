package history

import (
	"bytes"
	"testing"
)

func TestProgress(t *testing.T) {
	var b bytes.Buffer
	p := newProgress(&b, "acme/shop")
	for n := 1; n < progressEvery; n++ {
		p.tick(n)
	}
	if b.Len() != 0 {
		t.Fatalf("progress before %d commits: %q", progressEvery, b.String())
	}
	p.tick(progressEvery)
	p.done()
	want := "\rgit-career: acme/shop: 5000 commits scanned\r\x1b[K"
	if b.String() != want {
		t.Errorf("progress = %q, want %q", b.String(), want)
	}

	b.Reset()
	p = newProgress(&b, "r")
	p.diffs(0, 2*progressEvery)
	p.diffs(progressEvery, 2*progressEvery)
	if want := "\rgit-career: r: changes of 5000 of 10000 commits read\x1b[K"; b.String() != want {
		t.Errorf("diff progress = %q, want %q", b.String(), want)
	}

	// No writer (stderr is not a terminal): nothing, and no panic.
	q := newProgress(nil, "x")
	q.tick(progressEvery)
	q.done()
}
