package commitmodel

import "io/fs"

// GoldRecord is one commit of commits-gold.jsonl in ../shared/eval (see its
// README): a commit labelled by two annotators, independently, with the
// guide commit-kinds.md. Kind is nil where they disagreed: such records are
// left out of training and scores.
type GoldRecord struct {
	Record
	SHA        string  `json:"sha"`
	AuthorType *string `json:"author_type"`
	Kind       *string `json:"kind"`
	Flaky      *bool   `json:"flaky"`
}

// GoldFile is the file of the labelled commits in the eval folder.
const GoldFile = "commits-gold.jsonl"

// ReadGold reads the labelled commits from fsys (the eval folder).
func ReadGold(fsys fs.FS) ([]GoldRecord, error) {
	return readJSONLOf[GoldRecord](fsys, GoldFile)
}

// Label is the agreed kind, "" where the annotators disagreed.
func (g *GoldRecord) Label() string {
	if g.Kind == nil {
		return ""
	}
	return *g.Kind
}

// Input is what the recogniser reads of g: the subject without the
// Conventional type (what the annotators saw) and without an area prefix
// (as the classifier reads it), the body and the files.
func (g *GoldRecord) Input() Input {
	in := g.Record.Input()
	if _, rest, ok := SplitArea(in.Subject); ok {
		in.Subject = rest
	}
	return in
}
