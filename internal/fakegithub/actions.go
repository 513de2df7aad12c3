package fakegithub

import (
	"net/url"
	"path"
	"strings"
	"time"
)

// WorkflowRun is one run of a workflow, for the Actions API's list of a
// workflow's runs.
type WorkflowRun struct {
	Repo       string    `json:"repo"`
	Workflow   string    `json:"workflow"` // its file, "deploy.yml"
	ID         int64     `json:"id"`
	Conclusion string    `json:"conclusion"` // "success", "failure", "cancelled"…
	CreatedAt  time.Time `json:"created_at"`
}

// workflowRuns answers GET /repos/{owner}/{repo}/actions/workflows/{file}/runs,
// with its created (A..B, >=A) and status filters and pagination; 404
// when the workflow has never run.
func (s *Scenario) workflowRuns(repo, file string, q url.Values, api string, reqURL *url.URL) (int, any, string) {
	created, err := parseRange(q.Get("created"))
	if q.Get("created") == "" {
		created, err = dayRange{}, nil
	}
	if err != nil {
		return 422, obj{"message": "Validation Failed"}, ""
	}
	known := false
	all := []any{}
	for i := len(s.Runs) - 1; i >= 0; i-- { // newest first, as GitHub lists them
		r := s.Runs[i]
		if !equalFold(r.Repo, repo) || r.Workflow != file {
			continue
		}
		known = true
		if !created.holds(r.CreatedAt) || q.Get("status") != "" && q.Get("status") != r.Conclusion {
			continue
		}
		all = append(all, workflowRunJSON(api, webBase, r))
	}
	if !known {
		return notFound()
	}
	page, link, _ := paginate(all, q, reqURL, api, 0)
	return 200, obj{"total_count": len(all), "workflow_runs": page}, link
}

func workflowRunJSON(api, web string, r WorkflowRun) obj {
	u := api + "repos/" + r.Repo + "/actions/runs/" + itoa64(r.ID)
	return obj{
		"id": r.ID, "name": strings.TrimSuffix(r.Workflow, path.Ext(r.Workflow)), "node_id": "WFR_" + itoa64(r.ID),
		"head_branch": "main", "head_sha": "0123456789abcdef0123456789abcdef01234567",
		"path": ".github/workflows/" + r.Workflow, "run_number": r.ID, "event": "push",
		"status": "completed", "conclusion": r.Conclusion, "workflow_id": stableID("workflow/" + r.Repo + "/" + r.Workflow),
		"url": u, "html_url": web + r.Repo + "/actions/runs/" + itoa64(r.ID),
		"created_at": ts(r.CreatedAt), "updated_at": ts(r.CreatedAt), "run_attempt": 1,
	}
}
