package fakegithub

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Published is what clients wrote to one repository: issues, branches,
// files and pull requests, as publishing a brag doc does.
type Published struct {
	Issues []*PubIssue
	Refs   map[string]string // branch → commit sha
	Files  map[string]string // "branch:path" → content
	Pulls  []*PubPull
	commit int
}

// PubIssue is an issue a client opened.
type PubIssue struct {
	Number int
	Title  string
	Body   string
	Labels []string
	Edits  int // how many times it was updated
}

// PubPull is a pull request a client opened.
type PubPull struct {
	Number     int
	Title      string
	Body       string
	Head, Base string
	Edits      int
}

// Published returns what was written to repo ("owner/name"), or nil.
func (s *Scenario) Published(repo string) *Published {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.published[strings.ToLower(repo)]
}

func (s *Scenario) pub(repo string) *Published {
	if s.published == nil {
		s.published = map[string]*Published{}
	}
	key := strings.ToLower(repo)
	p := s.published[key]
	if p == nil {
		p = &Published{Refs: map[string]string{"main": "0000000000000000000000000000000000000001"}, Files: map[string]string{}}
		s.published[key] = p
	}
	return p
}

// routePublish serves the endpoints that write: issues, refs, contents
// and pulls of a repository in the scenario. A list of issues is paginated
// as GitHub's is (per_page, page and the Link header), so that a client
// must follow it. ok is false for any other request.
func (s *Scenario) routePublish(r *http.Request, path, api string) (status int, body any, link string, ok bool) {
	status, body, ok = s.routeWrites(r, path, api)
	if list, isList := body.([]obj); isList && strings.HasSuffix(path, "/issues") {
		all := make([]any, len(list))
		for i, o := range list {
			all[i] = o
		}
		body, link, _ = paginate(all, r.URL.Query(), r.URL, api, 0)
	}
	return status, body, link, ok
}

// routeWrites answers the publishing endpoints, every list whole.
func (s *Scenario) routeWrites(r *http.Request, path, api string) (status int, body any, ok bool) {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	if len(parts) < 4 || parts[0] != "repos" {
		return 0, nil, false
	}
	full := parts[1] + "/" + parts[2]
	if _, known := s.repo(full); !known {
		return 0, nil, false
	}
	p := s.pub(full)
	web := webBase + full
	var in map[string]any
	if r.Body != nil && (r.Method == http.MethodPost || r.Method == http.MethodPatch || r.Method == http.MethodPut) {
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
			return http.StatusBadRequest, obj{"message": "Problems parsing JSON"}, true
		}
	}
	str := func(k string) string { v, _ := in[k].(string); return v }
	rest := strings.Join(parts[3:], "/")
	switch {
	case rest == "issues" && r.Method == http.MethodGet:
		want := r.URL.Query().Get("labels")
		out := []obj{}
		for i := len(p.Issues) - 1; i >= 0; i-- { // newest first, as GitHub lists
			is := p.Issues[i]
			if want == "" || contains(is.Labels, want) {
				out = append(out, pubIssueJSON(api, web, full, is))
			}
		}
		return http.StatusOK, out, true
	case rest == "issues" && r.Method == http.MethodPost:
		is := &PubIssue{Number: 1000 + len(p.Issues), Title: str("title"), Body: str("body")}
		if ls, ok := in["labels"].([]any); ok {
			for _, l := range ls {
				is.Labels = append(is.Labels, fmt.Sprint(l))
			}
		}
		p.Issues = append(p.Issues, is)
		return http.StatusCreated, pubIssueJSON(api, web, full, is), true
	case len(parts) == 5 && parts[3] == "issues" && r.Method == http.MethodPatch:
		n, _ := strconv.Atoi(parts[4])
		for _, is := range p.Issues {
			if is.Number == n {
				is.Title, is.Body = str("title"), str("body")
				is.Edits++
				return http.StatusOK, pubIssueJSON(api, web, full, is), true
			}
		}
		return notFoundPub()
	case strings.HasPrefix(rest, "git/ref/heads/") && r.Method == http.MethodGet:
		branch := strings.TrimPrefix(rest, "git/ref/heads/")
		sha, ok := p.Refs[branch]
		if !ok {
			return notFoundPub()
		}
		return http.StatusOK, refJSON(api, full, branch, sha), true
	case rest == "git/refs" && r.Method == http.MethodPost:
		branch := strings.TrimPrefix(str("ref"), "refs/heads/")
		if _, ok := p.Refs[branch]; ok {
			return http.StatusUnprocessableEntity, obj{"message": "Reference already exists"}, true
		}
		p.Refs[branch] = str("sha")
		return http.StatusCreated, refJSON(api, full, branch, str("sha")), true
	case strings.HasPrefix(rest, "contents/"):
		file := strings.TrimPrefix(rest, "contents/")
		branch := r.URL.Query().Get("ref")
		if r.Method == http.MethodPut {
			branch = str("branch")
		}
		if _, ok := p.Refs[branch]; !ok {
			return notFoundPub()
		}
		key := branch + ":" + file
		switch r.Method {
		case http.MethodGet:
			content, ok := p.Files[key]
			if !ok {
				return notFoundPub()
			}
			return http.StatusOK, contentJSON(file, content), true
		case http.MethodPut:
			b, err := base64.StdEncoding.DecodeString(str("content"))
			if err != nil {
				return http.StatusBadRequest, obj{"message": "content is not base64"}, true
			}
			_, existed := p.Files[key]
			if existed != (str("sha") != "") {
				return http.StatusConflict, obj{"message": "sha does not match"}, true
			}
			p.Files[key] = string(b)
			p.commit++
			p.Refs[branch] = fmt.Sprintf("%040d", p.commit+1)
			st := http.StatusCreated
			if existed {
				st = http.StatusOK
			}
			return st, obj{"content": contentJSON(file, string(b)), "commit": obj{"sha": p.Refs[branch], "message": str("message")}}, true
		}
	case rest == "pulls" && r.Method == http.MethodGet:
		head := r.URL.Query().Get("head")
		out := []obj{}
		for _, pr := range p.Pulls {
			if head == "" || head == parts[1]+":"+pr.Head {
				out = append(out, pubPullJSON(web, pr))
			}
		}
		return http.StatusOK, out, true
	case rest == "pulls" && r.Method == http.MethodPost:
		if _, ok := p.Refs[str("head")]; !ok {
			return http.StatusUnprocessableEntity, obj{"message": "Validation Failed: head"}, true
		}
		pr := &PubPull{Number: 2000 + len(p.Pulls), Title: str("title"), Body: str("body"), Head: str("head"), Base: str("base")}
		p.Pulls = append(p.Pulls, pr)
		return http.StatusCreated, pubPullJSON(web, pr), true
	case len(parts) == 5 && parts[3] == "pulls" && r.Method == http.MethodPatch:
		n, _ := strconv.Atoi(parts[4])
		for _, pr := range p.Pulls {
			if pr.Number == n {
				pr.Title, pr.Body = str("title"), str("body")
				pr.Edits++
				return http.StatusOK, pubPullJSON(web, pr), true
			}
		}
		return notFoundPub()
	}
	return 0, nil, false
}

func notFoundPub() (int, any, bool) {
	return http.StatusNotFound, obj{"message": "Not Found", "documentation_url": "https://docs.github.com/rest"}, true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func pubIssueJSON(api, web, full string, is *PubIssue) obj {
	labels := []obj{}
	for _, l := range is.Labels {
		labels = append(labels, obj{"name": l})
	}
	return obj{
		"number": is.Number, "title": is.Title, "body": is.Body, "state": "open", "labels": labels,
		"html_url": fmt.Sprintf("%s/issues/%d", web, is.Number),
		"url":      fmt.Sprintf("%srepos/%s/issues/%d", api, full, is.Number),
	}
}

func pubPullJSON(web string, pr *PubPull) obj {
	return obj{
		"number": pr.Number, "title": pr.Title, "body": pr.Body, "state": "open",
		"html_url": fmt.Sprintf("%s/pull/%d", web, pr.Number),
		"head":     obj{"ref": pr.Head}, "base": obj{"ref": pr.Base},
	}
}

func refJSON(api, full, branch, sha string) obj {
	return obj{"ref": "refs/heads/" + branch, "url": api + "repos/" + full + "/git/refs/heads/" + branch,
		"object": obj{"type": "commit", "sha": sha}}
}

func contentJSON(path, content string) obj {
	return obj{"type": "file", "encoding": "base64", "path": path, "name": path[strings.LastIndex(path, "/")+1:],
		"content": base64.StdEncoding.EncodeToString([]byte(content)), "sha": fmt.Sprintf("%x", len(content)+1000)}
}
