// Package github reads a person's work from GitHub's REST API: the pull
// requests they opened, the reviews and review comments they gave, their
// comments on issues and pull requests, and the issues they opened, for
// one period ([Read], into [Evidence]). It stays within the API's limits:
// searches split past the 1,000-result wall and paced, the primary rate
// limit waited out or reported with its reset time, secondary limits and
// 429s retried as GitHub asks, and an on-disk cache of ETags
// ([NewCacheTransport]) that makes re-runs nearly free. [Measure]
// answers what the impact measures ask: a workflow's runs (the Actions
// API), the reactions and comments of the issues a pull request closed,
// and the pull requests an author merged in a range of days.
//
// It imports go-github under the name gh. It must never read local git,
// classify, or send anything but read-only requests to the API; the token
// is never printed, logged or written to the cache.
package github
