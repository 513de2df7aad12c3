package analyzer

// Context is what the rules know beyond the commit itself.
type Context struct {
	// Owners returns the CODEOWNERS owners of a path ("@org/team",
	// "@login", "email"); nil when the repository has no CODEOWNERS file.
	Owners func(path string) []string
	// Us are the owner handles that mean the user: their team
	// (career.team) and their own @login and emails, lower-cased.
	Us []string
	// AreaShare maps a top-level area (first path element, "" for files at
	// the root) to the share of the user's commits in the scan that touch
	// it; AreaCommits is how many commits that share is of.
	AreaShare   map[string]float64
	AreaCommits int
	// Credited is true when someone else authored the commit and credited
	// the user as a co-author.
	Credited bool
}

// Classify returns the categories of c, in the order of Categories, and one
// reason per category given.
// TODO(rules): replaced by the rule table.
func Classify(c *Commit, ctx *Context) ([]Category, []string) {
	return nil, nil
}
