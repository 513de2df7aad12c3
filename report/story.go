package report

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/git-career/git-career/analyzer/work"
)

// kindSeries is the kind of a story the renderer makes: several commits
// told as one item. It never reaches JSON, which lists every contribution.
const kindSeries = "series"

// A series is commits that tell one piece of work, in one repository, by
// the evidence that ties them: they landed on the mainline together (a
// rebase merge), they name the same issue or ticket ("#123", "ABC-123"),
// or they change the same files within a few weeks and are of the same
// kind. Words never tie commits: three subjects that open with
// "do not" are three pieces of work. Its lead is a contribution made up
// for the doc: the newest member's id prefixed "series:", the members'
// categories, reasons, areas and co-authors merged, and their lines
// summed.
//
// Routine work (releases cut, dependencies updated) is one line per
// repository and kind, whatever ties it: "21 releases".
type series struct {
	lead    *work.Contribution
	members []*work.Contribution // newest first
	routine bool                 // releases or dependency updates
}

// How close commits must be to tell one story by their files: within
// storyGap of each other, sharing at least half of the smaller one's
// files (once the files that say nothing are left out), and at least
// minFileStory of them; commits tied by an issue or ticket need only be
// two. A file most of the person's commits change (a central module, a
// changelog) says nothing of which work a commit belongs to.
const (
	storyGap      = 14 * 24 * time.Hour
	minFileStory  = 3
	minRefStory   = 2
	minRoutine    = 2
	hotFileShare  = 0.25
	hotFileMinUse = 4
)

// storyKind is what a commit counts as when stories are told: its primary
// kind, the first of its categories.
func storyKind(c *work.Contribution) work.Category {
	if len(c.Categories) == 0 {
		return ""
	}
	return c.Categories[0]
}

// storyable reports whether c may join a story: the person's own commit,
// shipped, in no pull request (which already groups its commits).
func storyable(c *work.Contribution) bool {
	return c.Kind == work.KindCommit && !c.Credited && c.Number == 0 && !c.Unmerged
}

// groupSeries replaces each series among items (newest first) by its lead,
// at the place of its newest member.
//
// Items in known (ids already in the document being merged into) never
// join a new series: the document already tells them, and a series made
// of them again would tell them twice. A series the document already
// holds (its lead's id is known) is told again as it was, so that a rerun
// renders the same document.
func groupSeries(items []*work.Contribution, known map[string]bool) ([]*work.Contribution, map[*work.Contribution]*series) {
	var groups []*series
	for _, g := range tellStories(items) {
		s := &series{members: g.members, routine: g.routine}
		if known["series:"+g.members[0].ID] {
			groups = append(groups, s)
			continue
		}
		var fresh []*work.Contribution
		for _, m := range g.members {
			if !known[m.ID] {
				fresh = append(fresh, m)
			}
		}
		if len(fresh) < g.min {
			continue
		}
		s.members = fresh
		groups = append(groups, s)
	}
	if len(groups) == 0 {
		return items, nil
	}
	first := map[*work.Contribution]*series{}
	member := map[*work.Contribution]bool{}
	for _, s := range groups {
		s.lead = seriesLead(s)
		first[s.members[0]] = s
		for _, m := range s.members {
			member[m] = true
		}
	}
	out := make([]*work.Contribution, 0, len(items))
	leads := map[*work.Contribution]*series{}
	for _, c := range items {
		switch s := first[c]; {
		case s != nil:
			out = append(out, s.lead)
			leads[s.lead] = s
		case !member[c]:
			out = append(out, c)
		}
	}
	return out, leads
}

// story is a group of commits before it becomes a series; min is the
// fewest members it needs.
type story struct {
	members []*work.Contribution // newest first
	routine bool
	min     int
}

// tellStories finds the stories among items (newest first), each in the
// order of items.
func tellStories(items []*work.Contribution) []story {
	var cand []*work.Contribution
	for _, c := range items {
		if storyable(c) {
			cand = append(cand, c)
		}
	}
	// Routine work first: one line per repository and kind.
	routine := map[string][]*work.Contribution{}
	var routineKeys []string
	var rest []*work.Contribution
	for _, c := range cand {
		if k := storyKind(c); k == work.Release || k == work.Dependencies {
			key := c.Repo + "\x00" + string(k)
			if routine[key] == nil {
				routineKeys = append(routineKeys, key)
			}
			routine[key] = append(routine[key], c)
			continue
		}
		rest = append(rest, c)
	}
	var out []story
	for _, k := range routineKeys {
		if ms := routine[k]; len(ms) >= minRoutine {
			out = append(out, story{members: ms, routine: true, min: minRoutine})
		}
	}

	// The others, tied by refs or files: a union of commits.
	parent := make([]int, len(rest))
	byRef := make([]bool, len(rest)) // the group holds a tie by ref
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(i, j int, ref bool) {
		a, b := find(i), find(j)
		if a != b {
			parent[b] = a
			byRef[a] = byRef[a] || byRef[b]
		}
		if ref {
			byRef[a] = true
		}
	}
	firstByRef := map[string]int{}
	for i, c := range rest {
		refs := c.Refs
		if c.Landed != "" {
			// Landed on the mainline together: one pull request.
			refs = append(refs[:len(refs):len(refs)], "landed "+c.Landed)
		}
		for _, r := range refs {
			key := c.Repo + "\x00" + r
			if j, ok := firstByRef[key]; ok {
				union(j, i, true)
			} else {
				firstByRef[key] = i
			}
		}
	}
	hot := hotFiles(rest)
	files := make([][]string, len(rest))
	for i, c := range rest {
		for _, p := range c.Paths {
			if !hot[c.Repo+"\x00"+p] && telling(p) {
				files[i] = append(files[i], p)
			}
		}
	}
	// Files tie a commit to a story whose first commit changed mostly the
	// same files: compared with that first commit, not with the last
	// one, so that a story cannot drift from file to file.
	type fileStory struct {
		anchor int
		last   time.Time
	}
	var open []*fileStory
	for i := len(rest) - 1; i >= 0; i-- { // oldest first
		c := rest[i]
		if len(files[i]) == 0 || storyKind(c) == "" {
			continue
		}
		joined := false
		for k := len(open) - 1; k >= 0; k-- {
			s := open[k]
			a := rest[s.anchor]
			if c.Date.Sub(s.last) > storyGap || a.Repo != c.Repo || storyKind(a) != storyKind(c) || !sameFiles(files[s.anchor], files[i]) {
				continue
			}
			union(s.anchor, i, false)
			s.last, joined = c.Date, true
			break
		}
		if !joined {
			open = append(open, &fileStory{anchor: i, last: c.Date})
		}
	}
	groups := map[int][]*work.Contribution{}
	var roots []int
	for i, c := range rest {
		r := find(i)
		if groups[r] == nil {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], c)
	}
	for _, r := range roots {
		min := minFileStory
		if byRef[r] {
			min = minRefStory
		}
		if ms := groups[r]; len(ms) >= min {
			out = append(out, story{members: ms, min: min})
		}
	}
	return out
}

// hotFiles are the files (by repository) that most of the person's
// commits change: they tie everything, so they tie nothing.
func hotFiles(cs []*work.Contribution) map[string]bool {
	uses, commits := map[string]int{}, map[string]int{}
	for _, c := range cs {
		commits[c.Repo]++
		for _, p := range c.Paths {
			uses[c.Repo+"\x00"+p]++
		}
	}
	out := map[string]bool{}
	for k, n := range uses {
		repo, _, _ := strings.Cut(k, "\x00")
		if n >= hotFileMinUse && float64(n) >= hotFileShare*float64(commits[repo]) {
			out[k] = true
		}
	}
	return out
}

// quietFiles are files that change with every kind of work and say
// nothing of which a commit belongs to.
var quietFiles = regexp.MustCompile(`(?i)^(changelog|changes|history|news|releases?|readme|authors|contributors|version)(\.[a-z]+)?$|^(go\.(mod|sum)|package(-lock)?\.json|yarn\.lock|pnpm-lock\.yaml|cargo\.(toml|lock)|gemfile(\.lock)?|poetry\.lock|requirements.*\.txt|pom\.xml|build\.gradle(\.kts)?)$`)

// telling reports whether a file says which work a commit belongs to.
func telling(p string) bool {
	return !quietFiles.MatchString(path.Base(p))
}

// sameFiles reports whether two commits' telling files are mostly the
// same: they share at least half of all the files either changes.
func sameFiles(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	shared := 0
	for _, p := range a {
		if slices.Contains(b, p) {
			shared++
		}
	}
	return 2*shared >= len(a)+len(b)-shared
}

// seriesLead makes the one item a series is listed as.
func seriesLead(s *series) *work.Contribution {
	ms := s.members
	newest := ms[0]
	lead := &work.Contribution{
		ID: "series:" + newest.ID, Kind: kindSeries, Repo: newest.Repo,
		Date: newest.Date, Author: newest.Author,
	}
	// The primary kind is the one of most of the members' changed lines
	// (the newest on a tie), as for a pull request: tests and docs that
	// come with other work are part of it, not its kind. Flags follow.
	// (Work on the product does not outrank the rest by kind alone: one
	// commit of bat's eight-commit build-script refactor, read as a fix,
	// would have named it.)
	lines := map[work.Category]int{}
	point := false
	for _, m := range ms {
		if k := storyKind(m); k != "" {
			lines[k] += max(m.Additions+m.Deletions, 1)
			point = point || k != work.Testing && k != work.Docs && k != work.Other
		}
	}
	var primary work.Category
	for _, m := range ms {
		k := storyKind(m)
		if k == "" || point && (k == work.Testing || k == work.Docs) {
			continue
		}
		if primary == "" || lines[k] > lines[primary] {
			primary = k
		}
	}
	if primary != "" {
		lead.Categories = append(lead.Categories, primary)
	}
	lead.Title = seriesTitle(s, primary)
	// The reasons of the members of the primary kind: they say why the
	// story is that kind ("only test files changed", said of the test
	// commit that came with a fix, would read as said of the story).
	var reasons []string
	for pass := 0; pass < 2 && len(reasons) == 0; pass++ {
		for _, m := range ms {
			if pass == 1 || storyKind(m) == primary {
				reasons = append(reasons, m.Reasons...)
			}
		}
	}
	seenReason := map[string]bool{}
	for _, r := range reasons {
		if !seenReason[r] {
			seenReason[r] = true
			lead.Reasons = append(lead.Reasons, r)
		}
	}
	for _, m := range ms {
		for i, k := range m.Categories {
			if i > 0 && work.IsFlag(k) && !lead.Has(k) {
				lead.Categories = append(lead.Categories, k)
			}
		}
		for _, a := range m.Areas {
			if !slices.Contains(lead.Areas, a) {
				lead.Areas = append(lead.Areas, a)
			}
		}
		for _, co := range m.Coauthors {
			if !slices.Contains(lead.Coauthors, co) {
				lead.Coauthors = append(lead.Coauthors, co)
			}
		}
		for _, r := range m.Refs {
			if !slices.Contains(lead.Refs, r) {
				lead.Refs = append(lead.Refs, r)
			}
		}
		lead.Files += m.Files
		lead.Additions += m.Additions
		lead.Deletions += m.Deletions
		lead.Written += m.Written
		lead.Commits = append(lead.Commits, m.SHA)
		// The members' own numbers, each quote once.
		for _, im := range m.Impact {
			if im.Measure == work.MeasureQuoted && !hasQuote(lead.Impact, im.Quote) {
				lead.Impact = append(lead.Impact, im)
			}
		}
	}
	if len(lead.Categories) > 1 {
		slices.SortStableFunc(lead.Categories[1:], func(a, b work.Category) int { return categoryIndex(a) - categoryIndex(b) })
	}
	slices.Sort(lead.Areas)
	// The reasons of 140 commits would drown the line: the first few say
	// why the series got its categories.
	if len(lead.Reasons) > 3 {
		lead.Reasons = lead.Reasons[:3]
	}
	return lead
}

// seriesTitle names a series: routine work by what it is and how many
// ("21 releases", "12 dependency updates"); any other by the subject of
// its largest commit of its primary kind, the heart of the work (a
// fix's, not its long test's).
func seriesTitle(s *series, primary work.Category) string {
	ms := s.members
	if s.routine {
		if storyKind(ms[0]) == work.Release {
			if allChangelog(ms) {
				// Entries written for others' changes are not releases
				// the person cut.
				return fmt.Sprintf("%d changelog updates", len(ms))
			}
			return releasesTitle(ms)
		}
		return fmt.Sprintf("%d dependency updates", len(ms))
	}
	var best *work.Contribution
	for _, m := range ms {
		if primary != "" && storyKind(m) != primary {
			continue
		}
		if best == nil || m.Additions+m.Deletions > best.Additions+best.Deletions {
			best = m
		}
	}
	if best == nil {
		best = ms[0]
		for _, m := range ms[1:] {
			if m.Additions+m.Deletions > best.Additions+best.Deletions {
				best = m
			}
		}
	}
	return best.Title
}

// versionRe finds a version a release commit names ("3.0.3", "v2.4").
var versionRe = regexp.MustCompile(`\bv?(\d+\.\d+(?:\.\d+)*(?:-[0-9A-Za-z.]+)?)\b`)

// releasesTitle counts releases only where each commit names a version
// of its own ("4 releases"); commits that start a version, cut it and
// note it are release commits, with the versions they name: "3 release
// commits (3.0.3, 3.1.0)".
func releasesTitle(ms []*work.Contribution) string {
	var versions, started []string
	seen := map[string]bool{}
	for _, m := range ms {
		v := versionRe.FindStringSubmatch(m.Title)
		if v == nil || seen[v[1]] {
			continue
		}
		seen[v[1]] = true
		if opensVersion.MatchString(m.Title) {
			// "start version 3.1.0": the next version opened, not released.
			started = append(started, v[1])
		} else {
			versions = append(versions, v[1])
		}
	}
	if len(versions) == len(ms) {
		return fmt.Sprintf("%d releases", len(ms))
	}
	if len(versions)+len(started) == 0 {
		return fmt.Sprintf("%d release commits", len(ms))
	}
	list := func(vs []string) string {
		sort.Strings(vs)
		if len(vs) > 4 {
			vs = append(vs[:4], "…")
		}
		return strings.Join(vs, ", ")
	}
	var parts []string
	for _, v := range versions {
		if slices.Contains(started, v) {
			started = slices.DeleteFunc(started, func(s string) bool { return s == v })
		}
	}
	if len(versions) > 0 {
		parts = append(parts, list(versions))
	}
	if len(started) > 0 {
		parts = append(parts, "started "+list(started))
	}
	return fmt.Sprintf("%d release commits (%s)", len(ms), strings.Join(parts, "; "))
}

// opensVersion: a commit that opens the next version rather than cutting
// one ("start version 3.1.0", "Bump to 2.0.0-dev", "prepare next
// development version").
var opensVersion = regexp.MustCompile(`(?i)\b(start(s|ed|ing)?|begin|open(s|ed)?|next|dev(elopment)?|snapshot)\b`)

// changelogFile names release notes and changelogs.
var changelogFile = regexp.MustCompile(`(?i)^(changelog|changes|history|news|release[-_ ]?notes)(\.[a-z]+)?$`)

// allChangelog reports whether every member changed only changelogs.
func allChangelog(ms []*work.Contribution) bool {
	for _, m := range ms {
		if len(m.Paths) == 0 {
			return false
		}
		for _, p := range m.Paths {
			if !changelogFile.MatchString(path.Base(p)) {
				return false
			}
		}
	}
	return true
}

// firstDate is the oldest member's date.
func (s *series) firstDate() *work.Contribution { return s.members[len(s.members)-1] }

// hasQuote reports whether ms quotes q already.
func hasQuote(ms []work.Impact, q string) bool {
	for _, m := range ms {
		if m.Measure == work.MeasureQuoted && m.Quote == q {
			return true
		}
	}
	return false
}
