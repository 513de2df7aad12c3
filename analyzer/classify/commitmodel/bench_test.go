package commitmodel

import "testing"

// BenchmarkParse is the model's load time: parsing the embedded file, once
// per process, on the first commit classified.
func BenchmarkParse(b *testing.B) {
	b.SetBytes(int64(len(modelText)))
	for b.Loop() {
		if _, err := Parse(modelText); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPredict is one prediction with its reasons.
func BenchmarkPredict(b *testing.B) {
	m := Default()
	in := Input{
		Subject: "handle an empty config file without crashing",
		Body:    "The loader dereferenced a nil map when the file had no sections.\n\nFixes #412",
		Files: []File{
			{Path: "internal/config/load.go", Additions: 12, Deletions: 3},
			{Path: "internal/config/load_test.go", Additions: 40},
			{Path: "docs/config.md", Additions: 2, Deletions: 1},
		},
	}
	b.ReportAllocs()
	for b.Loop() {
		m.Predict(in)
	}
}

// BenchmarkStartup is what the first commit classified costs beyond the
// rest: parsing the embedded model and the first prediction (which also
// prepares what reasons need).
func BenchmarkStartup(b *testing.B) {
	in := Input{Subject: "handle an empty config file without crashing", Files: []File{{Path: "internal/config/load.go", Additions: 12, Deletions: 3}}}
	for b.Loop() {
		m, err := Parse(modelText)
		if err != nil {
			b.Fatal(err)
		}
		m.Predict(in)
	}
}
