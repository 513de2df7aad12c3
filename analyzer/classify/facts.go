package classify

import (
	"github.com/git-career/git-career/analyzer/work"
	"regexp"
	"strings"
)

// facts is what the rules look at, computed once per commit so that each
// rule in the table stays a short predicate.
type facts struct {
	c   *work.Commit
	ctx *Context

	cc       Conventional // parsed subject, when isCC
	isCC     bool
	ccCat    work.Category // what the prefix announces; byContent when nothing
	ccKnown  bool          // the type is in conventionalTypes
	subject  string        // lower-cased, prefix and CI-skip markers removed
	message  string        // lower-cased subject + body, trailers included
	nFiles   int
	added    int
	deleted  int
	tests    int // files that are tests
	docs     int // files that are documentation
	deps     int // lockfiles and manifests
	locks    int // lockfiles only
	auto     int // CI/CD and build tooling files
	logs     int // changelogs
	design   int // design docs
	docLines int // lines changed in docs
	// product counts files that are none of test, doc, CI/build tooling,
	// dependency manifest or changelog: the product's own code.
	product int
	// rootReadme counts README files at the repository root.
	rootReadme int
}

// ciSkip markers ("[ci skip]") say nothing about the work and contain "ci".
var ciSkip = regexp.MustCompile(`\[(ci skip|skip ci|no ci|skip actions)\]`)

func newFacts(c *work.Commit, ctx *Context) *facts {
	if ctx == nil {
		ctx = &Context{}
	}
	f := &facts{c: c, ctx: ctx, nFiles: len(c.Files), added: c.Added(), deleted: c.Deleted()}
	subj := c.Subject
	if cc, ok := ParseConventional(c.Subject); ok {
		f.cc, f.isCC = cc, true
		_, f.ccKnown = conventionalTypes[cc.Type]
		f.ccCat = conventionalCategory(cc)
		subj = cc.Description
	}
	f.subject = strings.TrimSpace(ciSkip.ReplaceAllString(strings.ToLower(subj), ""))
	f.message = ciSkip.ReplaceAllString(strings.ToLower(c.Subject+"\n"+c.Body), "")
	for _, fc := range c.Files {
		// Each path test runs once: they are regular expressions, and this
		// loop runs for every file of every commit scanned.
		p := fc.Path
		test, doc := isTestPath(p), false
		if !test {
			doc = isDocPath(p)
		}
		lock, manifest := isLockfile(p), isManifest(p)
		auto, changelog := isAutomationPath(p), isChangelogPath(p)
		switch {
		case test:
			f.tests++
		case doc:
			f.docs++
			f.docLines += fc.Additions + fc.Deletions
			if isDesignPath(p) {
				f.design++
			}
		}
		if isRootReadme(p) {
			f.rootReadme++
		}
		if lock {
			f.locks++
		}
		if lock || manifest {
			f.deps++
		}
		if auto {
			f.auto++
		}
		if changelog {
			f.logs++
		}
		if !test && !doc && !auto && !lock && !manifest && !changelog {
			f.product++
		}
	}
	return f
}

// all reports whether n counts every changed file (and there is one).
func (f *facts) all(n int) bool { return f.nFiles > 0 && n == f.nFiles }

// code is the number of files that are neither tests nor docs.
func (f *facts) code() int { return f.nFiles - f.tests - f.docs }

// typed reports whether the Conventional prefix already names a kind of
// work, so that guesses from words (feature, fix, refactor) are not needed.
func (f *facts) typed() bool { return f.isCC && f.ccCat != byContent }
