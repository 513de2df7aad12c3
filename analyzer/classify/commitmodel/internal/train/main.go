// Command train rebuilds the commit model from the labelled data:
//
//	go run ./analyzer/classify/commitmodel/internal/train [-eval ../shared/eval] [-o analyzer/classify/commitmodel/model.txt]
//
// (or `go generate ./analyzer/classify/commitmodel`). It trains the first
// stage on the corpus (authors' types) and the second on the annotators'
// kinds (commits-gold.jsonl); see commitmodel.Build. The same data gives
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
	without := flag.String("without", "", "leave out this `repository` (owner/name) everywhere: a model to score it end to end with")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "train: no arguments expected")
		os.Exit(2)
	}
	if err := run(*eval, *out, *without); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(eval, out, without string) error {
	data, recs, gold, err := commitmodel.BuildFrom(os.DirFS(eval), without)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, data, 0o644); err != nil {
		return err
	}
	fmt.Printf("train: %d corpus records, %d labelled commits, %d bytes written to %s\n", recs, gold, len(data), out)
	return nil
}
