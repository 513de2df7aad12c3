package analyzer

import (
	"regexp"
	"slices"
	"strings"

	"github.com/git-career/git-career/analyzer/work"
)

// Issue and ticket references in a commit message that say which work
// the commit is part of: "#123" (or "GH-123", "owner/name#123") in the
// subject or after a closing or linking word in the body ("Fixes #123",
// "Part of #123", "Refs #123"), and tracker keys such as "ABC-123"
// anywhere. A body that only mentions an issue ("introduced in #120",
// "see #99") names context, not the work, and ties nothing. A squash
// merge's "(#12)" at the end of the subject names the pull request the
// commit is, and is left out.
var (
	issueRef  = regexp.MustCompile(`(?:^|[\s(\[,;:])(?:[\w.-]+/[\w.-]+)?#(\d+)\b`)
	linkedRef = regexp.MustCompile(`(?i)\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?|refs?|references|part of|related to|addresses|implements|for issue|issue)\s*:?\s+(?:[\w.-]+/[\w.-]+)?(?:#|GH-)(\d+)\b`)
	ghRef     = regexp.MustCompile(`\bGH-(\d+)\b`)
	ticketRef = regexp.MustCompile(`\b([A-Z][A-Z]{1,9})-(\d+)\b`)
	prSuffix  = regexp.MustCompile(`\s*\(#\d+\)\s*$`)
)

// notTickets are upper-case words followed by a number that name a
// standard, an algorithm or an advisory, not a ticket: "UTF-8", "SHA-256".
var notTickets = map[string]bool{
	"UTF": true, "SHA": true, "ISO": true, "RFC": true, "CVE": true, "GHSA": true, "HTTP": true,
	"TLS": true, "SSL": true, "MD": true, "AES": true, "RSA": true, "ECMA": true, "ES": true,
	"IEEE": true, "PEP": true, "JSR": true, "ANSI": true, "ASCII": true, "UTS": true, "CP": true,
	"WIN": true, "X": true, "HTTPS": true, "IPV": true, "SMB": true, "MP": true, "H": true,
	"PR": true, "CWE": true, "OWASP": true, "FIPS": true, "NIST": true, "BASE": true, "ARM": true,
	"GH": true, "LTS": true, "TODO": true, "FIXME": true, "WIP": true, "RC": true, "V": true,
}

// messageRefs are the issues and tickets a commit message names, each
// once, in order: "#123" for an issue, "ABC-123" for a ticket.
func messageRefs(subject, body string) []string {
	subject = prSuffix.ReplaceAllString(subject, "")
	text := subject + "\n" + body
	var out []string
	add := func(r string) {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	for _, m := range issueRef.FindAllStringSubmatch(subject, -1) {
		add("#" + m[1])
	}
	for _, m := range ghRef.FindAllStringSubmatch(subject, -1) {
		add("#" + m[1])
	}
	for _, m := range linkedRef.FindAllStringSubmatch(text, -1) {
		add("#" + m[1])
	}
	for _, m := range ticketRef.FindAllStringSubmatch(text, -1) {
		if !notTickets[m[1]] && !strings.HasPrefix(m[2], "0") {
			add(m[1] + "-" + m[2])
		}
	}
	return out
}

// followRef finds the earlier change a fix says it follows up: "After
// #13072, there is ...", "introduced in #120", "caused by #77",
// "regression from #5", "broken by #9", "follow-up to #12", "since #40".
var followRef = regexp.MustCompile(`(?i)\b(?:after|introduced (?:in|by)|caused by|regression (?:from|in|of|since)|regressed (?:in|by)|broken (?:in|by)|broke in|follow[- ]?up (?:to|of|for|on)|since)\s+(?:pr\s+|pull request\s+)?(?:[\w.-]+/[\w.-]+)?#(\d+)\b`)

// fixesTrailer is an abbreviated commit id in a "Fixes:" trailer (git's
// and the kernel's way: "Fixes: 46241068daed (feat: ...)").
var fixesTrailer = regexp.MustCompile(`^([0-9a-f]{7,40})\b`)

// followsUp returns the earlier changes a commit says it follows up or
// fixes: "#N" for a pull request or issue its message names so, "sha:"
// and an abbreviated id for a commit a Fixes: trailer names.
func followsUp(subject, body string, trailers []work.Trailer) []string {
	var out []string
	for _, m := range followRef.FindAllStringSubmatch(subject+"\n"+body, -1) {
		if r := "#" + m[1]; !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	for _, t := range trailers {
		if strings.EqualFold(t.Key, "Fixes") {
			if m := fixesTrailer.FindStringSubmatch(strings.TrimSpace(t.Value)); m != nil {
				if r := "sha:" + strings.ToLower(m[1]); !slices.Contains(out, r) {
					out = append(out, r)
				}
			}
		}
	}
	return out
}
