package commitmodel

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// Record is one labelled commit of the corpus in ../shared/eval (see its
// README): the author's message, their Conventional type as the label,
// and the files as `git log --numstat` prints them.
type Record struct {
	Repo               string `json:"repo"`
	AuthorName         string `json:"author_name"`
	AuthorEmail        string `json:"author_email"`
	Subject            string `json:"subject"`
	Body               string `json:"body"`
	SubjectWithoutType string `json:"subject_without_type"`
	Label              string `json:"label"`
	Files              []struct {
		Path      string `json:"path"`
		Additions *int   `json:"additions"`
		Deletions *int   `json:"deletions"`
	} `json:"files"`
}

// corpusFiles are the corpus files the model learns from, in the order
// they are read: vite's, then the other repositories' by name.
func corpusFiles(fsys fs.FS) ([]string, error) {
	more, err := fs.Glob(fsys, "commits/*.jsonl")
	if err != nil {
		return nil, err
	}
	slices.Sort(more)
	return append([]string{"commits-vite.jsonl"}, more...), nil
}

// ReadCorpus reads every file of CorpusFiles from fsys (the eval folder).
// A record without a repository is named after its file.
func ReadCorpus(fsys fs.FS) ([]Record, error) {
	names, err := corpusFiles(fsys)
	if err != nil {
		return nil, err
	}
	var out []Record
	for _, name := range names {
		recs, err := readJSONLOf[Record](fsys, name)
		if err != nil {
			return nil, err
		}
		repo := strings.Replace(strings.TrimSuffix(path.Base(name), ".jsonl"), "__", "/", 1)
		if name == "commits-vite.jsonl" {
			repo = "vitejs/vite"
		}
		for i := range recs {
			if recs[i].Repo == "" {
				recs[i].Repo = repo
			}
		}
		out = append(out, recs...)
	}
	return out, nil
}

func readJSONLOf[T any](fsys fs.FS, name string) ([]T, error) {
	fh, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	var out []T
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		var r T
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// Input is what the model would see of r in a repository without the
// convention: the subject without its type, the body and the files.
func (r *Record) Input() Input {
	in := Input{Subject: r.SubjectWithoutType, Body: r.Body, Files: make([]File, 0, len(r.Files))}
	for _, f := range r.Files {
		fc := File{Path: f.Path}
		if f.Additions == nil || f.Deletions == nil {
			fc.Binary = true
		} else {
			fc.Additions, fc.Deletions = *f.Additions, *f.Deletions
		}
		in.Files = append(in.Files, fc)
	}
	return in
}

// Examples turns records into training examples, leaving out those whose
// type trains no class (see ClassOf).
func Examples(recs []Record) []Example {
	out := make([]Example, 0, len(recs))
	for i := range recs {
		if c, ok := classOf(recs[i].Label); ok {
			in := recs[i].Input()
			out = append(out, Example{Input: in, Class: c, Repo: recs[i].Repo, featureNames: featureNames(in)})
		}
	}
	return out
}
