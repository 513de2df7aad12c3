package history

import (
	"reflect"
	"testing"
)

func TestCodeowners(t *testing.T) {
	co := parseCodeowners(`# owners
*                @acme/all
*.js             @acme/web
/build/logs/     @acme/ops
docs/*           docs@example.com
apps/            @acme/apps
/scripts/ @acme/tools # trailing comment
/vendor/
**/testdata/**   @acme/qa
`)
	tests := []struct {
		path string
		want []string
	}{
		{"main.go", []string{"@acme/all"}},
		{"web/app.js", []string{"@acme/web"}},
		{"build/logs/x.log", []string{"@acme/ops"}},
		{"x/build/logs/y", []string{"@acme/all"}},
		{"docs/intro.md", []string{"docs@example.com"}},
		{"docs/deep/intro.md", []string{"@acme/all"}},
		{"apps/a/b.go", []string{"@acme/apps"}},
		{"src/apps/b.go", []string{"@acme/apps"}},
		{"scripts/run.sh", []string{"@acme/tools"}},
		{"vendor/lib/x.go", []string{}},
		{"pkg/testdata/in.txt", []string{"@acme/qa"}},
	}
	for _, tt := range tests {
		got := co.Owners(tt.path)
		if got == nil {
			got = []string{}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Owners(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
	if got := parseCodeowners("/a/ @x\n").Owners("b/c"); got != nil {
		t.Errorf("unmatched path got owners %q", got)
	}
}
