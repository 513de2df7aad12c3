package main

// runaction: action.yml's steps, run as a runner runs a composite action,
// for the end-to-end scripts.

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/rogpeppe/go-internal/testscript"
	"gopkg.in/yaml.v3"
)

// compositeAction is the part of action.yml that runaction runs.
type compositeAction struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			Name  string            `yaml:"name"`
			ID    string            `yaml:"id"`
			If    string            `yaml:"if"`
			Uses  string            `yaml:"uses"`
			Shell string            `yaml:"shell"`
			Env   map[string]string `yaml:"env"`
			Dir   string            `yaml:"working-directory"`
			Run   string            `yaml:"run"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

var (
	expression = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)
	stepOutput = regexp.MustCompile(`^steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)$`)
	condition  = regexp.MustCompile(`^(steps\.[A-Za-z0-9_-]+\.outputs\.[A-Za-z0-9_-]+)\s*(==|!=)\s*'([^']*)'$`)
)

// goEnv is the Go toolchain's settings of this machine.
var goEnv = sync.OnceValue(func() []string {
	out, err := exec.Command("go", "env", "GOCACHE", "GOMODCACHE", "GOPATH", "GOPROXY", "GOFLAGS").Output()
	if err != nil {
		return nil
	}
	vals := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	var env []string
	for i, k := range []string{"GOCACHE", "GOMODCACHE", "GOPATH", "GOPROXY", "GOFLAGS"} {
		if i < len(vals) {
			env = append(env, k+"="+vals[i])
		}
	}
	return env
})

// cmdRunAction runs action.yml as a runner runs a composite action, for
// the parts it uses: each step in order; its if: condition on an earlier
// step's output; ${{ }} expressions of inputs, github.action_ref,
// .action_repository, .action_path, .token and steps outputs; a fresh
// GITHUB_OUTPUT file per step; bash as GitHub's "shell: bash" runs it.
// Steps that use another action are skipped (this machine has Go). The
// action's outputs are printed last, as "output NAME=VALUE".
//
//	runaction [INPUT=VALUE...]
//
// GITHUB_ACTION_REF and GITHUB_ACTION_REPOSITORY in the script's env stand
// for the ref and repository of the uses: line; GITHUB_ACTION_PATH is the
// repository unless the script sets it.
func cmdRunAction(ts *testscript.TestScript, neg bool, args []string) {
	b, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	ts.Check(err)
	var a compositeAction
	ts.Check(yaml.Unmarshal(b, &a))
	if a.Runs.Using != "composite" {
		ts.Fatalf("action.yml runs %q, not composite", a.Runs.Using)
	}
	actionPath := ts.Getenv("GITHUB_ACTION_PATH")
	if actionPath == "" {
		actionPath = repoRoot
	}
	inputs := map[string]string{}
	given := map[string]string{}
	for _, arg := range args {
		k, v, ok := strings.Cut(arg, "=")
		if !ok {
			ts.Fatalf("runaction: want INPUT=VALUE, got %q", arg)
		}
		if _, ok := a.Inputs[k]; !ok {
			ts.Fatalf("runaction: action.yml has no input %q", k)
		}
		given[k] = v
	}
	outputs := map[string]map[string]string{}
	var eval func(expr string) string
	eval = func(expr string) string {
		switch {
		case strings.HasPrefix(expr, "inputs."):
			return inputs[strings.TrimPrefix(expr, "inputs.")]
		case expr == "github.action_ref":
			return ts.Getenv("GITHUB_ACTION_REF")
		case expr == "github.action_repository":
			return ts.Getenv("GITHUB_ACTION_REPOSITORY")
		case expr == "github.action_path":
			return actionPath
		case expr == "github.token":
			return ts.Getenv("GITHUB_TOKEN")
		}
		if m := stepOutput.FindStringSubmatch(expr); m != nil {
			return outputs[m[1]][m[2]]
		}
		ts.Fatalf("runaction: action.yml uses ${{ %s }}, which runaction does not know", expr)
		return ""
	}
	expand := func(s string) string {
		return expression.ReplaceAllStringFunc(s, func(m string) string {
			return eval(expression.FindStringSubmatch(m)[1])
		})
	}
	for name, in := range a.Inputs {
		if v, ok := given[name]; ok {
			inputs[name] = v
		} else {
			inputs[name] = expand(in.Default)
		}
	}

	// The Go toolchain's own caches: the build step runs in the script's
	// HOME, where a fresh cache would build everything anew.
	for _, kv := range goEnv() {
		k, v, _ := strings.Cut(kv, "=")
		ts.Setenv(k, v)
	}
	var log, errLog strings.Builder
	var failed error
	for i, step := range a.Runs.Steps {
		label := step.Name
		if label == "" {
			label = fmt.Sprintf("step %d", i+1)
		}
		if step.If != "" {
			m := condition.FindStringSubmatch(step.If)
			if m == nil {
				ts.Fatalf("runaction: %s: if: %q is not a condition runaction knows", label, step.If)
			}
			if (eval(m[1]) == m[3]) != (m[2] == "==") {
				fmt.Fprintf(&log, "runaction: skipped: %s (if: %s)\n", label, step.If)
				continue
			}
		}
		if step.Uses != "" {
			fmt.Fprintf(&log, "runaction: skipped: %s (uses: %s, this machine has it)\n", label, step.Uses)
			continue
		}
		if step.Shell != "bash" {
			ts.Fatalf("runaction: %s: shell %q, want bash", label, step.Shell)
		}
		fmt.Fprintf(&log, "runaction: run: %s\n", label)
		out, err := os.CreateTemp(ts.Getenv("WORK"), "github-output-*")
		ts.Check(err)
		out.Close()
		dir := ts.Getenv("GITHUB_WORKSPACE")
		if step.Dir != "" {
			dir = expand(step.Dir)
		}
		// The step's env on top of the script's, for this step only.
		env := map[string]string{"GITHUB_ACTION_PATH": actionPath, "GITHUB_OUTPUT": out.Name()}
		for k, v := range step.Env {
			env[k] = expand(v)
		}
		saved := map[string]string{}
		for k, v := range env {
			saved[k] = ts.Getenv(k)
			ts.Setenv(k, v)
		}
		err = ts.Exec("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", `cd "$0" || exit`+"\n"+expand(step.Run), dir)
		for k, v := range saved {
			ts.Setenv(k, v)
		}
		stdout := ts.ReadFile("stdout")
		stderr := ts.ReadFile("stderr")
		log.WriteString(stdout)
		errLog.WriteString(stderr)
		if err != nil {
			failed = fmt.Errorf("%s: %v", label, err)
			break
		}
		if step.ID != "" {
			b, err := os.ReadFile(out.Name())
			ts.Check(err)
			outputs[step.ID] = parseGitHubOutput(ts, string(b))
		}
	}
	if failed == nil {
		var names []string
		for name := range a.Outputs {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			fmt.Fprintf(&log, "output %s=%s\n", name, expand(a.Outputs[name].Value))
		}
	}
	io.WriteString(ts.Stdout(), log.String())
	io.WriteString(ts.Stderr(), errLog.String())
	switch {
	case failed != nil && !neg:
		ts.Fatalf("runaction: %v", failed)
	case failed == nil && neg:
		ts.Fatalf("runaction: every step succeeded")
	}
}

// parseGitHubOutput reads a GITHUB_OUTPUT file: NAME=VALUE lines and
// NAME<<DELIMITER blocks.
func parseGitHubOutput(ts *testscript.TestScript, s string) map[string]string {
	out := map[string]string{}
	lines := strings.Split(s, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l == "" {
			continue
		}
		if k, delim, ok := strings.Cut(l, "<<"); ok && !strings.Contains(k, "=") {
			var v []string
			for i++; i < len(lines) && lines[i] != delim; i++ {
				v = append(v, lines[i])
			}
			out[k] = strings.Join(v, "\n")
			continue
		}
		k, v, ok := strings.Cut(l, "=")
		if !ok {
			ts.Fatalf("GITHUB_OUTPUT line %q is neither NAME=VALUE nor NAME<<DELIMITER", l)
		}
		out[k] = v
	}
	return out
}
