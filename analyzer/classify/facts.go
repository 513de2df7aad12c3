package classify

import (
	"regexp"
	"strings"

	"github.com/git-career/git-career/analyzer/classify/commitmodel"
	"github.com/git-career/git-career/analyzer/work"
)

// facts is what the rules look at, computed once per commit so that each
// rule in the table stays a short predicate.
type facts struct {
	c   *work.Commit
	ctx *Context

	// revert is true for `Revert "..."`: the rest reads the subject it
	// quotes, which is the work it undoes.
	revert  bool
	cc      conventionalCommit // parsed subject, when isCC
	isCC    bool
	ccCat   work.Category // what the prefix announces; byContent when nothing
	ccKnown bool          // the type is in conventionalTypes
	// area is a path or area prefix ("builtin/gc" of "builtin/gc: add
	// --detach"), removed from subject.
	area        string
	subject     string // lower-cased, prefix, area and CI-skip markers removed
	text        string // the same, as written: what the model reads
	message     string // lower-cased subject + body, trailers included
	nFiles      int
	added       int
	deleted     int
	tests       int // files that are tests
	docs        int // files that are documentation
	deps        int // lockfiles and manifests
	locks       int // lockfiles only
	auto        int // CI/CD and build files
	ci          int // CI/CD files only
	logs        int // changelogs
	docExamples int // examples and samples (not playgrounds)
	config      int // tool configs (linters, formatters, editors)
	design      int // design docs
	// product counts files that are none of test, doc, CI/build tooling,
	// dependency manifest or changelog: the product's own code.
	product int
	// namesTests caches whether the subject names tests: 0 not asked
	// yet, 1 yes, -1 no.
	namesTests int
	files      []commitmodel.File
	kinds      []commitmodel.PathKind
}

// ciSkip markers ("[ci skip]") say nothing about the work and contain "ci".
var ciSkip = regexp.MustCompile(`(?i)\[(ci[ -]skip|skip[ -]ci|no ci|skip actions)\]`)

// dropCISkip removes the markers; the expression runs only when there may
// be one, since messages can be long.
func dropCISkip(s string) string {
	if !strings.Contains(s, "[") {
		return s
	}
	return ciSkip.ReplaceAllString(s, "")
}

func newFacts(c *work.Commit, ctx *Context) *facts {
	if ctx == nil {
		ctx = &Context{}
	}
	f := &facts{c: c, ctx: ctx, nFiles: len(c.Files), added: c.Added(), deleted: c.Deleted()}
	subj := c.Subject
	if inner, ok := revertOf(subj); ok {
		f.revert, subj = true, inner
	}
	if cc, ok := parseConventional(subj); ok {
		f.cc, f.isCC = cc, true
		_, f.ccKnown = conventionalTypes[cc.Type]
		f.ccCat = conventionalCategory(cc)
		subj = cc.Description
	} else if area, rest, ok := commitmodel.SplitArea(subj); ok {
		f.area, subj = area, rest
	}
	f.text = strings.TrimSpace(dropCISkip(subj))
	f.subject = strings.ToLower(f.text)
	f.files = make([]commitmodel.File, len(c.Files))
	f.kinds = make([]commitmodel.PathKind, len(c.Files))
	for i, fc := range c.Files {
		f.files[i] = commitmodel.File{Path: fc.Path, Additions: fc.Additions, Deletions: fc.Deletions, Binary: fc.Binary}
		f.kinds[i] = commitmodel.KindOf(fc.Path)
		switch f.kinds[i] {
		case commitmodel.TestFile:
			f.tests++
		case commitmodel.DocFile:
			f.docs++
			if isDesignPath(fc.Path) {
				f.design++
			}
		case commitmodel.LockFile:
			f.locks++
			f.deps++
		case commitmodel.ManifestFile:
			f.deps++
		case commitmodel.CIFile:
			f.auto++
			f.ci++
		case commitmodel.BuildFile:
			f.auto++
		case commitmodel.ChangelogFile:
			f.logs++
		case commitmodel.ExampleFile:
			if isDocExample(fc.Path) {
				f.docExamples++
			}
		case commitmodel.ConfigFile:
			f.config++
		default:
			f.product++
		}
	}
	return f
}

// revertOf returns the subject a revert quotes: `Revert "x"` gives x, and
// "" for a revert that does not quote one.
func revertOf(s string) (string, bool) {
	rest, ok := strings.CutPrefix(s, "Revert ")
	if !ok {
		rest, ok = strings.CutPrefix(s, "revert ")
	}
	if !ok {
		return "", false
	}
	rest = strings.TrimSpace(rest)
	if len(rest) >= 2 && rest[0] == '"' {
		if end := strings.LastIndexByte(rest, '"'); end > 0 {
			return strings.TrimSpace(rest[1:end]), true
		}
	}
	return "", strings.HasPrefix(rest, "\"") || strings.HasPrefix(rest, "commit ") || isHex(rest)
}

func isHex(s string) bool {
	if len(s) < 7 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !('0' <= s[i] && s[i] <= '9' || 'a' <= s[i] && s[i] <= 'f') {
			return false
		}
	}
	return true
}

// aboutTests: tests changed, and the change is about them: only test
// files changed, or the subject names tests.
func (f *facts) aboutTests() bool {
	if f.tests == 0 {
		return false
	}
	if f.all(f.tests) {
		return true
	}
	if f.namesTests == 0 {
		f.namesTests = -1
		if containsAny(f.subject, "test", "spec", "coverage", "e2e") && testWords.MatchString(f.subject) {
			f.namesTests = 1
		}
	}
	return f.namesTests > 0
}

// msg is the message, lower-cased, trailers included, computed on first
// use: most commits need only the subject.
func (f *facts) msg() string {
	if f.message == "" {
		f.message = dropCISkip(strings.ToLower(f.c.Subject + "\n" + f.c.Body))
	}
	return f.message
}

// all reports whether n counts every changed file (and there is one).
func (f *facts) all(n int) bool { return f.nFiles > 0 && n == f.nFiles }

// code is the number of files that are neither tests nor docs.
func (f *facts) code() int { return f.nFiles - f.tests - f.docs }

// typed reports whether the Conventional prefix already names a kind of
// work, so that guesses from words (feature, fix, refactor) are not needed.
func (f *facts) typed() bool { return f.isCC && f.ccCat != byContent }
