package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// runApp runs the command with args and returns its exit code and output.
func runApp(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	a := &app{
		stdout: &stdout, stderr: &stderr,
		getenv:           func(string) string { return "" },
		now:              func() time.Time { return time.Date(2026, 9, 30, 12, 0, 0, 0, time.UTC) },
		stderrIsTerminal: func() bool { return false },
		sleep:            func(time.Duration) {},
	}
	code := a.main(context.Background(), args)
	return code, stdout.String(), stderr.String()
}

func completionScript(t *testing.T, shell string) string {
	t.Helper()
	code, out, errOut := runApp(t, "completion", shell)
	if code != exitOK || errOut != "" {
		t.Fatalf("git career completion %s: exit %d, stderr %q", shell, code, errOut)
	}
	return out
}

// The flags completion offers are read from the usage text: each must be
// one the flag parser knows, and the usage must still list the usual ones.
func TestCompletionFlagsAreParsed(t *testing.T) {
	var names []string
	for _, f := range mainFlags() {
		names = append(names, f.name)
		if f.name == "version" {
			continue // handled before the flags are parsed
		}
		args := []string{"--" + f.name}
		if f.value {
			args = append(args, "x")
		}
		if _, err := parseFlags(args, &bytes.Buffer{}); err != nil && strings.Contains(err.Error(), "not defined") {
			t.Errorf("usage documents --%s, the parser does not know it: %v", f.name, err)
		}
	}
	for _, want := range []string{"repo", "author", "quarter", "format", "output", "o", "no-github", "version"} {
		if !slices.Contains(names, want) {
			t.Errorf("flags read from the usage %q lack %q", names, want)
		}
	}

	var initNames []string
	for _, f := range initFlags() {
		initNames = append(initNames, f.name)
		args := []string{"--repo", filepath.Join(t.TempDir(), "none"), "--" + f.name}
		if f.value {
			args = append(args, "x")
		}
		_, _, errOut := runApp(t, append([]string{"init"}, args...)...)
		if strings.Contains(errOut, "not defined") {
			t.Errorf("init usage documents --%s, its parser does not know it: %s", f.name, errOut)
		}
	}
	for _, want := range []string{"global", "level", "output"} {
		if !slices.Contains(initNames, want) {
			t.Errorf("init flags read from its usage %q lack %q", initNames, want)
		}
	}
}

func TestCompletionUsage(t *testing.T) {
	for _, args := range [][]string{{"completion"}, {"completion", "fish"}, {"completion", "bash", "zsh"}} {
		code, out, errOut := runApp(t, args...)
		if code != exitUsage || out != "" || strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "git-career: ") {
			t.Errorf("git career %s: exit %d, stdout %q, stderr %q; want exit 2 and one line on stderr", strings.Join(args, " "), code, out, errOut)
		}
	}
}

// gitCompletionScript finds git's bash completion on this machine.
func gitCompletionScript(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	candidates := []string{
		"/usr/share/bash-completion/completions/git",
		"/etc/bash_completion.d/git",
		"/usr/local/share/bash-completion/completions/git",
		"/opt/homebrew/share/bash-completion/completions/git",
		"/usr/local/etc/bash_completion.d/git-completion.bash",
		"/usr/share/git/completion/git-completion.bash",
		"/usr/share/git-core/contrib/completion/git-completion.bash",
	}
	if out, err := exec.Command("git", "--exec-path").Output(); err == nil {
		// Some installs keep it beside git's own programs.
		candidates = append(candidates, filepath.Join(filepath.Dir(strings.TrimSpace(string(out))), "..", "share", "git-core", "contrib", "completion", "git-completion.bash"))
	}
	for _, c := range candidates {
		if _, err := os.Stat(c); err == nil {
			return c
		}
	}
	t.Skipf("git's bash completion script is not on this machine (looked in %s)", strings.Join(candidates, ", "))
	return ""
}

// complete runs bash with git's completion script and ours, completes each
// line (the cursor at its end) as bash would, through the function that
// git's script registers for "git", and returns the candidates per line.
func complete(t *testing.T, lines ...string) [][]string {
	t.Helper()
	gitComp := gitCompletionScript(t)
	dir := t.TempDir()
	ours := filepath.Join(dir, "git-career.bash")
	if err := os.WriteFile(ours, []byte(completionScript(t, "bash")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "ws", "some-folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(`
source "$1" >/dev/null 2>&1
source "$2"
fn=$(complete -p git | sed -n 's/.* -F \([^ ]*\) .*/\1/p')
[ -n "$fn" ] || { echo "git's completion registered no function for git" >&2; exit 1; }
try() {
	COMP_LINE="$1" COMP_POINT=${#1}
	read -r -a COMP_WORDS <<<"$1"
	case "$1" in *' ') COMP_WORDS+=("") ;; esac
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	"$fn" git "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
	printf '%s\n' "${COMPREPLY[@]}" | sed 's/ *$//' | sort | tr '\n' ' '
	echo
}
cd ws
`)
	for _, l := range lines {
		b.WriteString("try '" + l + "'\n")
	}
	cmd := exec.Command("bash", "--norc", "--noprofile", "-c", b.String(), "bash", gitComp, ours)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+dir, "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("bash: %v\n%s", err, out)
	}
	var got [][]string
	for _, l := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		got = append(got, strings.Fields(l))
	}
	if len(got) != len(lines) {
		t.Fatalf("bash printed %d lines for %d completions:\n%s", len(got), len(lines), out)
	}
	return got
}

func TestBashCompletion(t *testing.T) {
	lines := []string{
		"git career --",
		"git career --no-",
		"git career --format ",
		"git career --quarter=l",
		"git career --repo some",
		"git career ",
		"git career comp",
		"git career completion ",
		"git career init --",
	}
	got := complete(t, lines...)
	has := func(i int, want ...string) {
		t.Helper()
		for _, w := range want {
			if !slices.Contains(got[i], w) {
				t.Errorf("%q offers %q, want it to include %q", lines[i], got[i], w)
			}
		}
	}
	// Every flag the usage documents, values ending in "=".
	has(0, "--repo=", "--author=", "--quarter=", "--format=", "--output=", "--force-new", "--version", "--no-github", "--github-repo=")
	if len(got[0]) != len(strings.Fields(flagWords(mainFlags()))) {
		t.Errorf("%q offers %d flags, the usage documents %d", lines[0], len(got[0]), len(strings.Fields(flagWords(mainFlags()))))
	}
	if !slices.Equal(got[1], []string{"--no-cache", "--no-github"}) {
		t.Errorf("%q offers %q, want --no-cache --no-github", lines[1], got[1])
	}
	if !slices.Equal(got[2], []string{"json", "markdown"}) {
		t.Errorf("%q offers %q, want json markdown", lines[2], got[2])
	}
	if !slices.Equal(got[3], []string{"last"}) {
		t.Errorf("%q offers %q, want last", lines[3], got[3])
	}
	if !slices.Equal(got[4], []string{"some-folder"}) {
		t.Errorf("%q offers %q, want some-folder", lines[4], got[4])
	}
	has(5, "init", "completion")
	if !slices.Equal(got[6], []string{"completion"}) {
		t.Errorf("%q offers %q, want completion", lines[6], got[6])
	}
	if !slices.Equal(got[7], []string{"bash", "zsh"}) {
		t.Errorf("%q offers %q, want bash zsh", lines[7], got[7])
	}
	has(8, "--global", "--level=", "--team=")
	if slices.Contains(got[8], "--quarter=") {
		t.Errorf("%q offers %q: --quarter is not a flag of init", lines[8], got[8])
	}
}

// The zsh script also works from a folder on $fpath, where zsh is
// installed: compinit binds it to git-career.
func TestZshCompletionOnFpath(t *testing.T) {
	if _, err := exec.LookPath("zsh"); err != nil {
		t.Skip("zsh is not installed: the zsh completion is not loaded here")
	}
	dir := t.TempDir()
	script := filepath.Join(dir, "_git-career")
	if err := os.WriteFile(script, []byte(completionScript(t, "zsh")), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("zsh", "-n", script).CombinedOutput(); err != nil {
		t.Fatalf("zsh -n: %v\n%s", err, out)
	}
	cmd := exec.Command("zsh", "-f", "-c", `fpath=("$1" $fpath) && autoload -Uz compinit && compinit -u -d "$1/zcompdump" && print -r -- "$_comps[git-career]"`, "zsh", dir)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("zsh: %v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(out)); got != "_git-career" {
		t.Errorf("with the script on $fpath, git-career completes with %q, want _git-career", got)
	}
}

// zshCapture completes a line in an interactive zsh on a pseudo-terminal
// (zsh/zpty), with compinit and our script sourced, and prints each
// candidate zsh's completion system is given, one a line:
//
//	zsh -f capture.zsh DIR LINE     (DIR holds git-career.zsh)
const zshCapture = `zmodload zsh/zpty || exit 1
dir=$1 line=$2
zpty z zsh -f -i
# As the README installs it: sourced after compinit.
zpty -w z "PS1='' PROMPT='' RPROMPT=''; autoload -Uz compinit; compinit -u -d $dir/zcompdump; source $dir/git-career.zsh"
# Every candidate goes through compadd: print them, then add them as usual.
zpty -w z 'compadd () {
	if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi
	typeset -a __hits
	builtin compadd -A __hits "$@"
	local h; for h in $__hits; do print -r -- "<hit>$h"; done
	builtin compadd "$@"
}'
# TAB completes, then prints a marker: nothing more is typed while it
# runs (compsys cuts its work short when input is pending). The markers
# are written split, so that the terminal's echo of them does not match.
zpty -w z '_capture_tab() { zle complete-word; print -r -- "<do""ne>"; }; zle -N _capture_tab; bindkey "^I" _capture_tab'
zpty -w z "zstyle ':completion:*' menu no; print '<rea''dy>'"
zpty -r z out '*<ready>*' || exit 2
zpty -n -w z "$line"$'\t'
zpty -r z all '*<done>*' || exit 3
print -r -- "$all" | tr -d '\r' | grep -o '<hit>.*' | sed 's/<hit>//' | sort -u
zpty -d z
`

// zsh's completion of git career, where zsh is installed, through zsh's
// own git completion (which calls _git-career) and for git-career alone.
func TestZshCompletion(t *testing.T) {
	if _, err := exec.LookPath("zsh"); err != nil {
		t.Skip("zsh is not installed: the zsh completion is not run here")
	}
	if err := exec.Command("zsh", "-f", "-c", "zmodload zsh/zpty").Run(); err != nil {
		t.Skip("zsh has no zsh/zpty module to complete a line on a terminal")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "git-career.zsh"), []byte(completionScript(t, "zsh")), 0o644); err != nil {
		t.Fatal(err)
	}
	capture := filepath.Join(dir, "capture.zsh")
	if err := os.WriteFile(capture, []byte(zshCapture), 0o644); err != nil {
		t.Fatal(err)
	}
	complete := func(line string) []string {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, "zsh", "-f", capture, dir, line)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "HOME="+dir, "GIT_CONFIG_NOSYSTEM=1")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("zsh completing %q: %v", line, err)
		}
		return strings.Fields(string(out))
	}
	var long []string
	for _, f := range mainFlags() {
		if len(f.name) > 1 {
			long = append(long, "--"+f.name)
		}
	}
	slices.Sort(long)
	for _, tt := range []struct {
		line string
		want []string
	}{
		{"git career --", long},
		{"git career --format ", []string{"json", "markdown"}},
		{"git career --quarter=", []string{"current", "last"}},
		{"git career completion ", []string{"bash", "zsh"}},
		{"git career init --", []string{"--global", "--ladder", "--level", "--output", "--target", "--team"}},
		{"git career --version ", nil},
		{"git-career --no-", []string{"--no-cache", "--no-github"}},
	} {
		if got := complete(tt.line); !slices.Equal(got, tt.want) {
			t.Errorf("zsh completes %q with %q, want %q", tt.line, got, tt.want)
		}
	}
}
