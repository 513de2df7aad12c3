package commitmodel_test

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/git-career/git-career/analyzer/classify/commitmodel"
)

// The committed model is what the trainer makes of the corpus, byte for
// byte: a change to the features, the training or the corpus that was not
// followed by `go generate` fails here.
func TestModelFresh(t *testing.T) {
	fullEval(t)
	got, _, _, err := commitmodel.BuildFrom(os.DirFS(evalDir(t)), "")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("model.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("model.txt is stale (%d bytes, a fresh one has %d): run `go run ./analyzer/classify/commitmodel/internal/train` from the repository root", len(want), len(got))
	}
	if len(want) >= 2<<20 {
		t.Errorf("model.txt has %d bytes, want under 2 MB", len(want))
	}
}

// Training twice on the same examples gives the same bytes, and a model
// survives its file format.
func TestTrainDeterministicRoundTrip(t *testing.T) {
	ex := syntheticExamples()
	a, _ := commitmodel.Train(ex, commitmodel.DefaultTrainOptions).MarshalText()
	b, _ := commitmodel.Train(ex, commitmodel.DefaultTrainOptions).MarshalText()
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings on the same examples differ")
	}
	m, err := commitmodel.Parse(a)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := m.MarshalText()
	if !bytes.Equal(a, c) {
		t.Fatal("parse then marshal changed the model")
	}
	if m.Size() == 0 {
		t.Fatal("no features kept")
	}
	got := m.Predict(commitmodel.Input{Subject: "Fix typo in the guide", Files: []commitmodel.File{{Path: "docs/guide.md", Additions: 1, Deletions: 1}}})
	if got.Class != "docs" {
		t.Errorf("class %q, want docs (reasons %q)", got.Class, got.Reasons)
	}
	if len(got.Reasons) == 0 {
		t.Error("no reasons given")
	}
}

// syntheticExamples are made up here, in three "repositories", so that
// every feature passes the minimum number of repositories.
func syntheticExamples() []commitmodel.Example {
	var out []commitmodel.Example
	for _, repo := range []string{"a", "b", "c", "d"} {
		for i := 0; i < 5; i++ {
			out = append(out,
				commitmodel.Example{Repo: repo, Class: "docs", Input: commitmodel.Input{Subject: "Fix typo in the readme", Files: []commitmodel.File{{Path: "README.md", Additions: 1, Deletions: 1}}}},
				commitmodel.Example{Repo: repo, Class: "docs", Input: commitmodel.Input{Subject: "Document the options", Files: []commitmodel.File{{Path: "docs/options.md", Additions: 30}}}},
				commitmodel.Example{Repo: repo, Class: "fix", Input: commitmodel.Input{Subject: "Fix crash on empty input", Files: []commitmodel.File{{Path: "src/parse.go", Additions: 3, Deletions: 1}}}},
				commitmodel.Example{Repo: repo, Class: "test", Input: commitmodel.Input{Subject: "Add tests for the parser", Files: []commitmodel.File{{Path: "src/parse_test.go", Additions: 40}}}},
			)
		}
	}
	return out
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{
		"",
		"not a model\n",
		"git-career commit model 1\nclasses a b\nbias 1\n",
		"git-career commit model 1\nclasses a b\nbias 1 2\nw:x 1 2\n",
		"git-career commit model 1\nclasses a b\nbias 1 2\nw:x\t1 x\n",
		"git-career commit model 1\nclasses a b\nbias 1 2\nw:x\t1 2\nw:x\t1 2\n",
	} {
		if _, err := commitmodel.Parse([]byte(in)); err == nil || !strings.HasPrefix(err.Error(), "commit model: ") {
			t.Errorf("Parse(%q) = %v, want a commit model error", in, err)
		}
	}
}

// The shipped model parses and knows every class.
func TestDefault(t *testing.T) {
	m := commitmodel.Default()
	if !slices.Equal(m.ClassNames(), commitmodel.Classes) {
		t.Errorf("classes %q, want %q", m.ClassNames(), commitmodel.Classes)
	}
}

// describes agrees with describe on every feature of the shipped model.
func TestDescribes(t *testing.T) {
	commitmodel.CheckDescribes(t)
}
