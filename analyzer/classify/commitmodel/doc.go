// Package commitmodel is a learned linear model of what kind of work a
// commit (or a pull request) is, read from the words of its message and
// the facts of its change: which kinds of paths it touched and the shape of
// its line counts.
//
// It is a multinomial logistic regression over sparse binary features (see
// features.go), trained by Train from authors' Conventional Commit types
// with the type removed from the subject, which is what a repository
// without the convention looks like. The weights the tool ships with are
// model.txt, embedded and parsed on first use; `go generate` (which runs
// ./internal/train) rebuilds that file from ../shared/eval, byte for byte
// the same every time.
//
// The package uses the standard library only and never imports the rest of
// the analyzer: the rules in analyzer/classify decide what a Conventional
// prefix, a trailer or a bot already says, and ask the model only about
// the rest. It never reads files, the environment or the clock; the
// trainer is the only program that reads the corpus.
package commitmodel
