package commitmodel

import "strings"

// Vocabularies of kinds of work. Each word alone is a feature already;
// these group the words people use for one kind of work into one feature
// each ("v:fix"), which a repository the model has never seen shares with
// the ones it learned from even when it words things differently. Words
// are stemmed as the subject's are (see stem), phrases are two words, and
// some words count only at the start of the subject.
type vocabulary struct {
	name    string
	words   map[string]bool // stems anywhere in the subject
	phrases map[string]bool // two stems in a row
	first   map[string]bool // stems as the first word
}

var vocab = []vocabulary{
	newVocab("feature-verb", "configurable customizable customisable optional",
		"make configurable|add support|new option|new flag|new command",
		"add implement introduce support allow enable new create expose provide let"),
	newVocab("fix", "fix fixes fixed bug bugs bugfix crash crashes regression broken incorrect incorrectly wrong wrongly panic panics npe segfault leak leaks properly correctly unexpected unexpectedly missing fail fails failed failing failure error errors prevent avoid workaround hotfix",
		"null pointer|should not|issue with|do not",
		"handle respect ensure skip ignore keep preserve restore correct guard check dont"),
	newVocab("refactor", "refactor refactoring refactored rename renamed restructure reorganize reorganise extract simplify simplified tidy move moved split dedupe deduplicate inline cleanup reuse unify consolidate internal internally abstraction",
		"clean up|replace with", ""),
	newVocab("perf", "perf performance faster speedup optimize optimise optimization optimisation latency throughput allocation allocations overhead benchmark benchmarks cache cached caching lazy lazily",
		"speed up|fast path|hot path|memory usage|memory footprint|fewer allocations|reduce memory|reduce allocations|avoid unnecessary|avoid redundant", ""),
	newVocab("docs", "typo typos spelling misspelling grammar wording reword rephrase jsdoc javadoc godoc docstring docstrings comment comments doc docs documentation document documented readme guide guides clarify explain mention example examples link links tutorial faq changelog manpage",
		"java doc|man page", ""),
	newVocab("test", "test tests testing coverage spec specs e2e snapshot snapshots fixture fixtures flaky assert assertion assertions mock mocks",
		"test case|unit test|integration test", ""),
	newVocab("ci", "ci cd pipeline pipelines workflow workflows action actions gitlab jenkins circleci travis runner runners matrix codecov nightly",
		"github actions|pre commit|cache key", ""),
	newVocab("build", "build builds compile compiler compilation bundle bundler bundling makefile cmake meson bazel gradle maven webpack rollup esbuild tsconfig docker dockerfile toolchain msrv packaging publish",
		"release script|release process|release workflow", ""),
	newVocab("deps", "bump bumps bumped upgrade upgrades upgraded dependency dependencies deps dep lockfile renovate dependabot",
		"", ""),
	newVocab("release", "changelog", "release notes", "release publish cut prepare prep v#"),
	newVocab("style", "lint linting linter whitespace indent indentation formatting reformat prettier gofmt rustfmt eslint clippy typing typings types",
		"code style", ""),
}

// newVocab builds a vocabulary from words, "|"-separated phrases and
// first words, all stemmed.
func newVocab(name, ws, phrases, first string) vocabulary {
	v := vocabulary{name: name, words: map[string]bool{}, phrases: map[string]bool{}, first: map[string]bool{}}
	for _, w := range strings.Fields(ws) {
		v.words[normalize(w)] = true
	}
	for _, p := range strings.Split(phrases, "|") {
		if ps := words(p, 0); len(ps) == 2 {
			v.phrases[ps[0]+" "+ps[1]] = true
		}
	}
	for _, w := range strings.Fields(first) {
		if w == "v#" {
			v.first[w] = true
			continue
		}
		v.first[normalize(w)] = true
	}
	return v
}

// vocabIndex maps a stem, a phrase or a first word to the vocabularies
// (bit i for vocab[i]) that hold it, so that a subject is read once for
// all of them.
var vocabIndex = func() (idx struct{ words, phrases, first map[string]uint32 }) {
	idx.words, idx.phrases, idx.first = map[string]uint32{}, map[string]uint32{}, map[string]uint32{}
	for i, v := range vocab {
		for w := range v.words {
			idx.words[w] |= 1 << i
		}
		for p := range v.phrases {
			idx.phrases[p] |= 1 << i
		}
		for w := range v.first {
			idx.first[w] |= 1 << i
		}
	}
	return idx
}()

// vocabMatches returns the vocabularies the subject's stems ws use, as
// bits of vocab.
func vocabMatches(ws []string) uint32 {
	var m uint32
	if len(ws) > 0 {
		m |= vocabIndex.first[ws[0]]
	}
	for i, w := range ws {
		m |= vocabIndex.words[w]
		if i > 0 {
			m |= vocabIndex.phrases[ws[i-1]+" "+w]
		}
	}
	return m
}
