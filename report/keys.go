package report

import (
	"slices"

	"github.com/git-career/git-career/analyzer/work"
)

// Section keys name the parts of a period in their markers. They are part
// of the document format: a later run finds a section by its key, so a key
// never changes once released, even if its heading does.
const (
	keyScan       = "scan"  // generated: what was scanned, warnings
	keyEmpty      = "empty" // generated: the "nothing found" sentence
	keyGlance     = "glance"
	keyHighlights = "highlights"
	keyShipped    = "shipped"
	keyProblems   = "problems" // holds one "problems/<category>" per sub-heading
	keyMentoring  = "mentoring"
	keyReviews    = "mentoring/reviews" // generated: the review summary
	keyCrossTeam  = "cross-team"
	keyDesign     = "design"
	keyUnmerged   = "unmerged" // generated: work on other branches, not shipped yet
	keyLater      = "later"    // generated: pull requests worked on in the period, merged after it
	keyTagged     = "tagged"   // generated: the releases the person tagged
	keyToward     = "toward"
	keyQuestions  = "questions"
	keyAppendix   = "appendix"
)

// stateKeys are the generated blocks that say how things stand now (work
// on branches, merged later, releases tagged) rather than list items: a
// merge writes them afresh, creates them, and removes them, as written,
// when the new run has none.
var stateKeys = []string{keyUnmerged, keyLater, keyTagged}

// sectionKeys maps the flat body sections' headings to their keys.
var sectionKeys = map[string]string{
	headShipped: keyShipped,
	headMentor:  keyMentoring,
	headCross:   keyCrossTeam,
	headDesign:  keyDesign,
}

func problemKey(k work.Category) string { return keyProblems + "/" + string(k) }

// sectionOrder is the canonical order of the sections in a period. A merge
// that has to create a section the existing document lacks puts it before
// the first section that comes later in this order.
var sectionOrder = func() []string {
	keys := []string{keyScan, keyEmpty, keyGlance, keyHighlights, keyShipped, keyProblems}
	for _, k := range problemCategories {
		keys = append(keys, problemKey(k))
	}
	return append(keys, keyMentoring, keyReviews, keyCrossTeam, keyDesign, keyTagged, keyUnmerged, keyLater, keyToward, keyQuestions, keyAppendix)
}()

// sectionRank orders keys by sectionOrder; unknown keys go last.
func sectionRank(key string) int {
	if i := slices.Index(sectionOrder, key); i >= 0 {
		return i
	}
	return len(sectionOrder)
}

// receivesItems reports whether a merge adds new items to the section.
// Highlights are chosen once, when the period is first written: re-ranking
// them would move or drop the ones the person has already written about.
func receivesItems(key string) bool {
	return key != keyHighlights
}
