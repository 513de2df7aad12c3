// Package commitmodel is a learned model of what kind of work a commit
// (or a pull request) is, read from the words of its message and the facts
// of its change: which kinds of paths it touched and the shape of its line
// counts.
//
// It has two stages. The first is a multinomial logistic regression over
// sparse binary features (features.go), trained by Train on the corpus's
// 39,265 commits of 17 repositories, from the authors' Conventional
// Commit types with the type removed from the subject (what a repository
// without the convention looks like): many weak labels. The second
// (stack.go) is a small logistic regression over the first stage's
// log-probabilities and dense facts of the change, trained on the commits
// two annotators labelled with the guide (commits-gold.jsonl): it maps
// authors' habits to the guide's kinds. Build trains both, the second on
// first-stage answers cross-fitted over groups of repositories, so that it
// learns from answers on commits the first stage did not see.
//
// The weights the tool ships with are model.txt, embedded and parsed on
// first use. `go run ./analyzer/classify/commitmodel/internal/train` from
// the repository root (or `go generate ./analyzer/classify/commitmodel`)
// rebuilds that file from ../shared/eval, byte for byte the same every
// time.
//
// The package uses the standard library only and never imports the rest of
// the analyzer: the rules in analyzer/classify decide what a Conventional
// prefix, the files or a sure rule already say, and ask the model only
// about the rest. It never reads files, the environment or the clock; the
// trainer is the only program that reads the labelled data.
package commitmodel
