package main

import (
	"bytes"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionLine(t *testing.T) {
	const goVersion, platform = "go1.26.8", "linux/amd64"
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	tests := []struct {
		name            string
		stamped, commit string
		info            *debug.BuildInfo
		want            string
	}{
		{"release build", "1.2.3", "0123456789abcdef0123456789abcdef01234567", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			"git-career v1.2.3 (0123456789ab, go1.26.8 linux/amd64)"},
		{"snapshot build", "0.0.0-SNAPSHOT-0123456", "", nil,
			"git-career v0.0.0-SNAPSHOT-0123456 (go1.26.8 linux/amd64)"},
		{"go install @tag", "", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}},
			"git-career v1.2.3 (go1.26.8 linux/amd64)"},
		{"built in a clean clone", "", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261201093725-c5f8128abcde"}, Settings: vcs("c5f8128abcdef0123456789abcdef0123456789a", "false")},
			"git-career v0.0.0-20261201093725-c5f8128abcde (go1.26.8 linux/amd64)"},
		{"built in a changed clone, Go 1.24 on", "", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261201093725-c5f8128abcde+dirty"}, Settings: vcs("c5f8128abcdef0123456789abcdef0123456789a", "true")},
			"git-career v0.0.0-20261201093725-c5f8128abcde+dirty (go1.26.8 linux/amd64)"},
		{"built in a changed clone", "", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("c5f8128abcdef0123456789abcdef0123456789a", "true")},
			"git-career devel (c5f8128abcde dirty, go1.26.8 linux/amd64)"},
		{"built with -buildvcs=false", "", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			"git-career devel (go1.26.8 linux/amd64)"},
		{"no build info", "", "", nil,
			"git-career devel (go1.26.8 linux/amd64)"},
	}
	for _, tt := range tests {
		if got := versionLine(tt.stamped, tt.commit, tt.info, goVersion, platform); got != tt.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestVersionFlag(t *testing.T) {
	var want bytes.Buffer
	printVersion(&want)
	for _, args := range [][]string{{"--version"}, {"-version"}, {"--no-github", "--version"}} {
		code, out, errOut := runApp(t, args...)
		if code != exitOK || errOut != "" || out != want.String() {
			t.Errorf("git career %s: exit %d, stdout %q, stderr %q; want exit 0 and %q", strings.Join(args, " "), code, out, errOut, want.String())
		}
	}
	// A subcommand's flags are its own.
	if code, _, _ := runApp(t, "completion", "--version"); code != exitUsage {
		t.Errorf("git career completion --version: exit %d, want %d", code, exitUsage)
	}
}
