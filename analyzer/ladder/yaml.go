package ladder

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// A team's ladder file looks like this (the README has the full format):
//
//	name: Acme engineering ladder
//	tracks:
//	  - id: ic
//	    name: Individual contributor
//	    levels:
//	      - id: senior
//	        title: Senior Engineer
//	        summary: Owns problems end to end; raises the team.
//	        expects:
//	          - text: Owns problems that slow others down
//	            evidence: [flaky-tests, automation, cleanup]
//	            ideas:
//	              - Stabilize the flaky test nobody wants to touch
//
// The file is read as a tree of yaml.Node rather than decoded into structs
// so that every error can name the line it is about, and so that unknown
// or repeated keys are errors: a typo such as "evidense" would otherwise
// silently drop an expectation's evidence.

// Keys allowed at each depth, in the order error messages list them.
var (
	ladderKeys      = []string{"name", "tracks"}
	trackKeys       = []string{"id", "name", "levels"}
	levelKeys       = []string{"id", "title", "summary", "expects"}
	expectationKeys = []string{"text", "evidence", "ideas"}
)

// ladderIDPattern keeps ids usable as flag and git config values.
var ladderIDPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ladderError is a problem in a ladder file, printed "file:line: message"
// as compilers do, so editors can jump to it.
type ladderError struct {
	file string
	line int // 0 when the problem is the file as a whole
	msg  string
	err  error // the YAML parser's own error, when it found the problem
}

func (e *ladderError) Error() string {
	if e.line == 0 {
		return e.file + ": " + e.msg
	}
	return fmt.Sprintf("%s:%d: %s", e.file, e.line, e.msg)
}

func (e *ladderError) Unwrap() error { return e.err }

// Read reads and parses a team's ladder file.
func Read(path string) (*Ladder, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading ladder: %w", err)
	}
	return parse(path, data)
}

// parse parses and validates a team's ladder file. name is the file
// name errors start with. Every track needs an id and levels; every level
// needs an id unique across the ladder and at least one expectation; every
// expectation needs text and at least one evidence category from
// [Categories]. A missing level title defaults to the id, a missing track
// name to the track id, and a missing ladder name to the file's base name.
func parse(name string, data []byte) (*Ladder, error) {
	p := &ladderParser{file: name, levelLine: map[string]int{}, trackLine: map[string]int{}}
	root, err := p.document(data)
	if err != nil {
		return nil, err
	}
	l, err := p.ladder(root)
	if err != nil {
		return nil, err
	}
	if l.Name == "" {
		l.Name = filepath.Base(name)
	}
	return l, nil
}

// ValidateLevel checks a level id given on the command line or in git
// config; flagName ("--level", "career.target") says where it came from.
// An empty id means "not given" and is valid.
func ValidateLevel(l *Ladder, id, flagName string) (string, error) {
	if id == "" {
		return "", nil
	}
	lv, _, _, ok := l.Level(id)
	if !ok {
		return "", fmt.Errorf("unknown level %q for %s (allowed: %s)", id, flagName, strings.Join(l.LevelIDs(), ", "))
	}
	return lv.ID, nil
}

// ValidateTarget checks that target is above current when both are on the
// same track: measuring a senior engineer toward engineer says nothing.
// Another track (senior toward engineering-manager) is a choice the user
// may make.
func ValidateTarget(l *Ladder, current, target string) error {
	if current == "" || target == "" {
		return nil
	}
	_, ct, ci, _ := l.Level(current)
	tl, tt, ti, _ := l.Level(target)
	if ct != nil && ct == tt && ti <= ci {
		track := cmp.Or(ct.Name, ct.ID)
		if ti == ci {
			return fmt.Errorf("--target %s is --level %s: measure toward a level above it on the %s track", target, current, track)
		}
		return fmt.Errorf("--target %s is below --level %s on the %s track: measure toward a level above it (next: %s)", tl.ID, current, track, nextOrTop(l, current))
	}
	return nil
}

// nextOrTop names the level after id, or says id is the top of its track.
func nextOrTop(l *Ladder, id string) string {
	if n, ok := l.Next(id); ok {
		return n.ID
	}
	return "none, it is the top of the track"
}

type ladderParser struct {
	file      string
	levelLine map[string]int // level id → line of its first definition
	trackLine map[string]int
}

func (p *ladderParser) errorf(n *yaml.Node, format string, args ...any) error {
	line := 0
	if n != nil {
		line = n.Line
	}
	return &ladderError{file: p.file, line: line, msg: fmt.Sprintf(format, args...)}
}

// yamlLinePattern matches the YAML parser's "yaml: line 3: ..." messages,
// which are rewritten to the file:line form the rest of the errors use.
var yamlLinePattern = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func (p *ladderParser) yamlError(err error) error {
	if m := yamlLinePattern.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &ladderError{file: p.file, line: line, msg: m[2], err: err}
	}
	return &ladderError{file: p.file, msg: strings.TrimPrefix(err.Error(), "yaml: "), err: err}
}

// document returns the root node of the file's single YAML document.
func (p *ladderParser) document(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, p.errorf(nil, "empty file; want a ladder with tracks")
		}
		return nil, p.yamlError(err)
	}
	var more yaml.Node
	switch err := dec.Decode(&more); {
	case err == nil:
		return nil, p.errorf(&more, "a second YAML document; want one ladder per file")
	case !errors.Is(err, io.EOF):
		return nil, p.yamlError(err)
	}
	if len(doc.Content) == 0 {
		return nil, p.errorf(nil, "empty file; want a ladder with tracks")
	}
	return deref(doc.Content[0]), nil
}

// deref follows aliases (*anchor) to the node they stand for.
func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// fields reads a mapping, rejecting keys not in allowed and keys given
// twice. what names the mapping in messages ("track", "level").
func (p *ladderParser) fields(n *yaml.Node, what string, allowed []string) (map[string]*yaml.Node, error) {
	if n.Kind != yaml.MappingNode {
		return nil, p.errorf(n, "%s must be a mapping with keys %s", withArticle(what), strings.Join(allowed, ", "))
	}
	m := map[string]*yaml.Node{}
	keyLine := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			return nil, p.errorf(k, "%s key must be a plain word (allowed: %s)", withArticle(what), strings.Join(allowed, ", "))
		}
		if !slices.Contains(allowed, k.Value) {
			return nil, p.errorf(k, "unknown key %q in %s (allowed: %s)", k.Value, what, strings.Join(allowed, ", "))
		}
		if first, ok := keyLine[k.Value]; ok {
			return nil, p.errorf(k, "key %q given twice in %s (first on line %d)", k.Value, what, first)
		}
		keyLine[k.Value] = k.Line
		m[k.Value] = v
	}
	return m, nil
}

// withArticle puts "a" or "an" before a noun of the format.
func withArticle(noun string) string {
	if strings.IndexByte("aeiou", noun[0]) >= 0 {
		return "an " + noun
	}
	return "a " + noun
}

// text reads a scalar value; a missing or null value is "".
func (p *ladderParser) text(m map[string]*yaml.Node, key string) (string, error) {
	n := m[key]
	if n == nil || isNull(n) {
		return "", nil
	}
	if n.Kind != yaml.ScalarNode {
		return "", p.errorf(n, "%q must be text", key)
	}
	return strings.TrimSpace(n.Value), nil
}

// id reads a required id and checks its spelling.
func (p *ladderParser) id(m map[string]*yaml.Node, at *yaml.Node, what string) (string, *yaml.Node, error) {
	id, err := p.text(m, "id")
	if err != nil {
		return "", nil, err
	}
	if id == "" {
		return "", nil, p.errorf(at, "%s without an id", what)
	}
	if !ladderIDPattern.MatchString(id) {
		return "", nil, p.errorf(m["id"], "%s id %q must be lowercase letters, digits and hyphens, like \"staff-plus\"", what, id)
	}
	return id, m["id"], nil
}

// items reads a list of mappings; a missing or null value is empty.
func (p *ladderParser) items(m map[string]*yaml.Node, key string) ([]*yaml.Node, error) {
	n := m[key]
	if n == nil || isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, p.errorf(n, "%q must be a list", key)
	}
	out := make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		out[i] = deref(c)
	}
	return out, nil
}

// words reads a list of scalars; a single scalar counts as a list of one,
// so "evidence: design" works as well as "evidence: [design]".
func (p *ladderParser) words(m map[string]*yaml.Node, key string) ([]*yaml.Node, error) {
	n := m[key]
	if n == nil || isNull(n) {
		return nil, nil
	}
	if n.Kind == yaml.ScalarNode {
		return []*yaml.Node{n}, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, p.errorf(n, "%q must be a list", key)
	}
	out := make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		c = deref(c)
		if c.Kind != yaml.ScalarNode || isNull(c) {
			return nil, p.errorf(c, "each of %q must be text", key)
		}
		out[i] = c
	}
	return out, nil
}
