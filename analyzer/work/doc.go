// Package work is the domain of git-career: the values every other package
// passes around. A [Commit] is evidence read from a source; a
// [Contribution] is one classified piece of work as the brag doc lists it,
// with its [Category] values and the reasons for them; a [Report] is
// everything a document is rendered from, for one [Identity] over one
// [Period]. It also holds what is shared about those values and depends on
// nothing else: who is a bot, whether a person is the user
// ([Matcher]), calendar periods, and the Highlights [Score].
//
// It must never import another package of this module, nor read git, the
// network, the environment or the clock: the sources, the rules and the
// renderers all depend on it, so it depends on none of them.
package work
