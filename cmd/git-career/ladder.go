package main

import (
	"cmp"

	"github.com/git-career/git-career/analyzer/ladder"
	"github.com/git-career/git-career/analyzer/work"
)

// ladderFor loads the ladder named by --ladder or career.ladder (the
// built-in one when neither), and checks the level and target against it
// before any history is read: a typo is a usage error at once.
func ladderFor(file, home string) (*ladder.Ladder, error) {
	l := ladder.Builtin()
	if file != "" {
		var err error
		if l, err = ladder.Read(expandHome(file, home)); err != nil {
			return nil, err // file:line: what is wrong, and what is allowed
		}
	}
	return l, nil
}

// careerLevels are the ladder settings of a run: flags win over git config.
type careerLevels struct {
	ladder        *ladder.Ladder // nil when no level is known
	level, target string
}

func resolveLevels(o *options, cfg *gitConfig, home string) (careerLevels, error) {
	c := careerLevels{
		level:  cmp.Or(o.level, cfg.get("career.level")),
		target: cmp.Or(o.target, cfg.get("career.target")),
	}
	file := cmp.Or(o.ladder, cfg.get("career.ladder"))
	if c.level == "" && c.target == "" && file == "" {
		return c, nil
	}
	// A ladder file is read and checked even with no level to measure: a
	// mistake in it is better found now than at review time.
	l, err := ladderFor(file, home)
	if err != nil {
		return c, err
	}
	if c.level == "" && c.target == "" {
		return c, nil
	}
	if c.level, err = ladder.ValidateLevel(l, c.level, "--level"); err != nil {
		return c, usageError{err}
	}
	if c.target, err = ladder.ValidateLevel(l, c.target, "--target"); err != nil {
		return c, usageError{err}
	}
	if err := ladder.ValidateTarget(l, c.level, c.target); err != nil {
		return c, usageError{err}
	}
	c.ladder = l
	return c, nil
}

// measure sets rep.Toward, and returns the title of the level measured
// toward, for the doc's 1:1 questions, or "".
func (c careerLevels) measure(rep *work.Report) (string, error) {
	if c.ladder == nil {
		return "", nil
	}
	t, err := ladder.Measure(c.ladder, c.level, c.target, rep.Contributions)
	if err != nil {
		return "", usageError{err}
	}
	rep.Toward = t
	return t.Target.Title, nil
}
