package commitmodel

import (
	_ "embed"
	"sync"
)

// Rebuild model.txt from the corpus beside the repository:
//go:generate go run ./internal/train -eval ../../../../shared/eval -o model.txt

//go:embed model.txt
var modelText []byte

// Default is the model the tool ships with, parsed on first use (a few
// milliseconds; see BenchmarkLoad).
var Default = sync.OnceValue(func() *Model {
	m, err := Parse(modelText)
	if err != nil {
		// model.txt is written by the trainer and checked by
		// TestModelFresh: a parse error is a broken build, not bad input.
		panic(err)
	}
	return m
})
