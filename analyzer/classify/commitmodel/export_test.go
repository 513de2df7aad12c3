package commitmodel

import "testing"

// CheckDescribes checks describes against describe on every feature name
// of the shipped model.
func CheckDescribes(t *testing.T) {
	for _, n := range Default().names {
		if describes(n) != (describe(n) != "") {
			t.Errorf("describes(%q) = %v, describe = %q", n, describes(n), describe(n))
		}
	}
}

// The model file stays under 2 MB.
func TestModelSize(t *testing.T) {
	if n := len(modelText); n >= 2<<20 {
		t.Errorf("model.txt has %d bytes, want under 2 MB", n)
	}
}
