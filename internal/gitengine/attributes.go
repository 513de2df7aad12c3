package gitengine

import (
	"bufio"
	"bytes"
	"strings"
	"sync"
)

// What the "diff" attribute says about a path, as far as numstat cares:
// git's diff counts lines of a file unless it is binary, and the attribute
// can decide that before git looks for a NUL byte.
type diffAttr uint8

const (
	diffSniff  diffAttr = iota // unspecified, "!diff" or "diff=driver": look at the bytes
	diffText                   // "diff": always counted as text
	diffBinary                 // "-diff", or the "binary" macro
)

// gitAttrs answers the "diff" attribute of paths the way `git log
// --numstat` does in git 2.39: from the .gitattributes files of the work
// tree as they are now (not the ones of the commit being diffed, and not
// the index: a .gitattributes deleted from the work tree counts for
// nothing), overridden by $GIT_DIR/info/attributes. A bare repository
// has only the latter. Files are read once per folder, when a path under
// it is first asked about. Safe for concurrent use.
type gitAttrs struct {
	// read returns the work tree's file at a slash-separated path, or
	// ok=false when there is none (or no work tree).
	read func(name string) (data []byte, ok bool)
	info []attrRule // $GIT_DIR/info/attributes

	mu     sync.Mutex
	dirs   map[string][]attrRule // folder ("" or "a/b/") → its rules
	macros map[string][]attrAssign
}

// attrRule is one line of an attributes file: a pattern and what it
// assigns, read relative to the folder of the file.
type attrRule struct {
	dir      string // folder of the file, "" or ending in "/"
	pattern  string
	basename bool // the pattern has no "/": it matches a file name at any depth
	assigns  []attrAssign
}

// attrAssign is one "name", "-name", "!name" or "name=value" of a line.
type attrAssign struct {
	name  string
	state attrState
}

type attrState uint8

const (
	attrSet attrState = iota
	attrUnset
	attrUnspecified
	attrValue
)

// newGitAttrs builds the lookup from the text of $GIT_DIR/info/attributes
// and a reader of work-tree files (nil for a bare repository).
func newGitAttrs(info string, read func(string) ([]byte, bool)) *gitAttrs {
	g := &gitAttrs{read: read, dirs: map[string][]attrRule{}, macros: map[string][]attrAssign{
		// Built in: binary is -diff -merge -text.
		"binary": {{"diff", attrUnset}, {"merge", attrUnset}, {"text", attrUnset}},
	}}
	g.info = g.parse("", []byte(info), true)
	return g
}

// diff returns the "diff" attribute of path (slash-separated, relative to
// the top of the repository).
func (g *gitAttrs) diff(path string) diffAttr {
	if g == nil {
		return diffSniff
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	// The root file may define macros the others use: read it first.
	g.rules("")
	// Highest priority first: info/attributes, then the deepest folder's
	// file up to the root's; in each file the last matching line wins.
	if a, ok := g.decide(g.info, path); ok {
		return a
	}
	var folders []string
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			folders = append(folders, path[:i+1])
		}
	}
	folders = append(folders, "")
	for _, d := range folders {
		if a, ok := g.decide(g.rules(d), path); ok {
			return a
		}
	}
	return diffSniff
}

// decide applies the matching rules of one file, the last first, and
// reports the first that says anything about "diff".
func (g *gitAttrs) decide(rules []attrRule, path string) (diffAttr, bool) {
	for i := len(rules) - 1; i >= 0; i-- {
		r := &rules[i]
		if !r.matches(path) {
			continue
		}
		if st, ok := g.diffState(r.assigns, 0); ok {
			switch st {
			case attrSet:
				return diffText, true
			case attrUnset:
				return diffBinary, true
			default:
				return diffSniff, true
			}
		}
	}
	return 0, false
}

// diffState is what a line's assignments leave "diff" at, macros expanded
// (a macro counts only when set); later assignments win.
func (g *gitAttrs) diffState(as []attrAssign, depth int) (attrState, bool) {
	var st attrState
	found := false
	for _, a := range as {
		if a.name == "diff" {
			st, found = a.state, true
			continue
		}
		if m, ok := g.macros[a.name]; ok && a.state == attrSet && depth < 10 {
			if s, ok := g.diffState(m, depth+1); ok {
				st, found = s, true
			}
		}
	}
	return st, found
}

func (r *attrRule) matches(path string) bool {
	if !strings.HasPrefix(path, r.dir) {
		return false
	}
	rel := path[len(r.dir):]
	if r.basename {
		rel = rel[strings.LastIndexByte(rel, '/')+1:]
	}
	return wildmatch(r.pattern, rel)
}

// rules returns the rules of the .gitattributes in folder dir, reading it
// the first time. A symlinked .gitattributes is ignored, as git does.
func (g *gitAttrs) rules(dir string) []attrRule {
	if rs, ok := g.dirs[dir]; ok {
		return rs
	}
	var rs []attrRule
	if g.read != nil {
		if data, ok := g.read(dir + ".gitattributes"); ok {
			rs = g.parse(dir, data, dir == "")
		}
	}
	g.dirs[dir] = rs
	return rs
}

// parse reads an attributes file. Macro definitions ("[attr]name ...")
// count only in the top-level files, as in git.
func (g *gitAttrs) parse(dir string, data []byte, top bool) []attrRule {
	var out []attrRule
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		assigns := parseAssigns(fields[1:])
		if name, ok := strings.CutPrefix(fields[0], "[attr]"); ok {
			if top && name != "" {
				g.macros[name] = assigns
			}
			continue
		}
		pat := fields[0]
		if strings.HasPrefix(pat, "!") || strings.HasSuffix(pat, "/") {
			// Negative patterns are forbidden, and a folder pattern
			// never matches a file.
			continue
		}
		r := attrRule{dir: dir, assigns: assigns}
		if p, ok := strings.CutPrefix(pat, "/"); ok {
			r.pattern = p
		} else {
			r.pattern = pat
			r.basename = !strings.Contains(pat, "/")
		}
		out = append(out, r)
	}
	return out
}

func parseAssigns(fields []string) []attrAssign {
	out := make([]attrAssign, 0, len(fields))
	for _, f := range fields {
		switch {
		case strings.HasPrefix(f, "-"):
			out = append(out, attrAssign{f[1:], attrUnset})
		case strings.HasPrefix(f, "!"):
			out = append(out, attrAssign{f[1:], attrUnspecified})
		case strings.Contains(f, "="):
			name, _, _ := strings.Cut(f, "=")
			out = append(out, attrAssign{name, attrValue})
		default:
			out = append(out, attrAssign{f, attrSet})
		}
	}
	return out
}

// wildmatch matches a slash-separated name against a gitignore-style
// pattern: "*" and "?" stay within one path segment, "[...]" is a class,
// "\" escapes, and "**" as a whole segment spans any number of folders.
func wildmatch(p, s string) bool {
	for len(p) > 0 {
		switch c := p[0]; c {
		case '*':
			if strings.HasPrefix(p, "**") && (len(p) == 2 || p[2] == '/') {
				// A "**" segment (the caller's segment starts here: at
				// the start of the pattern or after a "/").
				if len(p) == 2 {
					return true
				}
				rest := p[3:]
				for {
					if wildmatch(rest, s) {
						return true
					}
					i := strings.IndexByte(s, '/')
					if i < 0 {
						return false
					}
					s = s[i+1:]
				}
			}
			for len(p) > 0 && p[0] == '*' {
				p = p[1:]
			}
			for i := 0; i <= len(s); i++ {
				if wildmatch(p, s[i:]) {
					return true
				}
				if i < len(s) && s[i] == '/' {
					return false
				}
			}
			return false
		case '?':
			if len(s) == 0 || s[0] == '/' {
				return false
			}
			p, s = p[1:], s[1:]
		case '[':
			n, ok, size := matchClass(p, s)
			if size == 0 { // not a class: a literal "["
				if len(s) == 0 || s[0] != '[' {
					return false
				}
				p, s = p[1:], s[1:]
				continue
			}
			if !ok {
				return false
			}
			p, s = p[size:], s[n:]
		case '\\':
			if len(p) > 1 {
				p = p[1:]
			}
			fallthrough
		default:
			if len(s) == 0 || s[0] != p[0] {
				return false
			}
			p, s = p[1:], s[1:]
		}
	}
	return len(s) == 0
}

// matchClass matches the class at the start of p against the first byte
// of s. size is the class's length in p, 0 if it is not closed.
func matchClass(p, s string) (n int, ok bool, size int) {
	i := 1
	negate := i < len(p) && (p[i] == '!' || p[i] == '^')
	if negate {
		i++
	}
	matched := false
	var c byte
	if len(s) > 0 {
		c = s[0]
	}
	first := true
	for ; i < len(p); i++ {
		if p[i] == ']' && !first {
			if len(s) == 0 || c == '/' {
				return 0, false, i + 1
			}
			return 1, matched != negate, i + 1
		}
		first = false
		lo := p[i]
		if lo == '\\' && i+1 < len(p) {
			i++
			lo = p[i]
		}
		hi := lo
		if i+2 < len(p) && p[i+1] == '-' && p[i+2] != ']' {
			hi = p[i+2]
			i += 2
		}
		if lo <= c && c <= hi {
			matched = true
		}
	}
	return 0, false, 0
}
