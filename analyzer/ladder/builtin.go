package ladder

import "github.com/git-career/git-career/analyzer/work"

// Builtin returns the ladder used when a team has none of its own:
// an individual contributor track and a management track. Each call
// returns a fresh copy, so callers may change it freely.
//
// The levels climb from execution (doing the work well) to ownership
// (owning problems, not tasks) to leadership (scope beyond the team). Each
// level lists only what it adds: a staff engineer is still expected to do
// what a senior does, but "Toward staff" checks what staff asks for on top.
// The categories are the kinds of work that git and GitHub can show; the
// ideas are small, concrete first steps for when there is no evidence yet.
func Builtin() *Ladder {
	return &Ladder{
		Name: "git-career built-in ladder",
		Tracks: []Track{
			{ID: "ic", Name: "Individual contributor", Levels: icLevels()},
			{ID: "management", Name: "Management", Levels: managementLevels()},
		},
	}
}

func expect(text string, cats []work.Category, ideas ...string) work.Expectation {
	return work.Expectation{Text: text, Categories: cats, Ideas: ideas}
}

func icLevels() []work.Level {
	return []work.Level{
		{
			ID:      "junior",
			Title:   "Junior Engineer",
			Summary: "Execution: delivers well-scoped tasks with guidance while learning the codebase.",
			Expectations: []work.Expectation{
				expect("Ships well-scoped changes with guidance", []work.Category{work.Feature, work.Fix},
					"Pick a small bug from the backlog and fix it end to end",
					"Ship a small feature and ask a senior to review it closely"),
				expect("Tests the code they change", []work.Category{work.Testing},
					"Write a test that reproduces a bug before fixing it",
					"Cover a function you changed that had no test"),
				expect("Leaves what they learn written down", []work.Category{work.Docs},
					"Fix the setup step that tripped you up in the README",
					"Document a function whose behaviour surprised you"),
			},
		},
		{
			ID:      "mid",
			Title:   "Software Engineer",
			Summary: "Execution with autonomy: delivers features end to end without close guidance.",
			Expectations: []work.Expectation{
				expect("Delivers features end to end on their own", []work.Category{work.Feature},
					"Take a feature from the issue to production without hand-holding",
					"Split a large feature into small pull requests that each ship"),
				expect("Fixes bugs at the root, with a test that keeps them fixed", []work.Category{work.Fix, work.Testing},
					"Add a regression test with every bug fix this month",
					"Find the cause behind a recurring bug report and fix that"),
				expect("Keeps the code and its docs healthy as they go", []work.Category{work.Docs, work.Refactor},
					"Update the docs in the same pull request as the behaviour change",
					"Refactor the module you keep working around"),
			},
		},
		{
			ID:      "senior",
			Title:   "Senior Engineer",
			Summary: "Ownership: owns problems end to end, removes what slows the team down, raises others.",
			Expectations: []work.Expectation{
				expect("Owns problems that slow others down", []work.Category{work.FlakyTests, work.Automation, work.Cleanup},
					"Stabilize the flaky test nobody wants to touch",
					"Automate a manual deploy or release step",
					"Delete dead code or a feature flag that outlived its purpose"),
				expect("Mentors and unblocks teammates", []work.Category{work.Mentoring},
					"Offer to pair with a newer teammate before they ask",
					"Rewrite an outdated onboarding doc with the next new hire"),
				expect("Keeps the bar high in review", []work.Category{work.Reviews},
					"Review a teammate's pull request within a day, explaining the why",
					"Leave one teaching comment per review, not only approvals"),
			},
		},
		{
			ID:      "staff",
			Title:   "Staff Engineer",
			Summary: "Leadership: sets technical direction beyond one team and multiplies other engineers.",
			Expectations: []work.Expectation{
				expect("Contributes across team boundaries", []work.Category{work.CrossTeam},
					"Contribute a fix or a feature to a shared library another team owns",
					"Help another team land a change in their repository"),
				expect("Drives technical design", []work.Category{work.Design},
					"Write a short proposal for a problem you keep running into",
					"Turn a recurring debate into a written decision record"),
				expect("Standardizes tooling so every team benefits", []work.Category{work.Automation},
					"Turn a script one team relies on into a shared tool",
					"Add a CI check that catches a whole class of bugs in every repository"),
				expect("Grows senior engineers", []work.Category{work.Mentoring},
					"Mentor a senior engineer on a design they lead",
					"Run a design review where someone else presents"),
			},
		},
		{
			ID:      "principal",
			Title:   "Principal Engineer",
			Summary: "Leadership across the organization: shapes the architecture and its long-term health.",
			Expectations: []work.Expectation{
				expect("Shapes the architecture across teams", []work.Category{work.Design, work.CrossTeam},
					"Write the proposal that retires a system several teams work around",
					"Lead a design review that spans more than two teams"),
				expect("Raises security and performance at scale", []work.Category{work.Security, work.Performance},
					"Fix a class of vulnerability everywhere, not one instance",
					"Set a performance budget and the check that enforces it"),
				expect("Multiplies engineering across the organization", []work.Category{work.Mentoring, work.CrossTeam},
					"Start an architecture office hour open to every team",
					"Sponsor a staff engineer's cross-team project"),
			},
		},
		{
			ID:      "distinguished",
			Title:   "Distinguished Engineer",
			Summary: "Leadership for the company and beyond: sets direction that outlasts any one project.",
			Expectations: []work.Expectation{
				expect("Sets technical direction for the company", []work.Category{work.Design},
					"Write the technical strategy for the next two years",
					"Publish the principles teams use to make design choices"),
				expect("Solves problems no single team can", []work.Category{work.CrossTeam, work.Security, work.Performance},
					"Lead the migration that every team needs and none can do alone",
					"Remove a company-wide risk in security or reliability"),
				expect("Grows the next technical leaders", []work.Category{work.Mentoring},
					"Mentor principal engineers on influence without authority",
					"Share the company's engineering work in a talk or an open-source project"),
			},
		},
	}
}

func managementLevels() []work.Level {
	return []work.Level{
		{
			ID:      "tech-lead",
			Title:   "Tech Lead",
			Summary: "Leads a team's technical work: plans, reviews and unblocks while still shipping.",
			Expectations: []work.Expectation{
				expect("Guides the team's technical design", []work.Category{work.Design, work.Reviews},
					"Write a short plan for the next feature before work starts",
					"Review the riskiest pull requests of the week yourself"),
				expect("Keeps the backlog healthy", []work.Category{work.Issues},
					"Triage new issues every week and close the stale ones",
					"Split a vague issue into tasks someone can pick up"),
				expect("Unblocks and mentors the team", []work.Category{work.Mentoring, work.Reviews},
					"Pair with whoever is stuck the longest this week",
					"Hand a piece of the design to a teammate and coach them through it"),
			},
		},
		{
			ID:      "engineering-manager",
			Title:   "Engineering Manager",
			Summary: "Owns a team's people and delivery: growth, health and predictable outcomes.",
			Expectations: []work.Expectation{
				expect("Grows the people on the team", []work.Category{work.Mentoring},
					"Write a growth plan with each report against this ladder",
					"Give a teammate a stretch project and support them through it"),
				expect("Keeps delivery flowing", []work.Category{work.Issues, work.Reviews},
					"Find where pull requests wait longest and fix that",
					"Keep the team's issues triaged and prioritized"),
				expect("Works well with other teams", []work.Category{work.CrossTeam},
					"Agree a shared plan with a team you depend on",
					"Lend an engineer to help another team land a change"),
			},
		},
		{
			ID:      "director",
			Title:   "Director of Engineering",
			Summary: "Leads several teams: aligns their priorities, shapes the organization, grows managers.",
			Expectations: []work.Expectation{
				expect("Aligns teams on shared priorities", []work.Category{work.CrossTeam, work.Design},
					"Write a one-page plan that several teams sign up to",
					"Remove a dependency that keeps two teams blocked on each other"),
				expect("Grows managers and tech leads", []work.Category{work.Mentoring},
					"Coach a new manager through their first quarter",
					"Run a leadership circle for tech leads"),
				expect("Keeps quality and risk visible", []work.Category{work.Issues, work.Security},
					"Review the open incidents and security issues with each team",
					"Make the backlog of risky issues visible to leadership"),
			},
		},
		{
			ID:      "vp",
			Title:   "VP of Engineering",
			Summary: "Leads the engineering organization: strategy, structure, and results for the business.",
			Expectations: []work.Expectation{
				expect("Sets engineering strategy", []work.Category{work.Design, work.CrossTeam},
					"Write the engineering strategy for the year and share it widely",
					"Reorganize teams around the architecture you want"),
				expect("Builds the leadership bench", []work.Category{work.Mentoring},
					"Name and grow a successor for every director",
					"Sponsor the career ladder itself and keep it current"),
				expect("Keeps the organization secure and reliable", []work.Category{work.Security, work.Performance},
					"Fund the security work teams keep postponing",
					"Set reliability goals and review them every quarter"),
			},
		},
		{
			ID:      "cto",
			Title:   "Chief Technology Officer",
			Summary: "Leads technology for the company: vision, technical risk and engineering culture.",
			Expectations: []work.Expectation{
				expect("Sets the technical vision", []work.Category{work.Design},
					"Write the technical vision the next three years build on",
					"Decide which big bets to stop as clearly as which to start"),
				expect("Owns technical risk", []work.Category{work.Security, work.Performance},
					"Put the top technical risks in front of the board with a plan",
					"Sponsor the security program end to end"),
				expect("Shapes the engineering culture", []work.Category{work.Mentoring, work.CrossTeam},
					"Mentor the engineering leaders directly",
					"Make cross-team work visible and rewarded"),
			},
		},
	}
}
