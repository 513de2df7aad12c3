package main

import (
	"cmp"
	"fmt"

	"github.com/git-career/git-career/analyzer/history"
	"github.com/git-career/git-career/analyzer/ladder"
	"github.com/git-career/git-career/analyzer/work"
	"github.com/git-career/git-career/brag"
)

// ladderFor loads the ladder named by --ladder or career.ladder (the
// built-in one when neither), and checks the level and target against it
// before any history is read: a typo is a usage error at once.
func ladderFor(file, home string) (*ladder.Ladder, error) {
	l := ladder.Builtin()
	if file != "" {
		var err error
		if l, err = ladder.Read(history.ExpandHome(file, home)); err != nil {
			return nil, err // file:line: what is wrong, and what is allowed
		}
	}
	return l, nil
}

// settings are what git config says about a run beside whose work it is:
// both front doors read them the same way, so `git career` and the Action
// write the same doc for the same person, period and config.
type settings struct {
	team    string // career.team
	mailmap string // the text of mailmap.file
	levels  brag.Levels
}

// settings reads career.team, mailmap.file and the ladder settings from
// git config; level, target and ladderFile are the flags, which win (""
// for none, as in the Action).
func (a *app) settings(cfg *history.Config, level, target, ladderFile string) (settings, error) {
	s := settings{team: cfg.Get("career.team")}
	if f := cfg.Get("mailmap.file"); f != "" {
		var err error
		if s.mailmap, err = readUserFile(f, a.getenv("HOME")); err != nil {
			return s, fmt.Errorf("reading mailmap.file: %w", err)
		}
	}
	var err error
	s.levels, err = resolveLevels(level, target, ladderFile, cfg, a.getenv("HOME"))
	return s, err
}

// request is the pipeline's request for these settings and identity;
// the caller fills in the rest.
func (s settings) request(repos []*history.Repo, id work.Identity) brag.Request {
	return brag.Request{Repos: repos, Identity: id, Team: s.team, Mailmap: s.mailmap, Ladder: s.levels}
}

// resolveLevels settles the ladder of a run: flags win over git config.
func resolveLevels(level, target, file string, cfg *history.Config, home string) (brag.Levels, error) {
	c := brag.Levels{
		Level:  cmp.Or(level, cfg.Get("career.level")),
		Target: cmp.Or(target, cfg.Get("career.target")),
	}
	file = cmp.Or(file, cfg.Get("career.ladder"))
	if c.Level == "" && c.Target == "" && file == "" {
		return c, nil
	}
	// A ladder file is read and checked even with no level to measure: a
	// mistake in it is better found now than at review time.
	l, err := ladderFor(file, home)
	if err != nil {
		return c, err
	}
	if c.Level == "" && c.Target == "" {
		return c, nil
	}
	// An error names where the value came from: the flag, or git config.
	levelFrom, targetFrom := "career.level", "career.target"
	if level != "" {
		levelFrom = "--level"
	}
	if target != "" {
		targetFrom = "--target"
	}
	if c.Level, err = ladder.ValidateLevel(l, c.Level, levelFrom); err != nil {
		return c, usageError{err}
	}
	if c.Target, err = ladder.ValidateLevel(l, c.Target, targetFrom); err != nil {
		return c, usageError{err}
	}
	if err := ladder.ValidateTarget(l, c.Level, c.Target); err != nil {
		return c, usageError{err}
	}
	c.Ladder = l
	return c, nil
}
