package fakegithub

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// searchCap is GitHub's limit on the results one search query can page
// through; total_count still reports every match.
const searchCap = 1000

// query is a parsed search: every qualifier must hold.
type query struct {
	isPR, isIssue bool
	author        string
	notAuthor     string
	reviewedBy    string
	notReviewedBy string
	commenter     string
	repos         []string // any of them
	orgs          []string // any of them
	created       dayRange
	updated       dayRange
	merged        dayRange // set: merged pull requests only, merged in it
}

// dayRange is an inclusive range of UTC days; zero ends are open.
type dayRange struct{ from, to time.Time }

func (r dayRange) holds(t time.Time) bool {
	t = t.UTC()
	if !r.from.IsZero() && t.Before(r.from) {
		return false
	}
	if !r.to.IsZero() && !t.Before(r.to.AddDate(0, 0, 1)) {
		return false
	}
	return true
}

func parseQuery(q string) (query, error) {
	var out query
	for _, tok := range strings.Fields(q) {
		key, val, ok := strings.Cut(tok, ":")
		if !ok {
			return out, fmt.Errorf("free text %q is not supported by the fake", tok)
		}
		var err error
		switch strings.ToLower(key) {
		case "is":
			switch val {
			case "pr":
				out.isPR = true
			case "issue":
				out.isIssue = true
			default:
				return out, fmt.Errorf("is:%s not supported", val)
			}
		case "author":
			out.author = val
		case "-author":
			out.notAuthor = val
		case "reviewed-by":
			out.reviewedBy = val
		case "-reviewed-by":
			out.notReviewedBy = val
		case "commenter":
			out.commenter = val
		case "repo":
			out.repos = append(out.repos, val)
		case "org":
			out.orgs = append(out.orgs, val)
		case "created":
			out.created, err = parseRange(val)
		case "updated":
			out.updated, err = parseRange(val)
		case "merged":
			out.merged, err = parseRange(val)
		default:
			return out, fmt.Errorf("qualifier %q not supported", key)
		}
		if err != nil {
			return out, err
		}
	}
	return out, nil
}

// parseRange reads "A..B", ">=A", "<=B" or a single day.
func parseRange(s string) (dayRange, error) {
	day := func(v string) (time.Time, error) {
		if v == "*" {
			return time.Time{}, nil
		}
		return time.Parse("2006-01-02", v)
	}
	var r dayRange
	var err error
	switch {
	case strings.Contains(s, ".."):
		a, b, _ := strings.Cut(s, "..")
		if r.from, err = day(a); err == nil {
			r.to, err = day(b)
		}
	case strings.HasPrefix(s, ">="):
		r.from, err = day(s[2:])
	case strings.HasPrefix(s, "<="):
		r.to, err = day(s[2:])
	default:
		r.from, err = day(s)
		r.to = r.from
	}
	if err != nil {
		return r, fmt.Errorf("bad date range %q", s)
	}
	return r, nil
}

func (q query) matches(it *Item) bool {
	if q.isPR && !it.PR || q.isIssue && it.PR {
		return false
	}
	if q.author != "" && !equalFold(it.Author, q.author) {
		return false
	}
	if q.notAuthor != "" && equalFold(it.Author, q.notAuthor) {
		return false
	}
	if q.reviewedBy != "" && !it.reviewedBy(q.reviewedBy) {
		return false
	}
	if q.notReviewedBy != "" && it.reviewedBy(q.notReviewedBy) {
		return false
	}
	if q.commenter != "" && !it.commentedBy(q.commenter) {
		return false
	}
	if len(q.repos) > 0 && !anyFold(q.repos, it.Repo) {
		return false
	}
	if len(q.orgs) > 0 {
		owner, _, _ := strings.Cut(it.Repo, "/")
		if !anyFold(q.orgs, owner) {
			return false
		}
	}
	if q.merged != (dayRange{}) && (it.MergedAt.IsZero() || !q.merged.holds(it.MergedAt)) {
		return false
	}
	return q.created.holds(it.CreatedAt) && q.updated.holds(it.updated())
}

func (it *Item) reviewedBy(login string) bool {
	if !it.PR {
		return false
	}
	for _, r := range it.Reviews {
		if equalFold(r.User, login) {
			return true
		}
	}
	return false
}

func (it *Item) commentedBy(login string) bool {
	for _, c := range it.Comments {
		if equalFold(c.User, login) {
			return true
		}
	}
	return false
}

// search returns every match in a stable order (newest first, as GitHub's
// sort=created would), and how many there are.
func (s *Scenario) search(q query) []*Item {
	var out []*Item
	for _, it := range s.Items {
		if q.matches(it) {
			out = append(out, it)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].CreatedAt.After(out[j].CreatedAt) })
	return out
}

func equalFold(a, b string) bool { return strings.EqualFold(a, b) }

func anyFold(list []string, s string) bool {
	for _, x := range list {
		if equalFold(x, s) {
			return true
		}
	}
	return false
}
