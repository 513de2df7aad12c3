package gitengine

import (
	"testing"

	"github.com/go-git/go-git/v5/plumbing/object"
)

func TestReencode(t *testing.T) {
	latin1 := func(s string) string {
		var b []byte
		for _, r := range s {
			b = append(b, byte(r)) // every rune here is below 256
		}
		return string(b)
	}
	c := &object.Commit{
		Message:  latin1("Corrige le café\n"),
		Author:   object.Signature{Name: latin1("José")},
		Encoding: "ISO-8859-1",
	}
	got := Reencode(c)
	if got.Message != "Corrige le café\n" || got.Author.Name != "José" {
		t.Errorf("Reencode = %q by %q, want UTF-8", got.Message, got.Author.Name)
	}
	if c.Message != latin1("Corrige le café\n") {
		t.Error("Reencode changed the commit it was given")
	}
	for _, enc := range []object.MessageEncoding{"", "UTF-8", "no-such-charset"} {
		c := &object.Commit{Message: "as is é", Encoding: enc}
		if got := Reencode(c); got.Message != "as is é" {
			t.Errorf("encoding %q: message %q, want it unchanged", enc, got.Message)
		}
	}
}
