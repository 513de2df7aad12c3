package gitengine

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"

	"github.com/git-career/git-career/internal/gittest"
)

// TestObjectStoreReadsEveryObject compares every object the pack reader
// returns with `git cat-file`, for packs with offset deltas and with
// reference deltas.
func TestObjectStoreReadsEveryObject(t *testing.T) {
	for _, ofs := range []string{"true", "false"} {
		t.Run("useDeltaBaseOffset="+ofs, func(t *testing.T) {
			r := gittest.New(t)
			text := ""
			for i := 0; i < 40; i++ {
				text += fmt.Sprintf("line %d\n", i*7)
				r.Commit(fmt.Sprintf("c%d", i), map[string]string{
					"grow.txt":                     text,
					fmt.Sprintf("d%d/f.txt", i%5):  text + "tail\n",
					"big.txt":                      strings.Repeat(fmt.Sprintf("%d big line\n", i%3), 4000),
					fmt.Sprintf("bin/%d.bin", i%2): "\x00" + text,
				}, "")
			}
			r.Run("-c", "repack.useDeltaBaseOffset="+ofs, "repack", "-adfq", "--depth=50")
			repo := r.Open()
			s, err := openObjectStore(filepath.Join(r.Dir, ".git"), repo.Storer)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			want := catAllObjects(t, r)
			if len(want) < 100 {
				t.Fatalf("only %d objects", len(want))
			}
			for h, o := range want {
				got, err := s.read(o.typ, h)
				if err != nil {
					t.Fatalf("read %s: %v", h, err)
				}
				if !bytes.Equal(got, o.data) {
					t.Fatalf("object %s (%s): content differs", h, o.typ)
				}
				// The go-git facing method must agree too.
				eo, err := s.EncodedObject(plumbing.AnyObject, h)
				if err != nil {
					t.Fatal(err)
				}
				if eo.Type() != o.typ || eo.Size() != int64(len(o.data)) {
					t.Fatalf("EncodedObject %s: %s %d, want %s %d", h, eo.Type(), eo.Size(), o.typ, len(o.data))
				}
			}
			if _, err := s.read(plumbing.BlobObject, plumbing.NewHash(strings.Repeat("ab", 20))); err == nil {
				t.Error("reading a missing object succeeded")
			}
		})
	}
}

type catObject struct {
	typ  plumbing.ObjectType
	data []byte
}

func catAllObjects(t *testing.T, r *gittest.Repo) map[plumbing.Hash]catObject {
	t.Helper()
	out := r.Run("cat-file", "--batch-all-objects", "--batch")
	br := bufio.NewReader(strings.NewReader(out))
	res := map[plumbing.Hash]catObject{}
	for {
		line, err := br.ReadString('\n')
		if err == io.EOF {
			return res
		}
		if err != nil {
			t.Fatal(err)
		}
		f := strings.Fields(line)
		if len(f) != 3 {
			t.Fatalf("cat-file header %q", line)
		}
		typ, err := plumbing.ParseObjectType(f[1])
		if err != nil {
			t.Fatal(err)
		}
		n, _ := strconv.Atoi(f[2])
		data := make([]byte, n+1) // content and a newline
		if _, err := io.ReadFull(br, data); err != nil {
			t.Fatal(err)
		}
		res[plumbing.NewHash(f[0])] = catObject{typ, data[:n]}
	}
}

func TestApplyDeltaRejectsCorruption(t *testing.T) {
	base := []byte("hello world")
	// Source size 11, target size 5, copy offset 0 size 5.
	good := []byte{11, 5, 0x80 | 0x10, 5}
	if out, err := applyDelta(base, good); err != nil || string(out) != "hello" {
		t.Fatalf("applyDelta = %q, %v", out, err)
	}
	for _, d := range [][]byte{
		{10, 5, 0x90, 5},     // wrong base size
		{11, 5, 0x90, 20},    // copy past the base
		{11, 5, 0x91, 9, 5},  // copy past the base from an offset
		{11, 3, 5, 'a', 'b'}, // literal longer than the delta
		{11, 4, 0x90, 5},     // result size mismatch
	} {
		if _, err := applyDelta(base, d); err == nil {
			t.Errorf("applyDelta(%v) succeeded", d)
		}
	}
}

// TestOpenFastMixedStorage checks commitFiles when objects are spread
// over two packs and loose files, with a work tree path given.
func TestOpenFastMixedStorage(t *testing.T) {
	r := gittest.New(t)
	body := ""
	for i := 0; i < 30; i++ {
		body += fmt.Sprintf("line %d\n", i)
		r.Commit(fmt.Sprintf("c%d", i), map[string]string{"f.txt": body, fmt.Sprintf("d/%d", i%3): body}, "")
		switch i {
		case 10:
			r.Run("repack", "-adq")
		case 20:
			r.Run("repack", "-dq") // a second pack with only the new objects
		}
	}
	want := numstat(r, "--no-merges", "HEAD")
	repo, closeRepo, err := openFast(r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	defer closeRepo()
	if n := len(repo.Storer.(*fastStorage).fast.packs); n != 2 {
		t.Fatalf("%d packs, want 2", n)
	}
	if mism := checkStorer(t, r, repo, repo.Storer, want, true); len(mism) > 0 {
		t.Error(mism)
	}
}

// TestBufPoolClasses checks that a recycled buffer always holds what get
// asks for and is at most a quarter bigger than the class asked for.
func TestBufPoolClasses(t *testing.T) {
	for c := uint64(bufPoolMin); c < 1<<20; c += 1 + c/97 {
		if min := bufClassMin(bufClass(c)); min > c || c-min > c/4 {
			t.Fatalf("capacity %d: class %d starts at %d", c, bufClass(c), min)
		}
	}
	var b bufPool
	for n := uint64(bufPoolMin); n < 1<<20; n += 1 + n/89 {
		b.put(make([]byte, 0, n))
		buf := b.get(n)
		if uint64(len(buf)) != n {
			t.Fatalf("get(%d) returned %d bytes", n, len(buf))
		}
		if uint64(cap(buf)) > n+n/2+1 {
			t.Fatalf("get(%d) returned a buffer of capacity %d", n, cap(buf))
		}
	}
	if b.bytes < 0 || b.bytes > bufPoolBytes {
		t.Fatalf("pool holds %d bytes", b.bytes)
	}
}
