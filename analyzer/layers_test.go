package analyzer

import (
	"os/exec"
	"sort"
	"strings"
	"testing"
)

const module = "github.com/git-career/git-career"

// allowedDeps says, for each package of the module, which of the module's
// packages it may depend on, directly or not. Data flows one way: sources
// (history, github) produce evidence, classify recognises it, the root
// wires them, report renders; work, the domain, sits under all of them.
// A package missing from the table fails the test, so that a new one is
// placed on purpose.
var allowedDeps = map[string][]string{
	"analyzer/work":     {},
	"analyzer/history":  {"analyzer/work", "internal/gitengine"},
	"analyzer/github":   {"analyzer/work"},
	"analyzer/classify": {"analyzer/work", "analyzer/classify/commentmodel", "analyzer/classify/commitmodel"},
	// The learner of the comment model: knows no domain type, only named
	// features and classes.
	"analyzer/classify/commentmodel": {},
	// The learned commit model: standard library only, so that it can be
	// trained, tested and benchmarked on its own.
	"analyzer/classify/commitmodel":                {},
	"analyzer/classify/commitmodel/internal/train": {"analyzer/classify/commitmodel"},
	"analyzer/classify/internal/loro":              {"analyzer/classify/commitmodel"},
	"analyzer/ladder":                              {"analyzer/work"},
	// Impact measures: pure, evidence in and impacts out.
	"analyzer/impact": {"analyzer/work"},
	"analyzer": {"analyzer/work", "analyzer/history", "analyzer/github",
		"analyzer/classify", "analyzer/classify/commentmodel", "analyzer/classify/commitmodel",
		"analyzer/impact", "internal/gitengine"},
	// The git object engine: packs, trees, diffs, line counts. It knows
	// nothing of the domain.
	"internal/gitengine": {},
	// The pipeline: one request in, the doc out, for both front doors.
	"brag": {"analyzer", "analyzer/work", "analyzer/history", "analyzer/github",
		"analyzer/classify", "analyzer/classify/commentmodel", "analyzer/classify/commitmodel",
		"analyzer/ladder", "analyzer/impact", "report", "internal/gitengine"},
	"report":  {"analyzer/work"},
	"publish": {},
	// The front doors (flags and git config, or Action inputs): thin
	// adapters onto brag.
	"cmd/git-career": {"brag", "analyzer", "analyzer/work", "analyzer/history",
		"analyzer/github", "analyzer/classify", "analyzer/classify/commentmodel",
		"analyzer/classify/commitmodel", "internal/gitengine",
		"analyzer/ladder", "analyzer/impact", "report", "publish"},
	"internal/gittest":    {"analyzer/work"},
	"internal/fakegithub": {},
	"bench/genrepo":       {},
	"bench/walk":          {"analyzer/work", "analyzer/history", "internal/gitengine"},
	// Runs the whole pipeline with and without the impact measures.
	"bench/impact": {"brag", "analyzer", "analyzer/work", "analyzer/history", "analyzer/github",
		"analyzer/classify", "analyzer/classify/commentmodel", "analyzer/classify/commitmodel",
		"analyzer/ladder", "analyzer/impact", "report", "internal/gitengine"},
}

// TestLayers fails when a package imports what its layer forbids: a source
// that classifies, rules that read a source, a renderer that reads git or
// the network, anything that imports the command.
func TestLayers(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on PATH: cannot list the packages' imports")
	}
	cmd := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Deps}} {{.}}{{end}}`, module+"/...")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := strings.TrimPrefix(strings.TrimPrefix(fields[0], module), "/")
		seen[pkg] = true
		allowed, ok := allowedDeps[pkg]
		if !ok {
			t.Errorf("package %q is not in allowedDeps: say which layer it belongs to", pkg)
			continue
		}
		ok2 := map[string]bool{}
		for _, a := range allowed {
			ok2[a] = true
		}
		var bad []string
		for _, d := range fields[1:] {
			if d != module && !strings.HasPrefix(d, module+"/") {
				continue
			}
			dep := strings.TrimPrefix(strings.TrimPrefix(d, module), "/")
			if !ok2[dep] {
				bad = append(bad, dep)
			}
		}
		sort.Strings(bad)
		if len(bad) > 0 {
			t.Errorf("%s depends on %s; it may depend only on %v", pkg, strings.Join(bad, ", "), allowed)
		}
	}
	for pkg := range allowedDeps {
		if !seen[pkg] {
			t.Errorf("allowedDeps names %q, which go list does not list", pkg)
		}
	}
}
