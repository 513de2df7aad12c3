package analyzer

import (
	"regexp"
	"slices"
	"strings"
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
