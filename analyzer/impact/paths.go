package impact

import (
	"path"
	"regexp"
	"strings"
)

// testPath recognises test files by the conventions of common languages:
// a test folder, or a name such as foo_test.go, test_foo.py, foo.test.ts,
// FooTest.java, foo_spec.rb.
var testPath = regexp.MustCompile(`(^|/)(tests?|__tests__|spec|testdata|testing)/|_test\.[a-z]+$|(^|/)test_[^/]+\.py$|\.(test|spec)\.[a-z]+$|[a-z0-9](Test|Tests|IT|Spec)\.(java|kt|scala|groovy|cs)$|_spec\.rb$|(^|/)t/t\d{4}-[^/]+\.sh$`)

// IsTest reports whether p is a test file.
func IsTest(p string) bool { return testPath.MatchString(p) }

// Tests are the test files among paths.
func Tests(paths []string) []string {
	var out []string
	for _, p := range paths {
		if IsTest(p) {
			out = append(out, p)
		}
	}
	return out
}

// IsDoc reports whether p is documentation: a doc file by its extension,
// or a file under a doc folder.
func IsDoc(p string) bool {
	return docExts[strings.ToLower(path.Ext(p))] || docDirs.MatchString(p)
}

var docDirs = regexp.MustCompile(`(?i)(^|/)(docs?|documentation)/`)

// CodeFiles are the files among paths that are neither tests nor docs:
// where the regressions a fix repairs live.
func CodeFiles(paths []string) []string {
	var out []string
	for _, p := range paths {
		if !IsTest(p) && !IsDoc(p) {
			out = append(out, p)
		}
	}
	return out
}

// Reference is how another file uses something a piece of work added:
// the import of a new package, a link to a new doc, the call of a new
// script.
type Reference struct {
	Unit string // the new file, or "dir/" folder, it refers to (Work.New)
	Text string // what a file using it holds
	// Kind says which files may hold it: "go" (Go files), "doc" (docs and
	// site configuration) or "any".
	Kind string
}

// In reports whether a file at p may hold the reference.
func (r Reference) In(p string) bool {
	return !r.Self(p) && MayHold(r.Kind, p)
}

// Self reports whether p is the new thing the reference refers to, or
// in it: a file does not use itself.
func (r Reference) Self(p string) bool {
	return p == r.Unit || strings.HasPrefix(p, r.Unit) && strings.HasSuffix(r.Unit, "/")
}

// MayHold reports whether a file at p may hold references of kind (see
// Reference.Kind), whatever they refer to.
func MayHold(kind, p string) bool {
	ext := strings.ToLower(path.Ext(p))
	switch kind {
	case "go":
		return ext == ".go"
	case "doc":
		return docExts[ext] || ext == ".html" || ext == ".yml" || ext == ".yaml" || ext == ".toml"
	}
	// A script is called from other scripts, build and CI files, and
	// docs that show how to run it; not from the product's code.
	base := path.Base(p)
	return scriptExts[ext] || docExts[ext] || callerExts[ext] || callerNames[base] || scriptDirs.MatchString(p) && ext == ""
}

var callerExts = map[string]bool{".yml": true, ".yaml": true, ".mk": true, ".toml": true, ".json": true, ".cfg": true, ".ini": true, ".bat": true, ".cmd": true}

var callerNames = map[string]bool{"Makefile": true, "GNUmakefile": true, "makefile": true, "Dockerfile": true, "Justfile": true, "justfile": true, "Rakefile": true, "Taskfile.yml": true}

var docExts = map[string]bool{".md": true, ".markdown": true, ".mdx": true, ".rst": true, ".adoc": true, ".asciidoc": true, ".txt": true}

var scriptExts = map[string]bool{".sh": true, ".bash": true, ".zsh": true, ".py": true, ".rb": true, ".pl": true, ".ps1": true}

var scriptDirs = regexp.MustCompile(`(^|/)(bin|scripts?|tools|hack|ci)/`)

// genericNames say nothing of which file is meant: "see README.md" names
// every folder's README.
var genericNames = map[string]bool{
	"index": true, "readme": true, "main": true, "init": true, "__init__": true, "setup": true,
	"test": true, "tests": true, "build": true, "run": true, "install": true, "utils": true,
	"util": true, "common": true, "helpers": true, "config": true, "changelog": true,
	"license": true, "contributing": true, "notes": true, "todo": true, "doc": true, "docs": true,
}

// References are the ways others may use what a piece of work added:
// newFiles are the files it added, newFolders the "dir/" folders it
// created, module the Go module path ("" for none). A new Go package (a
// new folder with Go files) is used by importing module/dir; a new doc by
// a link naming its file; a new script by its name. A name shorter than
// four letters before its extension, or one that every folder has
// (README, index), is too common to tell.
func References(newFiles, newFolders []string, module string) []Reference {
	var out []Reference
	for _, d := range newFolders {
		if module == "" {
			break
		}
		for _, f := range newFiles {
			if strings.HasPrefix(f, d) && !strings.Contains(f[len(d):], "/") && strings.HasSuffix(f, ".go") && !strings.HasSuffix(f, "_test.go") {
				out = append(out, Reference{Unit: d, Text: `"` + module + "/" + strings.TrimSuffix(d, "/") + `"`, Kind: "go"})
				break
			}
		}
	}
	for _, f := range newFiles {
		if IsTest(f) {
			continue // a test is run, not used
		}
		base := path.Base(f)
		ext := strings.ToLower(path.Ext(base))
		stem := strings.TrimSuffix(base, path.Ext(base))
		if len(stem) < 4 || genericNames[strings.ToLower(stem)] {
			continue
		}
		switch {
		case docExts[ext]:
			out = append(out, Reference{Unit: f, Text: base, Kind: "doc"})
		case scriptExts[ext] || scriptDirs.MatchString(f) && !IsTest(f):
			out = append(out, Reference{Unit: f, Text: base, Kind: "any"})
		}
	}
	return out
}

// manifestFile names dependency manifests, lockfiles and changelogs:
// files every kind of change touches in passing.
var manifestFile = regexp.MustCompile(`(?i)^(go\.(mod|sum|work)|package(-lock)?\.json|yarn\.lock|pnpm-lock\.yaml|cargo\.(toml|lock)|gemfile(\.lock)?|pyproject\.toml|poetry\.lock|uv\.lock|requirements[^/]*\.txt|setup\.(py|cfg)|pom\.xml|build\.gradle(\.kts)?|gradle\.properties|libs\.versions\.toml|composer\.(json|lock)|mix\.(exs|lock)|(changelog|changes|history|news|release[-_ ]?notes)(\.[a-z]+)?)$`)

// isManifest reports whether p is a manifest, a lockfile or a changelog.
func isManifest(p string) bool { return manifestFile.MatchString(path.Base(p)) }
