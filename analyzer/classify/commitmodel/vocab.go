package commitmodel

import "regexp"

// Vocabularies of kinds of work. Each word alone is a feature already;
// these group the words people use for one kind of work into one feature
// each ("v:fix"), which a repository the model has never seen shares with
// the ones it learned from even when it words things differently. They
// are matched against the lower-cased subject.
var vocab = []struct {
	name string
	re   *regexp.Regexp
}{
	{"feature-verb", regexp.MustCompile(`^(add(s|ed|ing)?|implement\w*|introduc\w*|support(s|ed)?|allow(s|ed)?|enable[sd]?|new|create[sd]?|expose[sd]?|provide[sd]?|let)\b|\bmake( \S+){1,3} (configurable|optional|customi[sz]able)\b|\bconfigurable\b`)},
	{"fix", regexp.MustCompile(`\b(fix(es|ed|ing)?|bug(s|fix)?|crash(es|ed|ing)?|regression|broken|incorrect(ly)?|wrong(ly)?|panic(s|ked)?|npe|null pointer|segfault|leak(s|ed|ing)?|properly|correctly|unexpected(ly)?|should( not)?|shouldn'?t|missing|fail(s|ed|ing|ure)?|errors?|prevent(s|ed)?|avoid(s|ed)?|issue with|workaround|hotfix)\b`)},
	{"fix-start", regexp.MustCompile(`^(handle[sd]?|respect[sd]?|ensure[sd]?|don'?t|do not|skip|ignore|keep|preserve|restore|correct|guard|check)\b`)},
	{"refactor", regexp.MustCompile(`\b(refactor\w*|renam(e|es|ed|ing)|restructur\w*|reorganiz\w*|extract(s|ed|ing)?|simplif\w*|tidy\w*|tidied|mov(e|es|ed|ing)|split(s|ting)?|dedupe|deduplicat\w*|inline[sd]?|clean ?up|clean-up|cleanup|reuse|unify|consolidat\w*|replace \S+ with|internal(ly)?|abstraction)\b`)},
	{"perf", regexp.MustCompile(`\b(perf|performance|faster|fast path|speed(s|ing)? ?up|speedup|optimi[sz]\w*|latency|throughput|memory (usage|footprint)|fewer allocations|allocat\w*|reduce (memory|allocations|latency|cpu|overhead)|overhead|benchmarks?|hot ?path|cach(e|es|ed|ing)|lazy|lazily|o\(n\^?2?\)|avoid (unnecessary|redundant|extra))\b`)},
	{"docs", regexp.MustCompile(`\b(typos?|spelling|misspell\w*|grammar|wording|reword\w*|rephras\w*|jsdocs?|javadocs?|java doc|godoc|docstrings?|comments?|docs?|documentation|document(s|ed|ing)?|readme|guides?|clarif\w*|explain\w*|mention\w*|examples?|links?|tutorial|faq|changelog|man ?page)\b`)},
	{"test", regexp.MustCompile(`\b(tests?|testing|coverage|specs?|test cases?|unit tests?|e2e|integration tests?|snapshots?|fixtures?|flaky|assert\w*|mocks?)\b`)},
	{"ci", regexp.MustCompile(`\b(ci|cd|ci/cd|pipelines?|workflows?|github actions?|actions?|gitlab ci|jenkins|circleci|travis|runners?|matrix|codecov|lint(er|ing)? job|cache key|nightly|pre-commit)\b`)},
	{"build", regexp.MustCompile(`\b(build|compil\w*|bundl\w*|makefile|cmake|meson|bazel|gradle|maven|webpack|rollup|esbuild|tsconfig|docker\w*|toolchain|msrv|packag(e|ing)|publish\w*|release (script|process|workflow))\b`)},
	{"deps", regexp.MustCompile(`\b(bump(s|ed)?|upgrad(e|es|ed|ing)|dependenc(y|ies)|deps?|lockfile|renovate|dependabot|from v?\d\S* to v?\d)\b`)},
	{"release", regexp.MustCompile(`^(release|publish|cut|prepare|prep)\b|\bv?\d+\.\d+\.\d+\b|\brelease notes\b`)},
	{"style", regexp.MustCompile(`\b(lint\w*|whitespace|indent\w*|formatting|reformat\w*|prettier|gofmt|rustfmt|eslint|clippy|code style|typings?|types?)\b`)},
}
