package work

// Category is the stable id of a kind of work. The ids appear in JSON output
// and in users' scripts; never rename one.
type Category string

const (
	Feature      Category = "feature"
	Fix          Category = "fix"
	FlakyTests   Category = "flaky-tests"
	Automation   Category = "automation"
	Cleanup      Category = "cleanup"
	Docs         Category = "docs"
	Design       Category = "design"
	Testing      Category = "testing"
	Refactor     Category = "refactor"
	Performance  Category = "performance"
	Security     Category = "security"
	Dependencies Category = "dependencies"
	// Release is cutting a release or bumping the project's version:
	// listed, but never a highlight nor a problem owned.
	Release Category = "release"
	// Other is a commit that is no kind of work the others name, or that
	// cannot be judged ("wip", a revert that does not say what it undoes).
	Other     Category = "other"
	Mentoring Category = "mentoring"
	CrossTeam Category = "cross-team"
	Reviews   Category = "review" // reviews given and review comments written
	Issues    Category = "issue"  // issues reported and triaged
)

// Categories lists every category in the order documents show them.
var Categories = []Category{
	Feature, Fix, FlakyTests, Automation, Cleanup, Docs, Design,
	Testing, Refactor, Performance, Security, Dependencies, Release, Other, Mentoring, CrossTeam,
	Reviews, Issues,
}

// Rank orders categories as in Categories.
func (c Category) Rank() int {
	for i, k := range Categories {
		if k == c {
			return i
		}
	}
	return len(Categories)
}
