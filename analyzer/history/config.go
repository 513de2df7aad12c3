package history

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/config"
)

// Config is git's configuration as git itself layers it: system, global,
// the repository's own, then `git -c` values; later values win.
type Config struct {
	values map[string][]string // "section.key" or "section.sub.key", lower-cased
	home   string
}

// maxIncludeDepth stops include cycles, as git does at 10.
const maxIncludeDepth = 10

// LoadConfig reads the layers that apply to the repository whose local
// config text is local. getenv honours GIT_CONFIG_NOSYSTEM,
// GIT_CONFIG_GLOBAL, XDG_CONFIG_HOME, HOME, GIT_CONFIG_COUNT (with its
// GIT_CONFIG_KEY_n and GIT_CONFIG_VALUE_n) and GIT_CONFIG_PARAMETERS.
func LoadConfig(getenv func(string) string, local string) (*Config, error) {
	c := &Config{values: map[string][]string{}, home: getenv("HOME")}
	if getenv("GIT_CONFIG_NOSYSTEM") == "" {
		if err := c.addFile("/etc/gitconfig", 0); err != nil {
			return nil, err
		}
	}
	if g := getenv("GIT_CONFIG_GLOBAL"); g != "" {
		if err := c.addFile(g, 0); err != nil {
			return nil, err
		}
	} else {
		home := getenv("HOME")
		xdg := getenv("XDG_CONFIG_HOME")
		if xdg == "" && home != "" {
			xdg = filepath.Join(home, ".config")
		}
		if xdg != "" {
			if err := c.addFile(filepath.Join(xdg, "git", "config"), 0); err != nil {
				return nil, err
			}
		}
		if home != "" {
			if err := c.addFile(filepath.Join(home, ".gitconfig"), 0); err != nil {
				return nil, err
			}
		}
	}
	if err := c.addText(local, "", "repository config", 0); err != nil {
		return nil, err
	}
	// Command-line configuration, in git's order: GIT_CONFIG_COUNT's pairs,
	// then `git -c` (GIT_CONFIG_PARAMETERS), which wins.
	env, err := configFromEnv(getenv)
	if err != nil {
		return nil, err
	}
	for _, kv := range append(env, parseConfigParameters(getenv("GIT_CONFIG_PARAMETERS"))...) {
		c.values[kv[0]] = append(c.values[kv[0]], kv[1])
	}
	return c, nil
}

// configFromEnv reads GIT_CONFIG_COUNT and its GIT_CONFIG_KEY_<n> and
// GIT_CONFIG_VALUE_<n> pairs, failing as git does on a bad count or a
// missing key.
func configFromEnv(getenv func(string) string) ([][2]string, error) {
	count := getenv("GIT_CONFIG_COUNT")
	if count == "" {
		return nil, nil
	}
	n, err := strconv.Atoi(count)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("bogus count in GIT_CONFIG_COUNT: %q", count)
	}
	var out [][2]string
	for i := 0; i < n; i++ {
		key := getenv(fmt.Sprintf("GIT_CONFIG_KEY_%d", i))
		if key == "" {
			return nil, fmt.Errorf("missing config key GIT_CONFIG_KEY_%d (GIT_CONFIG_COUNT is %d)", i, n)
		}
		out = append(out, [2]string{strings.ToLower(key), getenv(fmt.Sprintf("GIT_CONFIG_VALUE_%d", i))})
	}
	return out, nil
}

// addFile reads one config file; a missing file is no error, as in git.
func (c *Config) addFile(path string, depth int) error {
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading git config: %w", err)
	}
	return c.addText(string(b), filepath.Dir(path), path, depth)
}

func (c *Config) addText(text, dir, name string, depth int) error {
	cfg := config.New()
	if err := config.NewDecoder(strings.NewReader(text)).Decode(cfg); err != nil {
		return fmt.Errorf("reading git config %s: %w", name, err)
	}
	for _, s := range cfg.Sections {
		sec := strings.ToLower(s.Name)
		for _, o := range s.Options {
			key := sec + "." + strings.ToLower(o.Key)
			c.values[key] = append(c.values[key], o.Value)
			if key == "include.path" && depth < maxIncludeDepth {
				if err := c.addFile(includePath(o.Value, dir, c.home), depth+1); err != nil {
					return err
				}
			}
		}
		for _, sub := range s.Subsections {
			for _, o := range sub.Options {
				key := sec + "." + sub.Name + "." + strings.ToLower(o.Key)
				c.values[key] = append(c.values[key], o.Value)
			}
		}
	}
	return nil
}

// includePath resolves an include.path: "~/" is the home folder, and a
// relative path is relative to the including file.
func includePath(p, dir, home string) string {
	p = ExpandHome(p, home)
	if !filepath.IsAbs(p) && dir != "" {
		return filepath.Join(dir, p)
	}
	return p
}

// Get returns the last value of key, "" when unset.
func (c *Config) Get(key string) string {
	v := c.values[strings.ToLower(key)]
	if len(v) == 0 {
		return ""
	}
	return v[len(v)-1]
}

// All returns every value of key, in order.
func (c *Config) All(key string) []string { return c.values[strings.ToLower(key)] }

// parseConfigParameters reads GIT_CONFIG_PARAMETERS, which git sets for
// subcommands run as `git -c key=value career`: shell-quoted 'key'='value'
// (or older 'key=value') items separated by spaces.
func parseConfigParameters(s string) [][2]string {
	var out [][2]string
	var words []string
	var cur strings.Builder
	inQuote, have := false, false
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case inQuote && ch == '\'':
			inQuote = false
		case inQuote:
			cur.WriteByte(ch)
		case ch == '\'':
			inQuote, have = true, true
		case ch == '\\' && i+1 < len(s):
			i++
			cur.WriteByte(s[i])
			have = true
		case ch == ' ':
			if have {
				words = append(words, cur.String())
				cur.Reset()
				have = false
			}
		default:
			cur.WriteByte(ch)
			have = true
		}
	}
	if have {
		words = append(words, cur.String())
	}
	for _, w := range words {
		k, v, _ := strings.Cut(w, "=")
		out = append(out, [2]string{strings.ToLower(k), v})
	}
	return out
}

// ExpandHome resolves "~/" in a path from git config, as git does.
func ExpandHome(path, home string) string {
	if rest, ok := strings.CutPrefix(path, "~/"); ok && home != "" {
		return filepath.Join(home, rest)
	}
	return path
}
