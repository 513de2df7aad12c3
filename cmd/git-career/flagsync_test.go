package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The flags are written in several places: the -h text (usageText), which
// is the source, the package doc, the man page and the manual. This test
// reads the flag sets the command builds from its own source and fails when
// a flag is defined but missing from one of them, or when one of them (or
// the README) names a flag that is not defined.

const (
	mainSet = "git-career"      // flag.NewFlagSet's name in parseFlags
	initSet = "git-career init" // and in initRun
)

// notInFlagSet are flags the command takes before its flag set is parsed
// (isVersionArg), so documented like the others.
var notInFlagSet = map[string][]string{mainSet: {"version"}}

// alwaysThere are the flag package's own, which every set answers.
var alwaysThere = []string{"h", "help"}

// definedFlags reads the package's Go files (tests aside) for the flag sets
// they build: for each `v := flag.NewFlagSet("name", ...)`, the names given
// to v.Var, v.StringVar, v.Bool and the like in the same function.
func definedFlags(t *testing.T) map[string][]string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	sets := map[string][]string{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			vars := map[string]string{} // variable → flag set name
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				var lhs []ast.Expr
				var rhs []ast.Expr
				switch n := n.(type) {
				case *ast.AssignStmt:
					lhs, rhs = n.Lhs, n.Rhs
				case *ast.ValueSpec:
					for _, id := range n.Names {
						lhs = append(lhs, id)
					}
					rhs = n.Values
				default:
					return true
				}
				for i, r := range rhs {
					call, ok := r.(*ast.CallExpr)
					if !ok || !isSelector(call.Fun, "flag", "NewFlagSet") || len(call.Args) == 0 || i >= len(lhs) {
						continue
					}
					id, ok := lhs[i].(*ast.Ident)
					setName, lit := stringLit(call.Args[0])
					if !ok || !lit {
						t.Fatalf("%s: a flag set this test cannot name; give flag.NewFlagSet a literal name and assign it to a variable", fset.Position(call.Pos()))
					}
					vars[id.Name] = setName
					if _, ok := sets[setName]; !ok {
						sets[setName] = []string{}
					}
				}
				return true
			})
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				recv, ok := sel.X.(*ast.Ident)
				if !ok || vars[recv.Name] == "" || !definesFlag(sel.Sel.Name) {
					return true
				}
				// v.StringVar(&p, "name", ...), v.Var(value, "name", ...);
				// v.String("name", ...), v.Func("name", ...).
				i := 0
				if strings.HasSuffix(sel.Sel.Name, "Var") {
					i = 1
				}
				name, lit := "", false
				if i < len(call.Args) {
					name, lit = stringLit(call.Args[i])
				}
				if !lit {
					t.Fatalf("%s: a flag whose name is not a string literal: this test cannot check it is documented", fset.Position(call.Pos()))
				}
				set := vars[recv.Name]
				sets[set] = append(sets[set], name)
				return true
			})
		}
	}
	for set := range sets {
		sets[set] = append(sets[set], notInFlagSet[set]...)
		sort.Strings(sets[set])
	}
	return sets
}

// definesFlag says whether a *flag.FlagSet method defines a flag.
func definesFlag(method string) bool {
	switch method {
	case "Var", "TextVar", "Func", "BoolFunc",
		"String", "StringVar", "Bool", "BoolVar", "Int", "IntVar", "Int64", "Int64Var",
		"Uint", "UintVar", "Uint64", "Uint64Var", "Float64", "Float64Var", "Duration", "DurationVar":
		return true
	}
	return false
}

func isSelector(e ast.Expr, pkg, name string) bool {
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && id.Name == pkg && sel.Sel.Name == name
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// mention is a flag named in a document.
type mention struct {
	name string
	set  string // the flag set it belongs to: mainSet, initSet, or "" for any
	line int
	// defines: on a line that documents the flag (an option line, a row of
	// a flags table, a man page's .TP tag, a subcommand's synopsis), rather
	// than an example or a passing mention.
	defines bool
}

// document is one place the flags are written.
type document struct {
	name string
	text string
	man  bool // roff: options are .TP tags under .SH OPTIONS
	// required: the flag sets every flag of which must be documented here.
	required []string
}

var (
	// An option line of a usage text: indented, starting with a flag.
	optionLine = regexp.MustCompile(`^\s+-`)
	// A row of a Markdown flags table: its first cell starts with a flag.
	tableRow = regexp.MustCompile("^\\|\\s*`-")
	// A value placeholder after a flag: PATH, O/N, @ORG/TEAM.
	placeholder = regexp.MustCompile(`^[A-Z@][A-Z0-9/@_-]*$`)
	flagToken   = regexp.MustCompile(`^\[?(--?[a-z][a-z0-9-]*)`)
	// A code span that is a flag: `--force-new`, `-o -`.
	flagSpan = regexp.MustCompile("`(--?[a-z][a-z0-9-]*)[^`]*`")
	roffFont = regexp.MustCompile(`\\f[BIRP]`)
)

// leadingFlags reads the flags at the start of an option line: "-o,
// --output FILE  write there" names o and output.
func leadingFlags(s string) []string {
	var names []string
	fields := strings.Fields(s)
	for i := 0; i < len(fields); i++ {
		m := flagToken.FindStringSubmatch(fields[i])
		if m == nil {
			break
		}
		names = append(names, strings.TrimLeft(m[1], "-"))
		if i+1 < len(fields) && placeholder.MatchString(strings.Trim(fields[i+1], "`|,")) {
			i++
		}
	}
	return names
}

// commandFlags reads the flags of a `git career ...` command line and
// which flag set they belong to; ok is false for a subcommand without
// flags or for prose ("git career reads your commits").
func commandFlags(rest string, sets map[string][]string) (set string, names []string, ok bool) {
	for _, stop := range []string{"`", " #", "|", ")"} {
		if i := strings.Index(rest, stop); i >= 0 {
			rest = rest[:i]
		}
	}
	fields := strings.Fields(rest)
	set = mainSet
	if len(fields) > 0 && !strings.HasPrefix(fields[0], "-") {
		set = mainSet + " " + fields[0]
		if _, ok := sets[set]; !ok {
			return "", nil, false
		}
		fields = fields[1:]
	}
	for _, f := range fields {
		if m := flagToken.FindStringSubmatch(f); m != nil {
			names = append(names, strings.TrimLeft(m[1], "-"))
		}
	}
	return set, names, true
}

// mentions finds the flags a document names.
func mentions(d document, sets map[string][]string) []mention {
	var out []mention
	section := ""
	prev := ""
	for i, line := range strings.Split(d.text, "\n") {
		n := i + 1
		if d.man {
			line = roffFont.ReplaceAllString(strings.ReplaceAll(line, `\-`, "-"), "")
			if strings.HasPrefix(line, ".SH ") {
				section = strings.TrimSpace(strings.TrimPrefix(line, ".SH "))
			}
			if section == "OPTIONS" && prev == ".TP" {
				for _, f := range strings.Fields(strings.ReplaceAll(strings.ReplaceAll(line, `"`, " "), ",", " ")) {
					if m := flagToken.FindStringSubmatch(f); m != nil {
						out = append(out, mention{strings.TrimLeft(m[1], "-"), mainSet, n, true})
					}
				}
			}
			prev = strings.TrimSpace(line)
		} else {
			if optionLine.MatchString(line) {
				for _, name := range leadingFlags(line) {
					out = append(out, mention{name, mainSet, n, true})
				}
			}
			if tableRow.MatchString(line) {
				cell := strings.Split(strings.Trim(line, " |"), "|")[0]
				for _, name := range leadingFlags(strings.NewReplacer("`", " ", ",", " ").Replace(cell)) {
					out = append(out, mention{name, mainSet, n, true})
				}
			}
			for _, m := range flagSpan.FindAllStringSubmatch(line, -1) {
				out = append(out, mention{strings.TrimLeft(m[1], "-"), "", n, false})
			}
		}
		for rest := line; ; {
			i := strings.Index(rest, "git career ")
			if i < 0 {
				break
			}
			rest = rest[i+len("git career "):]
			if set, names, ok := commandFlags(rest, sets); ok {
				for _, name := range names {
					// A subcommand's synopsis documents its flags.
					out = append(out, mention{name, set, n, set != mainSet})
				}
			}
		}
	}
	return out
}

// packageDoc is the package's doc comment, from the file that has it, with
// the comment markers taken off and its lines where they are in the file
// (blank before the comment), so that messages give the file's line.
func packageDoc(t *testing.T) (string, string) {
	t.Helper()
	files, _ := filepath.Glob("*.go")
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments|parser.PackageClauseOnly)
		if err != nil {
			t.Fatal(err)
		}
		if f.Doc == nil {
			continue
		}
		lines := make([]string, fset.Position(f.Doc.Pos()).Line-1)
		for _, c := range f.Doc.List {
			for _, l := range strings.Split(c.Text, "\n") {
				l = strings.TrimPrefix(strings.TrimPrefix(l, "//"), " ")
				lines = append(lines, l)
			}
		}
		return name, strings.Join(lines, "\n")
	}
	t.Fatal("no file of package main has a package doc")
	return "", ""
}

// constText is a string constant's text as it stands in its file: blank
// lines before it, so that messages give the file's line, and the file.
func constText(t *testing.T, name, value string) (string, string) {
	t.Helper()
	files, _ := filepath.Glob("*.go")
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, id := range vs.Names {
					if id.Name == name && i < len(vs.Values) {
						line := fset.Position(vs.Values[i].Pos()).Line
						return file, strings.Repeat("\n", line-1) + value
					}
				}
			}
		}
	}
	return "", value // not a plain constant any more: lines of the text itself
}

// flagDocuments are the places the flags are written.
func flagDocuments(t *testing.T) []document {
	t.Helper()
	read := func(path string) string {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v", err)
		}
		return string(b)
	}
	docName, doc := packageDoc(t)
	usageFile, usage := constText(t, "usageText", usageText)
	initFile, initText := constText(t, "initUsage", initUsage)
	return []document{
		{name: "usageText, the -h text (cmd/git-career/" + usageFile + ")", text: usage, required: []string{mainSet}},
		{name: "the package doc (cmd/git-career/" + docName + ")", text: doc, required: []string{mainSet}},
		{name: "doc/git-career.1", text: read("../../doc/git-career.1"), man: true, required: []string{mainSet, initSet}},
		{name: "docs/manual.md", text: read("../../docs/manual.md"), required: []string{mainSet, initSet}},
		{name: "initUsage, git career init -h (cmd/git-career/" + initFile + ")", text: initText},
		{name: "README.md", text: read("../../README.md")},
	}
}

func TestFlagsDocumented(t *testing.T) {
	sets := definedFlags(t)
	for _, set := range []string{mainSet, initSet} {
		if len(sets[set]) < 2 {
			t.Fatalf("read %q from the source for flag set %q: the source has changed shape; teach definedFlags the new one", sets[set], set)
		}
	}
	// What the source says is what the parser takes.
	for _, name := range sets[mainSet] {
		if name == "version" {
			continue
		}
		if _, err := parseFlags([]string{"--" + name, "x"}, &bytes.Buffer{}); err != nil && strings.Contains(err.Error(), "unknown flag") {
			t.Errorf("read --%s from the source, but parseFlags does not know it: %v", name, err)
		}
	}
	if _, err := parseFlags([]string{"--no-such-flag"}, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "unknown flag") {
		t.Fatalf("parseFlags(--no-such-flag) = %v; want an unknown flag", err)
	}

	dash := func(name string) string {
		if len(name) == 1 {
			return "-" + name
		}
		return "--" + name
	}
	missing := map[string][]string{} // "set: --flag" → documents lacking it
	for _, d := range flagDocuments(t) {
		documented := map[string]map[string]bool{}
		said := map[string]bool{}
		for _, m := range mentions(d, sets) {
			known := slices.Contains(alwaysThere, m.name)
			if m.set == "" {
				for _, names := range sets {
					known = known || slices.Contains(names, m.name)
				}
			} else {
				known = known || slices.Contains(sets[m.set], m.name)
			}
			if key := fmt.Sprint(m.line, m.name); !known && !said[key] {
				said[key] = true
				what := "git career"
				if m.set != "" && m.set != mainSet {
					what = strings.Replace(m.set, "git-career", "git career", 1)
				}
				t.Errorf("%s:%d names %s, which %s does not define", d.name, m.line, dash(m.name), what)
			}
			if m.defines {
				if documented[m.set] == nil {
					documented[m.set] = map[string]bool{}
				}
				documented[m.set][m.name] = true
			}
		}
		for _, set := range d.required {
			for _, name := range sets[set] {
				if !documented[set][name] {
					key := strings.Replace(set, "git-career", "git career", 1) + " " + dash(name)
					missing[key] = append(missing[key], d.name)
				}
			}
		}
	}
	var keys []string
	for k := range missing {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Errorf("%s is defined but not documented in %s", k, strings.Join(missing[k], "; "))
	}
}
