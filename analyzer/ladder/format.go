package ladder

import (
	"bytes"
	"fmt"

	"gopkg.in/yaml.v3"

	"github.com/git-career/git-career/analyzer/work"
)

// The mirror types fix the key order and spelling of a written ladder file;
// they must match the keys Parse accepts.
type (
	ladderFile struct {
		Name   string      `yaml:"name"`
		Tracks []trackFile `yaml:"tracks"`
	}
	trackFile struct {
		ID     string      `yaml:"id"`
		Name   string      `yaml:"name"`
		Levels []levelFile `yaml:"levels"`
	}
	levelFile struct {
		ID      string            `yaml:"id"`
		Title   string            `yaml:"title"`
		Summary string            `yaml:"summary,omitempty"`
		Expects []expectationFile `yaml:"expects"`
	}
	expectationFile struct {
		Text     string          `yaml:"text"`
		Evidence []work.Category `yaml:"evidence,flow"`
		Ideas    []string        `yaml:"ideas,omitempty"`
	}
)

// marshal writes l in the format Parse reads, so that a team
// can start its own ladder from the built-in one.
func marshal(l *Ladder) ([]byte, error) {
	f := ladderFile{Name: l.Name}
	for _, t := range l.Tracks {
		tf := trackFile{ID: t.ID, Name: t.Name}
		for _, lv := range t.Levels {
			lf := levelFile{ID: lv.ID, Title: lv.Title, Summary: lv.Summary}
			for _, e := range lv.Expectations {
				lf.Expects = append(lf.Expects, expectationFile{Text: e.Text, Evidence: e.Categories, Ideas: e.Ideas})
			}
			tf.Levels = append(tf.Levels, lf)
		}
		f.Tracks = append(f.Tracks, tf)
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("writing ladder %q: %w", l.Name, err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("writing ladder %q: %w", l.Name, err)
	}
	return buf.Bytes(), nil
}
