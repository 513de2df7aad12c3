package ladder

import (
	"strings"

	"github.com/git-career/git-career/analyzer/work"
)

// Level finds the level with the given id, compared case-insensitively
// (ids are lower case; "Senior" is a way of typing "senior"). It returns
// the level, its track, its index in the track (0 is the lowest) and
// whether it was found.
func (l *Ladder) Level(id string) (work.Level, *Track, int, bool) {
	for t := range l.Tracks {
		for i, lv := range l.Tracks[t].Levels {
			if strings.EqualFold(lv.ID, id) {
				return lv, &l.Tracks[t], i, true
			}
		}
	}
	return work.Level{}, nil, 0, false
}

// Next returns the level after id on the same track. There is none for the
// top of a track, nor for an unknown id: moving to another track (senior
// to engineering-manager) is a choice, not a next step, so it needs an
// explicit target.
func (l *Ladder) Next(id string) (work.Level, bool) {
	_, t, i, ok := l.Level(id)
	if !ok || i+1 >= len(t.Levels) {
		return work.Level{}, false
	}
	return t.Levels[i+1], true
}

// LevelIDs lists every level id, track by track, lowest first: the order
// error messages show as "allowed".
func (l *Ladder) LevelIDs() []string {
	var ids []string
	for _, t := range l.Tracks {
		for _, lv := range t.Levels {
			ids = append(ids, lv.ID)
		}
	}
	return ids
}
