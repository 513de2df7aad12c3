package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
)

// version and commit are stamped by the release build (.goreleaser.yaml):
//
//	-ldflags "-X main.version=1.2.3 -X main.commit=abc..."
//
// A binary built any other way leaves them empty and says what Go's build
// information knows instead.
var (
	version string
	commit  string
)

// isVersionArg tells whether the command line asks for the version:
// --version anywhere among the flags of git career itself (a subcommand's
// flags are its own).
func isVersionArg(args []string) bool {
	if len(args) > 0 && slices.Contains([]string{"init", "action", "completion"}, args[0]) {
		return false
	}
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "--version", "-version":
			return true
		}
	}
	return false
}

// printVersion writes one line: the program, its version, and where it
// came from.
func printVersion(w io.Writer) {
	info, _ := debug.ReadBuildInfo()
	fmt.Fprintln(w, versionLine(version, commit, info, runtime.Version(), runtime.GOOS+"/"+runtime.GOARCH))
}

// versionLine is printVersion's line, from its inputs, for tests:
//
//	git-career v1.2.3 (abcdef012345, go1.26.8 linux/amd64)
//
// The stamped version wins. Without it, the module version from the build
// info: a tag when built by `go install ...@v1.2.3`, "(devel)" when built
// in a clone without VCS information (shown as "devel"); the VCS revision
// when Go recorded it, and "dirty" when the tree had changes.
func versionLine(stamped, stampedCommit string, info *debug.BuildInfo, goVersion, platform string) string {
	v, rev, dirty := stamped, stampedCommit, false
	if v == "" && info != nil {
		v = info.Main.Version
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	switch {
	case v == "", v == "(devel)":
		v = "devel" // built in a clone (or without module support)
	case !strings.HasPrefix(v, "v"):
		v = "v" + v // GoReleaser's {{.Version}} drops the tag's v
	}
	var from []string
	if len(rev) > 12 {
		rev = rev[:12]
	}
	// Go's own pseudo-versions (v0.0.0-DATE-REV+dirty) already say it.
	if rev != "" && !strings.Contains(v, rev) {
		if dirty {
			rev += " dirty"
		}
		from = append(from, rev)
	}
	from = append(from, goVersion+" "+platform)
	return fmt.Sprintf("git-career %s (%s)", v, strings.Join(from, ", "))
}
