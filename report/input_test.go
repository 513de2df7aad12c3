package report

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/git-career/git-career/analyzer/work"
)

// goldenInput is the "input.json" file of a golden archive: a report in the
// v1 schema (so fixtures read like the tool's own output) plus what v1
// does not carry: the period's zone, the rendering options and a pinned
// score per contribution ID (unlisted IDs score 0).
type goldenInput struct {
	Zone       string             `json:"zone"` // "+02:00"
	NextLevel  string             `json:"next_level"`
	Highlights int                `json:"highlights"`
	Scores     map[string]float64 `json:"scores"`
	Report     reportV1           `json:"report"`
	// Toward is not in v1 either; it uses the analyzer's own field names.
	Toward *work.Toward `json:"toward"`
}

func parseGoldenInput(data []byte) (*work.Report, Options, error) {
	var in goldenInput
	if err := json.Unmarshal(data, &in); err != nil {
		return nil, Options{}, fmt.Errorf("decode input: %w", err)
	}
	loc, err := fixedZone(in.Zone)
	if err != nil {
		return nil, Options{}, err
	}
	r, err := fromV1(in.Report, loc)
	if err != nil {
		return nil, Options{}, err
	}
	r.Toward = in.Toward
	opt := Options{
		NextLevel:  in.NextLevel,
		Highlights: in.Highlights,
		Score: func(c *work.Contribution) float64 {
			return in.Scores[c.ID]
		},
	}
	return r, opt, nil
}

// fixedZone turns "+02:00" into a time.FixedZone so tests never depend on
// the machine's zone database.
func fixedZone(s string) (*time.Location, error) {
	t, err := time.Parse("-07:00", s)
	if err != nil {
		return nil, fmt.Errorf("zone %q: %w", s, err)
	}
	_, off := t.Zone()
	return time.FixedZone(s, off), nil
}

// fromV1 is the inverse of toV1, for tests only: the tool itself never
// reads its JSON back.
func fromV1(v reportV1, loc *time.Location) (*work.Report, error) {
	since, err := time.ParseInLocation(dateLayout, v.Period.Since, loc)
	if err != nil {
		return nil, fmt.Errorf("period since: %w", err)
	}
	until, err := time.ParseInLocation(dateLayout, v.Period.Until, loc)
	if err != nil {
		return nil, fmt.Errorf("period until: %w", err)
	}
	r := &work.Report{
		Author: work.Identity{
			Emails: v.Author.Emails,
			Names:  v.Author.Names,
			Logins: v.Author.Logins,
			All:    v.Author.All,
		},
		Period: work.Period{Since: since, Until: until, Label: v.Period.Label},
	}
	for _, s := range v.Sources {
		r.Sources = append(r.Sources, work.Source{
			Kind:           s.Kind,
			Repo:           s.Repo,
			Path:           s.Path,
			CommitsScanned: s.CommitsScanned,
			Shallow:        s.Shallow,
			Warnings:       s.Warnings,
			Requests:       deref(s.Requests),
			NotModified:    deref(s.NotModified),
		})
	}
	for _, c := range v.Contributions {
		date, err := time.Parse(time.RFC3339, c.Date)
		if err != nil {
			return nil, fmt.Errorf("contribution %s: %w", c.ID, err)
		}
		var cats []work.Category
		for _, k := range c.Categories {
			cats = append(cats, work.Category(k))
		}
		r.Contributions = append(r.Contributions, work.Contribution{
			ID:         c.ID,
			Kind:       c.Kind,
			Repo:       c.Repo,
			SHA:        c.SHA,
			URL:        c.URL,
			Title:      c.Title,
			Date:       date,
			Author:     c.Author,
			Categories: cats,
			Reasons:    c.Reasons,
			Files:      c.Files,
			Additions:  c.Additions,
			Deletions:  c.Deletions,
			Coauthors:  c.Coauthors,
			Credited:   c.Credited,
			Private:    c.Private != nil && *c.Private,
			Number:     c.Number,
			State:      c.State,
			Labels:     c.Labels,
			Commits:    c.Commits,
			Summary:    c.Summary,
			Quote:      c.Quote,
			Class:      c.Class,
			On:         c.On,
		})
	}
	if v.Summary != nil {
		r.Summary = map[work.Category]int{}
		for k, n := range v.Summary {
			r.Summary[work.Category(k)] = n
		}
	}
	return r, nil
}

func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}
