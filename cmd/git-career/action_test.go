package main

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// actionYAML is the part of action.yml this test reads.
type actionYAML struct {
	Inputs  map[string]any `yaml:"inputs"`
	Outputs map[string]any `yaml:"outputs"`
	Runs    struct {
		Using string `yaml:"using"`
		Steps []struct {
			ID  string            `yaml:"id"`
			Env map[string]string `yaml:"env"`
			Run string            `yaml:"run"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

func readActionYAML(t *testing.T) actionYAML {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a actionYAML
	if err := yaml.Unmarshal(b, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return a
}

// Every input action.yml declares is read by `git career action`, every
// input it reads is declared, and the composite step passes each one on.
func TestActionInputsMatchActionYAML(t *testing.T) {
	a := readActionYAML(t)
	var declared []string
	for name := range a.Inputs {
		declared = append(declared, name)
	}
	sort.Strings(declared)
	read := append([]string(nil), actionInputs...)
	sort.Strings(read)
	if !reflect.DeepEqual(declared, read) {
		t.Errorf("action.yml declares %q, the binary reads %q", declared, read)
	}
	var step map[string]string
	for _, s := range a.Runs.Steps {
		if strings.Contains(s.Run, "git-career\" action") {
			step = s.Env
		}
	}
	if step == nil {
		t.Fatal("no step runs git-career action")
	}
	for _, name := range declared {
		env := "INPUT_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
		if want := "${{ inputs." + name + " }}"; step[env] != want {
			t.Errorf("step env %s = %q, want %q", env, step[env], want)
		}
	}
	if len(step) != len(declared) {
		t.Errorf("step passes %d INPUT_ variables for %d inputs", len(step), len(declared))
	}
}

// Every output action.yml declares is one the binary writes.
func TestActionOutputsMatchActionYAML(t *testing.T) {
	a := readActionYAML(t)
	written := map[string]bool{}
	for _, name := range actionOutputs {
		written[name] = true
	}
	for name := range a.Outputs {
		if !written[name] {
			t.Errorf("action.yml declares output %q, which the binary never writes", name)
		}
		delete(written, name)
	}
	for name := range written {
		t.Errorf("the binary writes output %q, which action.yml does not declare", name)
	}
}
