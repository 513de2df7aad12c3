package work

// IsFlag reports whether k is a flag rather than a kind of work: an item
// has one primary kind (its first category) and any of the flags, which
// say how it was done or where (a flaky test made reliable, work for
// another team, credit for working together).
func IsFlag(k Category) bool {
	return k == FlakyTests || k == CrossTeam || k == Mentoring
}
