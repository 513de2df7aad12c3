package fakegithub

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// enterprisePrefix is where GitHub Enterprise Server serves the API; the
// fake answers with and without it.
const enterprisePrefix = "/api/v3"

// webBase is the host of html_url links.
const webBase = "https://github.test/"

const (
	coreLimit   = 5000
	searchLimit = 30 // a minute
)

// New starts a server for s; close it when done.
func New(s *Scenario) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(s.serve))
}

func (s *Scenario) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	path, prefix := r.URL.Path, ""
	if strings.HasPrefix(path, enterprisePrefix+"/") {
		path, prefix = strings.TrimPrefix(path, enterprisePrefix), enterprisePrefix
	}
	api := "http://" + r.Host + prefix + "/"
	s.requests++
	if s.byPath == nil {
		s.byPath = map[string]int{}
	}
	s.byPath[path]++
	resource := "core"
	if strings.HasPrefix(path, "/search/") {
		resource = "search"
	}
	now := s.now()
	if resource == "search" {
		s.searchTimes = append(s.searchTimes, now)
	}
	if f := s.takeFailure(r.Method, path); f != nil {
		s.fail(w, r, api, resource, f)
		return
	}
	if status, body, link, ok := s.routePublish(r, path, api); ok {
		s.respond(w, r, resource, status, body, link)
		return
	}
	if r.Method != http.MethodGet {
		s.fail(w, r, api, resource, &Failure{Status: http.StatusMethodNotAllowed})
		return
	}
	// GitHub answers a search beyond 30 a minute as a primary limit.
	if resource == "search" && s.searchesInLastMinute(now) > searchLimit {
		s.fail(w, r, api, resource, &Failure{Status: http.StatusForbidden, Primary: true,
			ResetAfter: s.searchReset(now).Sub(now)})
		return
	}
	status, body, link := s.route(path, r.URL.Query(), api, r.URL)
	s.respond(w, r, resource, status, body, link)
}

func (s *Scenario) takeFailure(method, path string) *Failure {
	q := s.failures[path]
	if len(q) == 0 || q[0].Method != "" && q[0].Method != method {
		return nil
	}
	f := q[0]
	if f.Times > 0 {
		f.Times--
		if f.Times == 0 {
			s.failures[path] = q[1:]
		}
	}
	return f
}

func (s *Scenario) searchesInLastMinute(now time.Time) int {
	n := 0
	for _, t := range s.searchTimes {
		if now.Sub(t) < time.Minute {
			n++
		}
	}
	return n
}

// searchReset is when the oldest search of the last minute leaves the
// window.
func (s *Scenario) searchReset(now time.Time) time.Time {
	for _, t := range s.searchTimes {
		if now.Sub(t) < time.Minute {
			return t.Add(time.Minute)
		}
	}
	return now.Add(time.Minute)
}

// rateHeaders sets the X-RateLimit-* headers of a request just counted.
func (s *Scenario) rateHeaders(h http.Header, resource string, counts bool) {
	if s.used == nil {
		s.used = map[string]int{}
	}
	now := s.now()
	limit, used, reset := coreLimit, 0, now.Truncate(time.Hour).Add(time.Hour)
	if resource == "search" {
		limit, used, reset = searchLimit, s.searchesInLastMinute(now), s.searchReset(now)
	} else {
		if counts {
			s.used[resource]++
		}
		used = s.used[resource]
	}
	h.Set("X-RateLimit-Limit", strconv.Itoa(limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(max(limit-used, 0)))
	h.Set("X-RateLimit-Reset", strconv.FormatInt(reset.Unix(), 10))
	h.Set("X-RateLimit-Used", strconv.Itoa(used))
	h.Set("X-RateLimit-Resource", resource)
}

func (s *Scenario) respond(w http.ResponseWriter, r *http.Request, resource string, status int, body any, link string) {
	b, err := json.Marshal(body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("X-GitHub-Media-Type", "github.v3; format=json")
	if status != http.StatusOK {
		s.rateHeaders(h, resource, true)
		w.WriteHeader(status)
		w.Write(b)
		return
	}
	// GitHub's search answers carry no ETag (see the recorded responses in
	// shared/github-api-examples), so they are never revalidated.
	if resource == "search" {
		s.rateHeaders(h, resource, true)
		if link != "" {
			h.Set("Link", link)
		}
		w.WriteHeader(http.StatusOK)
		w.Write(b)
		return
	}
	// ETags depend on the token, as GitHub's do (the response varies on
	// Authorization).
	sum := sha256.Sum256(append([]byte(r.Header.Get("Authorization")+"\n"), b...))
	etag := `W/"` + hex.EncodeToString(sum[:16]) + `"`
	h.Set("ETag", etag)
	h.Set("Cache-Control", "private, max-age=60, s-maxage=60")
	h.Set("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP")
	if r.Header.Get("If-None-Match") == etag {
		// A 304 does not count against the primary limit; GitHub leaves
		// Link out of it, so clients must keep their own.
		s.notModified++
		s.rateHeaders(h, resource, false)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	s.rateHeaders(h, resource, true)
	if link != "" {
		h.Set("Link", link)
	}
	w.WriteHeader(http.StatusOK)
	w.Write(b)
}

func (s *Scenario) fail(w http.ResponseWriter, r *http.Request, api, resource string, f *Failure) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	msg, doc := http.StatusText(f.Status), "https://docs.github.com/rest"
	now := s.now()
	switch {
	case f.Status == http.StatusUnauthorized:
		msg = "Bad credentials"
	case f.Status == http.StatusNotFound:
		msg = "Not Found"
	case f.Status == http.StatusForbidden && !f.Primary && !f.Secondary:
		msg = "Resource not accessible by personal access token"
	case (f.Status == http.StatusForbidden || f.Status == http.StatusTooManyRequests) && f.Primary:
		msg = "API rate limit exceeded for user ID 1."
		doc = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit"
	case f.Secondary || f.Status == http.StatusTooManyRequests:
		msg = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."
		doc = "https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"
	}
	if f.Echo {
		msg += fmt.Sprintf(" (request %s with %s)", r.URL.String(), r.Header.Get("Authorization"))
	}
	s.rateHeaders(h, resource, true)
	if f.Primary {
		h.Set("X-RateLimit-Remaining", "0")
		h.Set("X-RateLimit-Reset", strconv.FormatInt(now.Add(f.ResetAfter).Unix(), 10))
	}
	if f.RetryAfter > 0 {
		h.Set("Retry-After", strconv.Itoa(f.RetryAfter))
	}
	w.WriteHeader(f.Status)
	json.NewEncoder(w).Encode(obj{"message": msg, "documentation_url": doc})
}

func notFound() (int, any, string) {
	return http.StatusNotFound, obj{"message": "Not Found", "documentation_url": "https://docs.github.com/rest"}, ""
}

// route answers a GET: status, JSON body and Link header.
func (s *Scenario) route(path string, q url.Values, api string, reqURL *url.URL) (int, any, string) {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	switch {
	case path == "/user":
		return http.StatusOK, userJSON(api, webBase, s.Login), ""
	case path == "/search/issues":
		return s.searchIssues(q, api, reqURL)
	case path == "/user/teams":
		all := []any{}
		for _, t := range s.Teams {
			all = append(all, teamJSON(api, webBase, t))
		}
		page, link, _ := paginate(all, q, reqURL, api, 0)
		return http.StatusOK, page, link
	case len(parts) == 3 && parts[0] == "repos":
		repo, ok := s.repo(parts[1] + "/" + parts[2])
		if !ok {
			return notFound()
		}
		return http.StatusOK, repoJSON(api, webBase, repo), ""
	case len(parts) == 7 && parts[0] == "repos" && parts[3] == "actions" && parts[4] == "workflows" && parts[6] == "runs":
		if _, ok := s.repo(parts[1] + "/" + parts[2]); !ok {
			return notFound()
		}
		return s.workflowRuns(parts[1]+"/"+parts[2], parts[5], q, api, reqURL)
	case len(parts) == 5 && parts[0] == "repos" && parts[3] == "issues":
		num, err := strconv.Atoi(parts[4])
		it := s.item(parts[1]+"/"+parts[2], num)
		if _, ok := s.repo(parts[1] + "/" + parts[2]); !ok || err != nil || it == nil {
			return notFound()
		}
		return http.StatusOK, searchItemJSON(api, webBase, it), ""
	case len(parts) == 6 && parts[0] == "repos":
		name := parts[1] + "/" + parts[2]
		num, err := strconv.Atoi(parts[4])
		if _, ok := s.repo(name); !ok || err != nil {
			return notFound()
		}
		it := s.item(name, num)
		if it == nil {
			return notFound()
		}
		since, _ := time.Parse(time.RFC3339, q.Get("since"))
		var all []any
		switch parts[3] + "/" + parts[5] {
		case "pulls/reviews":
			if !it.PR {
				return notFound()
			}
			for _, rv := range it.Reviews {
				all = append(all, reviewJSON(api, webBase, it, rv))
			}
		case "pulls/comments":
			if !it.PR {
				return notFound()
			}
			for _, c := range it.ReviewComments {
				if !c.CreatedAt.Before(since) {
					all = append(all, reviewCommentJSON(api, webBase, it, c))
				}
			}
		case "issues/comments":
			for _, c := range it.Comments {
				if !c.CreatedAt.Before(since) {
					all = append(all, issueCommentJSON(api, webBase, it, c))
				}
			}
		default:
			return notFound()
		}
		page, link, ok := paginate(all, q, reqURL, api, 0)
		if !ok {
			return http.StatusOK, []any{}, ""
		}
		return http.StatusOK, page, link
	}
	return notFound()
}

func (s *Scenario) searchIssues(q url.Values, api string, reqURL *url.URL) (int, any, string) {
	pq, err := parseQuery(q.Get("q"))
	if err != nil {
		return http.StatusUnprocessableEntity, obj{"message": "Validation Failed",
			"errors":            []obj{{"resource": "Search", "field": "q", "code": "invalid", "message": err.Error()}},
			"documentation_url": "https://docs.github.com/rest/search/search#search-issues-and-pull-requests"}, ""
	}
	found := s.search(pq)
	all := make([]any, 0, min(len(found), searchCap))
	for _, it := range found[:min(len(found), searchCap)] {
		all = append(all, searchItemJSON(api, webBase, it))
	}
	page, link, ok := paginate(all, q, reqURL, api, searchCap)
	if !ok {
		return http.StatusUnprocessableEntity, obj{
			"message":           "Only the first 1000 search results are available",
			"documentation_url": "https://docs.github.com/v3/search/"}, ""
	}
	return http.StatusOK, obj{"total_count": len(found), "incomplete_results": false, "items": page}, link
}

// paginate cuts one page out of all by per_page (default 30, at most 100)
// and page, with GitHub's Link header; ok is false for a page past the end
// when capped (search's 1,000-result wall).
func paginate(all []any, q url.Values, reqURL *url.URL, api string, capped int) ([]any, string, bool) {
	per, _ := strconv.Atoi(q.Get("per_page"))
	if per <= 0 {
		per = 30
	}
	per = min(per, 100)
	page, _ := strconv.Atoi(q.Get("page"))
	page = max(page, 1)
	last := max((len(all)+per-1)/per, 1)
	start := (page - 1) * per
	if start >= len(all) {
		if capped > 0 && start >= capped {
			return nil, "", false
		}
		return []any{}, "", true
	}
	out := all[start:min(start+per, len(all))]
	at := func(p int) string {
		u := *reqURL
		v := u.Query()
		v.Set("page", strconv.Itoa(p))
		v.Set("per_page", strconv.Itoa(per))
		u.RawQuery = v.Encode()
		base, _ := url.Parse(api)
		u.Scheme, u.Host = base.Scheme, base.Host
		return "<" + u.String() + ">"
	}
	var links []string
	if page > 1 {
		links = append(links, at(page-1)+`; rel="prev"`)
	}
	if page < last {
		links = append(links, at(page+1)+`; rel="next"`, at(last)+`; rel="last"`)
	}
	if page > 1 {
		links = append(links, at(1)+`; rel="first"`)
	}
	return out, strings.Join(links, ", "), true
}

func itoa(n int) string     { return strconv.Itoa(n) }
func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
