package history

import (
	"strings"

	"github.com/git-career/git-career/analyzer/work"
)

// mailmapTable maps the names and emails commits were written with to the
// canonical ones, as git's .mailmap does (see gitmailmap(5)).
type mailmapTable struct {
	byEmail     map[string]mailmapEntry // commit email → canonical
	byNameEmail map[string]mailmapEntry // commit name + "\x00" + commit email → canonical
}

type mailmapEntry struct{ name, email string }

// parseMailmap reads mailmap lines of these forms:
//
//	Proper Name <commit@email>
//	<proper@email> <commit@email>
//	Proper Name <proper@email> <commit@email>
//	Proper Name <proper@email> Commit Name <commit@email>
//
// Comments start with '#'. Lines it cannot read are skipped, as git does.
// Later calls to Add extend the map; later lines win over earlier ones.
func parseMailmap(data string) *mailmapTable {
	m := &mailmapTable{byEmail: map[string]mailmapEntry{}, byNameEmail: map[string]mailmapEntry{}}
	m.Add(data)
	return m
}

// Add reads more mailmap lines into m.
func (m *mailmapTable) Add(data string) {
	for _, line := range strings.Split(data, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		name1, email1, rest, ok := mailmapPart(line)
		if !ok {
			continue
		}
		name2, email2, _, ok2 := mailmapPart(rest)
		if !ok2 {
			// "Proper Name <commit@email>": only the name is replaced.
			m.byEmail[strings.ToLower(email1)] = mergeEntry(m.byEmail[strings.ToLower(email1)], mailmapEntry{name: name1})
			continue
		}
		// Lines about the same commit identity merge, as in git: one may give
		// the name and another the email.
		entry := mailmapEntry{name: name1, email: email1}
		if name2 != "" {
			key := strings.ToLower(name2) + "\x00" + strings.ToLower(email2)
			m.byNameEmail[key] = mergeEntry(m.byNameEmail[key], entry)
		} else {
			key := strings.ToLower(email2)
			m.byEmail[key] = mergeEntry(m.byEmail[key], entry)
		}
	}
}

func mergeEntry(old, new mailmapEntry) mailmapEntry {
	if new.name == "" {
		new.name = old.name
	}
	if new.email == "" {
		new.email = old.email
	}
	return new
}

// mailmapPart reads "Name <email>" from the start of s and returns the rest.
func mailmapPart(s string) (name, email, rest string, ok bool) {
	lt := strings.IndexByte(s, '<')
	if lt < 0 {
		return "", "", "", false
	}
	gt := strings.IndexByte(s[lt:], '>')
	if gt < 0 {
		return "", "", "", false
	}
	gt += lt
	return strings.TrimSpace(s[:lt]), strings.TrimSpace(s[lt+1 : gt]), s[gt+1:], true
}

// Map returns the canonical person for p. Emails and names compare
// case-insensitively, as in git.
func (m *mailmapTable) Map(p work.Person) work.Person {
	if m == nil {
		return p
	}
	email := strings.ToLower(p.Email)
	e, ok := m.byNameEmail[strings.ToLower(p.Name)+"\x00"+email]
	if !ok {
		e, ok = m.byEmail[email]
	}
	if !ok {
		return p
	}
	if e.name != "" {
		p.Name = e.name
	}
	if e.email != "" {
		p.Email = e.email
	}
	return p
}
