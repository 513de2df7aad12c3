package main

import (
	"github.com/git-career/git-career/analyzer"
)

// measureToward sets rep.Toward from --level, --target and --ladder (or
// career.level, career.target and career.ladder): nothing when neither
// level is known. It returns the title of the level measured toward, for
// the doc's 1:1 questions, or "".
func measureToward(o *options, cfg *gitConfig, home string, rep *analyzer.Report) (string, error) {
	level := firstNonEmpty(o.level, cfg.get("career.level"))
	target := firstNonEmpty(o.target, cfg.get("career.target"))
	file := firstNonEmpty(o.ladder, cfg.get("career.ladder"))
	if level == "" && target == "" {
		return "", nil
	}
	ladder := analyzer.BuiltinLadder()
	if file != "" {
		var err error
		if ladder, err = analyzer.ReadLadder(expandHome(file, home)); err != nil {
			return "", err // file:line: what is wrong, and what is allowed
		}
	}
	if err := analyzer.ValidateLevel(ladder, level, "--level"); err != nil {
		return "", usageError{err}
	}
	if err := analyzer.ValidateLevel(ladder, target, "--target"); err != nil {
		return "", usageError{err}
	}
	t, err := analyzer.MeasureToward(ladder, level, target, rep.Contributions)
	if err != nil {
		return "", usageError{err}
	}
	rep.Toward = t
	return t.Target.Title, nil
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
