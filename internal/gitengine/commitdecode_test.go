package gitengine

import (
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// goGitDecode is go-git's own decoding of a commit object's content.
func goGitDecode(data []byte) (*object.Commit, plumbing.Hash, error) {
	o := &plumbing.MemoryObject{}
	o.SetType(plumbing.CommitObject)
	o.Write(data)
	c, err := object.DecodeCommit(nil, o)
	return c, o.Hash(), err
}

// sameCommit compares what go-git exports of two commits; times by
// instant and zone offset (go-git makes a new zone for each signature).
func sameCommit(a, b *object.Commit) string {
	sig := func(s object.Signature) string {
		_, off := s.When.Zone()
		return fmt.Sprintf("%q <%q> %d %d %v", s.Name, s.Email, s.When.Unix(), off, s.When.IsZero())
	}
	type view struct {
		Hash, Tree                      plumbing.Hash
		Author, Committer               string
		MergeTag, PGPSignature, Message string
		Parents                         []plumbing.Hash
		Encoding                        object.MessageEncoding
		Extra                           []object.ExtraHeader
	}
	va := view{a.Hash, a.TreeHash, sig(a.Author), sig(a.Committer), a.MergeTag, a.PGPSignature, a.Message, a.ParentHashes, a.Encoding, a.ExtraHeaders}
	vb := view{b.Hash, b.TreeHash, sig(b.Author), sig(b.Committer), b.MergeTag, b.PGPSignature, b.Message, b.ParentHashes, b.Encoding, b.ExtraHeaders}
	if reflect.DeepEqual(va, vb) {
		return ""
	}
	return fmt.Sprintf("\n got %+v\nwant %+v", va, vb)
}

func checkDecode(t *testing.T, data string) {
	t.Helper()
	want, h, wantErr := goGitDecode([]byte(data))
	got, gotErr := decodeCommit(h, []byte(data), false)
	if (wantErr == nil) != (gotErr == nil) || wantErr != nil && wantErr.Error() != gotErr.Error() {
		t.Fatalf("decoding %q: error %v, want %v", data, gotErr, wantErr)
	}
	if wantErr != nil {
		return
	}
	if d := sameCommit(got, want); d != "" {
		t.Fatalf("decoding %q:%s", data, d)
	}
	hdr, err := decodeCommit(h, []byte(data), true)
	if err != nil || hdr.TreeHash != want.TreeHash || !reflect.DeepEqual(hdr.ParentHashes, want.ParentHashes) ||
		!hdr.Committer.When.Equal(want.Committer.When) || !hdr.Author.When.Equal(want.Author.When) ||
		hdr.Author.Email != want.Author.Email || hdr.Committer.Name != want.Committer.Name {
		t.Fatalf("decoding the header of %q: %+v, %v", data, hdr, err)
	}
}

const (
	tree1 = "tree 9bd2ee2b0a9d5e0d41c8d6e8ebfc1f2c5c6c0a10\n"
	par1  = "parent 1111111111111111111111111111111111111111\n"
	par2  = "parent 2222222222222222222222222222222222222222\n"
	auth  = "author Ada Lovelace <ada@example.com> 1700000000 +0130\n"
	comm  = "committer Bo Chen <bo@example.com> 1700000100 -0700\n"
)

func TestDecodeCommitAsGoGit(t *testing.T) {
	for _, data := range []string{
		"",
		"\n",
		"tree zzz\n",
		"parent " + tree1[5:],
		tree1,
		strings.TrimSuffix(tree1, "\n"),
		tree1 + "\n",
		tree1 + par1 + par2 + auth + comm + "\nSubject\n\nBody line\n",
		tree1 + par1 + auth + comm + "\nNo newline at the end",
		tree1 + par1 + auth + comm,
		tree1 + par1 + auth + strings.TrimSuffix(comm, "\n"),
		tree1 + par1 + "parent nothex\n" + auth + comm + "\nx\n",
		tree1 + auth + par1 + comm + "\nparent out of place\n",
		tree1 + comm + auth + "\nswapped\n",
		tree1 + par1 + auth + comm + "encoding ISO-8859-1\nencoding UTF-16\n\nmsg\n",
		tree1 + par1 + auth + comm + "mergetag object 1234\n type commit\n tag v1\n \n body\nmergetag second\n skipped\n\nmerge\n",
		tree1 + par1 + auth + comm + "gpgsig -----BEGIN PGP SIGNATURE-----\n \n abc\n -----END PGP SIGNATURE-----\n\nsigned\n",
		tree1 + par1 + auth + comm + "gpgsig one\n two\ngpgsig three\n four\n\nsigned twice\n",
		tree1 + par1 + auth + comm + "gpgsig-sha256 x\n y\nHG:extra value\n more\n  indented\nnovalue\nkey value\n\nm\n",
		tree1 + par1 + auth + comm + "key value\n cont",
		tree1 + par1 + auth + comm + "key value\n",
		tree1 + par1 + auth + comm + "gpgsig only\n",
		tree1 + par1 + "author <no name> 1700000000\n" + "committer Broken <x\n\nm\n",
		tree1 + par1 + "author A <a> notanumber +0000\ncommitter C <c> 1700000000 +07\n\nm\n",
		tree1 + par1 + "author A <a> 1700000000 -0030\ncommitter C <c> 1700000000 +1400 extra\n\nm\n",
		tree1 + par1 + auth + comm + "\r\n\nCRLF is not the blank line\n",
		tree1 + par1 + auth + comm + "\n\n\nleading blank lines\n\n",
		tree1 + "tree " + tree1[5:] + par1 + auth + comm + "\nsecond tree header\n",
	} {
		checkDecode(t, data)
	}
}

// TestDecodeCommitRandom: commits built from random header lines, in
// random order, decode as go-git decodes them.
func TestDecodeCommitRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	lines := []string{tree1, par1, par2, auth, comm, "encoding latin1\n", "mergetag a\n", "gpgsig b\n",
		"gpgsig-sha256 c\n", " continued\n", "  two spaces\n", "x-header value\n", "bare\n", "\n", "message\n",
		"parent bad\n", "author X <x> 1 +0000\n", "committer\n", "tree \n", "no-newline"}
	for round := 0; round < 20000; round++ {
		var b strings.Builder
		if rng.IntN(8) != 0 {
			b.WriteString(tree1)
		}
		for n := rng.IntN(9); n > 0; n-- {
			b.WriteString(lines[rng.IntN(len(lines))])
		}
		checkDecode(t, b.String())
	}
}

// TestDecodeCommitRealRepos decodes every commit of the repositories
// listed in GIT_CAREER_DECODE_REPOS (paths separated by ":") both ways.
func TestDecodeCommitRealRepos(t *testing.T) {
	paths := os.Getenv("GIT_CAREER_DECODE_REPOS")
	if paths == "" {
		t.Skip("set GIT_CAREER_DECODE_REPOS to check real repositories")
	}
	for _, p := range strings.Split(paths, ":") {
		r, err := Open(p)
		if err != nil {
			t.Fatal(err)
		}
		iter, err := r.storage.Storage.IterEncodedObjects(plumbing.CommitObject)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		err = iter.ForEach(func(o plumbing.EncodedObject) error {
			want, err := object.DecodeCommit(nil, o)
			if err != nil {
				return err
			}
			data, err := commitData(r.storage, o.Hash())
			if err != nil {
				return err
			}
			got, err := decodeCommit(o.Hash(), data, false)
			if err != nil {
				return err
			}
			if d := sameCommit(got, want); d != "" {
				t.Errorf("%s: commit %s:%s", p, o.Hash(), d)
			}
			n++
			return nil
		})
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d commits decoded alike", p, n)
	}
}
