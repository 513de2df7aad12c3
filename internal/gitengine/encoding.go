package gitengine

import (
	"strings"

	"github.com/go-git/go-git/v5/plumbing/object"
	"golang.org/x/text/encoding/htmlindex"
)

// Reencode returns c with its message and names converted to UTF-8 from
// the encoding its "encoding" header names (ISO-8859-1, Shift_JIS, ...),
// as git log does. A commit without the header, or in UTF-8, comes back
// as it is; so does one whose encoding is unknown (git, too, shows those
// bytes unchanged). c itself is never changed: go-git may share it.
func Reencode(c *object.Commit) *object.Commit {
	name := strings.TrimSpace(string(c.Encoding))
	if name == "" || strings.EqualFold(name, "utf-8") || strings.EqualFold(name, "utf8") {
		return c
	}
	enc, err := htmlindex.Get(name)
	if err != nil {
		return c
	}
	dec := enc.NewDecoder()
	conv := func(s string) string {
		if out, err := dec.String(s); err == nil {
			return out
		}
		return s
	}
	cc := *c
	cc.Message = conv(c.Message)
	cc.Author.Name = conv(c.Author.Name)
	cc.Committer.Name = conv(c.Committer.Name)
	return &cc
}
