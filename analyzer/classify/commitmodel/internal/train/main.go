// Command train rebuilds the commit model from the labelled corpus:
//
//	go run ./analyzer/classify/commitmodel/internal/train [-eval ../shared/eval] [-o analyzer/classify/commitmodel/model.txt]
//
// (or `go generate ./analyzer/classify/commitmodel`). The same corpus gives
// the same bytes.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/git-career/git-career/analyzer/classify/commitmodel"
)

func main() {
	eval := flag.String("eval", "../shared/eval", "the labelled data `folder`")
	out := flag.String("o", "analyzer/classify/commitmodel/model.txt", "the model `file` to write")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "train: no arguments expected")
		os.Exit(2)
	}
	if err := run(*eval, *out); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(eval, out string) error {
	recs, err := commitmodel.ReadCorpus(os.DirFS(eval))
	if err != nil {
		return fmt.Errorf("reading the corpus: %w", err)
	}
	m := commitmodel.Train(commitmodel.Examples(recs), commitmodel.DefaultTrainOptions)
	data, err := m.MarshalText()
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return err
	}
	fmt.Printf("train: %d records, %d features, %d bytes written to %s\n", len(recs), m.Size(), len(data), out)
	return nil
}
