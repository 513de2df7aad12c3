package classify

import "strings"

// sharedAreas are top-level folders every team works in: documentation,
// tests, CI and build tooling. Nobody owns them, so a change there is
// never work in another team's code.
var sharedAreas = map[string]bool{
	"doc": true, "docs": true, "documentation": true,
	"t": true, "test": true, "tests": true, "testdata": true, "testing": true, "spec": true, "specs": true, "e2e": true,
	"ci": true, ".ci": true, ".github": true, ".gitlab": true, ".circleci": true, ".buildkite": true,
	"build": true, "scripts": true, "tools": true, ".devcontainer": true,
	"vendor": true, "third_party": true,
}

// SharedArea reports whether a top-level folder is everybody's.
func SharedArea(area string) bool {
	return sharedAreas[strings.ToLower(area)]
}
