package work

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

const dateLayout = "2006-01-02"

// ParseDate reads a calendar day, YYYY-MM-DD, as midnight in loc.
func ParseDate(s string, loc *time.Location) (time.Time, error) {
	t, err := time.ParseInLocation(dateLayout, strings.TrimSpace(s), loc)
	if err != nil {
		// A well-formed day that the calendar lacks (February 30th) is a
		// different mistake from a malformed one: say which.
		if m := dayRe.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			if mo >= 1 && mo <= 12 {
				last := time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
				return time.Time{}, fmt.Errorf("there is no such day as %q: %s %d has %d days", s, time.Month(mo), y, last)
			}
			return time.Time{}, fmt.Errorf("there is no such day as %q: the month must be 01 to 12", s)
		}
		return time.Time{}, fmt.Errorf("bad date %q: want YYYY-MM-DD", s)
	}
	return t, nil
}

// dayRe is the shape of a day, YYYY-MM-DD, whether or not the calendar has it.
var dayRe = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)

var quarterRe = regexp.MustCompile(`^(\d{4})[Qq]([1-4])$`)

// Quarter returns the period of a quarter: "2026Q3", "current" (to date:
// it ends today) or "last". now fixes "today" and the time zone.
func Quarter(q string, now time.Time) (Period, error) {
	loc := now.Location()
	year, quarter := now.Year(), (int(now.Month())-1)/3+1
	toDate := false
	switch strings.ToLower(strings.TrimSpace(q)) {
	case "current", "":
		toDate = true
	case "last", "previous":
		quarter--
		if quarter == 0 {
			year, quarter = year-1, 4
		}
	default:
		m := quarterRe.FindStringSubmatch(strings.TrimSpace(q))
		if m == nil {
			return Period{}, fmt.Errorf("bad quarter %q: want YYYYQn (such as 2026Q3), current or last", q)
		}
		year, _ = strconv.Atoi(m[1])
		quarter, _ = strconv.Atoi(m[2])
	}
	since := time.Date(year, time.Month(3*(quarter-1)+1), 1, 0, 0, 0, 0, loc)
	until := since.AddDate(0, 3, -1)
	if today := Day(now); toDate || (!today.Before(since) && today.Before(until)) {
		until = today
	}
	return Period{Since: since, Until: until, Label: fmt.Sprintf("%dQ%d", year, quarter)}, nil
}

// Range returns the period from since to until, both days included.
func Range(since, until time.Time) (Period, error) {
	if until.Before(since) {
		return Period{}, fmt.Errorf("--until %s is before --since %s", until.Format(dateLayout), since.Format(dateLayout))
	}
	return Period{Since: since, Until: until, Label: since.Format(dateLayout) + ".." + until.Format(dateLayout)}, nil
}

// Day returns midnight starting t's day, in t's time zone.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// Split cuts a report into one report per period, each holding the
// contributions dated in it and its own summary: a year read once becomes
// its quarters. Sources are shared (they say what was read), Toward is
// left for the caller to measure per period.
func (r *Report) Split(periods []Period) []*Report {
	out := make([]*Report, len(periods))
	for i, p := range periods {
		q := &Report{Author: r.Author, Name: r.Name, Period: p, Sources: r.Sources, Summary: map[Category]int{}}
		for _, c := range r.Contributions {
			if p.Contains(c.Date) {
				q.Contributions = append(q.Contributions, c)
				if c.Unmerged {
					continue // not shipped: not in the summary
				}
				for _, k := range c.Categories {
					q.Summary[k]++
				}
			}
		}
		for _, t := range r.Tagged {
			if p.Contains(t.When) {
				q.Tagged = append(q.Tagged, t)
			}
		}
		for _, l := range r.Later {
			// In progress at the end of the last period it was worked in.
			if p.Contains(l.Last) {
				q.Later = append(q.Later, l)
			}
		}
		out[i] = q
	}
	return out
}
