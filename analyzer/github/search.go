package github

import (
	"context"
	"fmt"
	"strings"
	"time"

	gh "github.com/google/go-github/v60/github"

	"github.com/git-career/git-career/analyzer/work"
)

const (
	// searchWall is the most results GitHub lets one search query page
	// through, whatever total_count says.
	searchWall = 1000
	perPage    = 100 // the API's largest page
)

// dayRange is a range of calendar days, both ends included, as UTC
// midnights so that day arithmetic ignores daylight saving.
type dayRange struct{ from, to time.Time }

func (r dayRange) String() string {
	return r.from.Format(time.DateOnly) + ".." + r.to.Format(time.DateOnly)
}

func (r dayRange) days() int { return int(r.to.Sub(r.from).Hours()/24) + 1 }

// civilDay is t's calendar day in its own zone, as a UTC midnight.
func civilDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// searchRange widens the period by a day on each side, plus slack after
// it: search reads dates in UTC, and a local day may start or end on the
// UTC day before or after. Results are then filtered by the exact period.
func searchRange(p work.Period, slackDays int) dayRange {
	return dayRange{civilDay(p.Since).AddDate(0, 0, -1), civilDay(p.Until).AddDate(0, 0, 1+slackDays)}
}

// search returns every issue or pull request matching query whose field
// ("created" or "updated") falls in r. Past the 1,000-result wall it
// splits r in halves and searches each.
func (g *ghReader) search(ctx context.Context, query, field string, r dayRange) ([]*gh.Issue, error) {
	q := query + " " + field + ":" + r.String()
	opt := &gh.SearchOptions{ListOptions: gh.ListOptions{PerPage: perPage}}
	var out []*gh.Issue
	for {
		res, resp, err := g.client.Search.Issues(ctx, q, opt)
		if err != nil {
			return nil, g.fail(fmt.Sprintf("search %q", q), err)
		}
		if opt.Page <= 1 && res.GetTotal() > searchWall && r.days() > 1 {
			// This page is thrown away: cheaper than guessing sizes.
			mid := r.from.AddDate(0, 0, r.days()/2-1)
			first, err := g.search(ctx, query, field, dayRange{r.from, mid})
			if err != nil {
				return nil, err
			}
			second, err := g.search(ctx, query, field, dayRange{mid.AddDate(0, 0, 1), r.to})
			if err != nil {
				return nil, err
			}
			return append(first, second...), nil
		}
		if opt.Page <= 1 && res.GetTotal() > searchWall {
			g.warn(fmt.Sprintf("github: search %q matches %d results on one day; only the first %d read", q, res.GetTotal(), searchWall))
		}
		if res.GetIncompleteResults() {
			g.warn(fmt.Sprintf("github: search %q timed out on GitHub's side; results may be incomplete", q))
		}
		out = append(out, res.Issues...)
		if resp.NextPage == 0 || len(out) >= searchWall {
			return out, nil
		}
		opt.Page = resp.NextPage
	}
}

// searchAll runs query under every scope and merges the results, without
// duplicates (a repository may also be in a listed organisation).
func (g *ghReader) searchAll(ctx context.Context, query, field string, r dayRange) ([]*gh.Issue, error) {
	seen := map[int64]bool{}
	var out []*gh.Issue
	for _, scope := range g.scopes {
		items, err := g.search(ctx, strings.TrimSpace(query+" "+scope), field, r)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if !seen[it.GetID()] {
				seen[it.GetID()] = true
				out = append(out, it)
			}
		}
	}
	return out, nil
}

// scopeQualifiers is one qualifier per repository and organisation: how
// several repo: qualifiers combine in one query is not verified, so each
// gets its own search. With neither, one unscoped search.
func scopeQualifiers(repos, orgs []string) []string {
	var out []string
	for _, r := range repos {
		out = append(out, "repo:"+r)
	}
	for _, o := range orgs {
		out = append(out, "org:"+o)
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

// repoOf reads "owner/name" from a search result's repository_url, which
// ends in /repos/owner/name on github.com and on GitHub Enterprise alike.
func repoOf(it *gh.Issue) string {
	u := it.GetRepositoryURL()
	i := strings.LastIndex(u, "/repos/")
	if i < 0 {
		return ""
	}
	return u[i+len("/repos/"):]
}
