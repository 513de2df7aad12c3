package work

// Level is one rung of a track.
type Level struct {
	ID      string // "senior"; unique across the ladder
	Title   string // "Senior Engineer"
	Summary string // what the level is about: scope, autonomy, impact
	// Expectations are what the level expects, each with the evidence that
	// shows it.
	Expectations []Expectation
}

// Expectation is one thing a level expects.
type Expectation struct {
	Text string // "Owns problems that slow others down"
	// Categories are the kinds of contribution that count as evidence.
	Categories []Category
	// Ideas are concrete next steps when there is no evidence yet.
	Ideas []string
}

// Toward measures a period's contributions against a target level.
type Toward struct {
	Current string // the user's level id, "" when unknown
	Target  Level
	Items   []TowardItem // one per expectation of the target, in order
}

// TowardItem is one expectation with the contributions that show it (IDs,
// best first); none means "no evidence yet", and the expectation's ideas
// apply.
type TowardItem struct {
	Expectation Expectation
	Evidence    []string
}
