package fakegithub

import (
	"fmt"
	"time"
)

// Gen sizes a generated scenario: the work of Login, spread evenly over the
// days from Since to Until, across Repos repositories (every other one
// private), with some noise by other people.
type Gen struct {
	Login        string
	Since, Until time.Time
	Repos        int // default 4
	Org          string

	AuthoredPRs    int
	ReviewedPRs    int // others' pull requests Login reviewed
	ReviewComments int // Login's inline comments, spread over the reviewed PRs
	Issues         int // opened by Login
	// CommentedIssues are others' issues where Login only commented.
	CommentedIssues int
	// ReviewConversation adds a conversation comment by Login on every
	// reviewed pull request, which the commenter search then also finds.
	ReviewConversation bool
	Noise              int // items by others that Login never touched
}

// Generate builds the scenario g describes; the same g gives the same
// scenario.
func Generate(g Gen) *Scenario {
	if g.Repos <= 0 {
		g.Repos = 4
	}
	if g.Org == "" {
		g.Org = "acme"
	}
	s := &Scenario{Login: g.Login}
	for i := range g.Repos {
		s.Repos = append(s.Repos, Repo{FullName: fmt.Sprintf("%s/repo%d", g.Org, i), Private: i%2 == 1})
	}
	next := map[string]int{}
	var id int64 = 1000
	newID := func() int64 { id++; return id }
	total := g.AuthoredPRs + g.ReviewedPRs + g.Issues + g.CommentedIssues + g.Noise
	span := g.Until.Sub(g.Since)
	k := 0
	// add places the k-th item of all at an even step through the period.
	add := func(it *Item) *Item {
		it.Repo = s.Repos[k%len(s.Repos)].FullName
		next[it.Repo]++
		it.Number = next[it.Repo]
		// In float: span times k overflows int64 nanoseconds past a few thousand.
		it.CreatedAt = g.Since.Add(time.Duration(float64(span) * float64(k) / float64(max(total, 1)))).Add(time.Hour)
		if it.Title == "" {
			it.Title = fmt.Sprintf("Change %d", k)
		}
		k++
		s.Items = append(s.Items, it)
		return it
	}
	others := []string{"bob", "cy", "dee"}
	for i := range g.AuthoredPRs {
		it := add(&Item{PR: true, Author: g.Login, State: "open", Body: "Why: step " + fmt.Sprint(i),
			Labels: []string{"enhancement"}, Draft: i%10 == 9})
		if i%3 != 2 {
			it.State, it.MergedAt, it.ClosedAt = "closed", it.CreatedAt.Add(20*time.Hour), it.CreatedAt.Add(20*time.Hour)
		}
	}
	var reviewed []*Item
	for i := range g.ReviewedPRs {
		it := add(&Item{PR: true, Author: others[i%len(others)], State: "closed"})
		it.MergedAt, it.ClosedAt = it.CreatedAt.Add(20*time.Hour), it.CreatedAt.Add(20*time.Hour)
		it.Reviews = []Review{
			{ID: newID(), User: others[(i+1)%len(others)], State: "COMMENTED", SubmittedAt: it.CreatedAt.Add(time.Hour)},
			{ID: newID(), User: g.Login, State: []string{"APPROVED", "CHANGES_REQUESTED", "COMMENTED"}[i%3],
				Body: "Looks right", SubmittedAt: it.CreatedAt.Add(2 * time.Hour)},
		}
		if g.ReviewConversation {
			it.Comments = append(it.Comments, Comment{ID: newID(), User: g.Login, Body: "Thanks", CreatedAt: it.CreatedAt.Add(3 * time.Hour)})
		}
		reviewed = append(reviewed, it)
	}
	for i := range g.ReviewComments {
		if len(reviewed) == 0 {
			break
		}
		it := reviewed[i%len(reviewed)]
		c := ReviewComment{ID: newID(), User: g.Login, Path: fmt.Sprintf("pkg/f%d.go", i%7),
			Body: "Consider a test here", CreatedAt: it.CreatedAt.Add(2 * time.Hour)}
		it.ReviewComments = append(it.ReviewComments, c)
		// An answer by the author, which the reader must not count.
		it.ReviewComments = append(it.ReviewComments, ReviewComment{ID: newID(), User: it.Author,
			Path: c.Path, Body: "Done", InReplyTo: c.ID, CreatedAt: c.CreatedAt.Add(time.Hour)})
	}
	for i := range g.Issues {
		it := add(&Item{Author: g.Login, State: "open", Body: "Steps to reproduce", Labels: []string{"bug"}})
		if i%2 == 0 {
			it.State, it.StateReason, it.ClosedAt = "closed", "completed", it.CreatedAt.Add(48*time.Hour)
		}
	}
	for i := range g.CommentedIssues {
		it := add(&Item{Author: others[i%len(others)], State: "open"})
		it.Comments = []Comment{
			{ID: newID(), User: it.Author, Body: "Seen this?", CreatedAt: it.CreatedAt.Add(time.Hour)},
			{ID: newID(), User: g.Login, Body: "Yes: the cache key", CreatedAt: it.CreatedAt.Add(2 * time.Hour)},
		}
	}
	for i := range g.Noise {
		add(&Item{PR: i%2 == 0, Author: others[i%len(others)], State: "open"})
	}
	return s
}
