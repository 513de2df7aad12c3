package work

import "time"

// Measures of impact: what an Impact counts.
const (
	// MeasureRegressions counts fix commits touching the work's files in
	// equal windows before and after it, beside the repository's share of
	// fix commits over the same windows.
	MeasureRegressions = "regressions"
	// MeasureQuoted quotes numbers the author measured, word for word.
	MeasureQuoted = "quoted"
	// MeasureReach counts the other people who changed or used the files
	// the work added, after it.
	MeasureReach = "reach"
	// MeasureReflakes counts later commits touching the same tests that
	// speak of flakiness again.
	MeasureReflakes = "reflakes"
	// MeasureUsage counts the runs of a workflow the work added or
	// changed, since then, and those that succeeded.
	MeasureUsage = "usage"
	// MeasureDemand counts the issues a pull request closed, with their
	// reactions and comments.
	MeasureDemand = "demand"
	// MeasureMentees counts the pull requests the author of a pull request
	// the person taught on has merged since.
	MeasureMentees = "mentees"
)

// Impact is one thing measured about a piece of work: what came after it
// in the history (or on GitHub), with its numbers, its windows and every
// event counted. It says "after", never "because": nothing here
// attributes a later change to the work.
type Impact struct {
	Measure string // one of the Measure constants
	// Text says it in plain words, one sentence, without links.
	Text string
	// First and Last are the work's first and last commit (or its merge)
	// the windows are around; WindowDays is each window's length, and
	// AfterDays how much of the after window had passed when measured:
	// less than WindowDays while it is incomplete.
	First, Last           time.Time
	WindowDays, AfterDays int
	// Before and After count the events in each window (regressions:
	// fix commits; reflakes: commits speaking of flakiness again).
	Before, After int
	// BaselineBefore and BaselineAfter are the share of fix commits among
	// all the repository's commits over the same windows, in percent.
	BaselineBefore, BaselineAfter float64
	// People and Commits: reach (other people, their commits). People
	// and Merged: mentees (the people taught, their pull requests merged
	// since).
	People, Commits, Merged int
	// Runs and Succeeded: usage (a workflow's runs, those that
	// succeeded).
	Runs, Succeeded int
	// Issues, Reactions and Comments: demand (issues closed, their
	// reactions and comments).
	Issues, Reactions, Comments int
	// Quote is the author's words, for quoted.
	Quote string
	// Evidence is what was counted: commits, runs, issues.
	Evidence []Evidence
	// Of are the work's commits, full ids, for measuring it again later;
	// Subject names what the measure is about (a workflow's file, a
	// login), when it is not the work's commits.
	Of      []string
	Subject string
}

// Evidence is one event an Impact counted.
type Evidence struct {
	ID    string // a commit's id, a run's id, "owner/name#12"
	URL   string // a link to it; "" when there is none
	After bool   // in the window after the work (else before it)
}

// Open reports whether the impact's after window was still incomplete
// when measured: a later run can measure it again.
func (m *Impact) Open() bool { return m.WindowDays > 0 && m.AfterDays < m.WindowDays }
