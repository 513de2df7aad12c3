package fakegithub

import (
	"fmt"
	"hash/fnv"
	"strings"
	"time"
)

// The JSON below follows the fields of GitHub's REST responses (checked
// against recorded ones), so that clients decode what they will meet.

type obj = map[string]any

// stableID turns a name into a positive id that stays the same across runs.
func stableID(s string) int64 {
	h := fnv.New32a()
	h.Write([]byte(strings.ToLower(s)))
	return int64(h.Sum32()&0x7fffffff) + 1
}

func ts(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(time.RFC3339)
}

func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func userJSON(api, web, login string) obj {
	id := stableID("user/" + login)
	u := api + "users/" + login
	return obj{
		"login": login, "id": id, "node_id": "U_" + login,
		"avatar_url": "https://avatars.example.test/u/" + login, "gravatar_id": "",
		"url": u, "html_url": web + login,
		"followers_url": u + "/followers", "following_url": u + "/following{/other_user}",
		"gists_url": u + "/gists{/gist_id}", "starred_url": u + "/starred{/owner}{/repo}",
		"subscriptions_url": u + "/subscriptions", "organizations_url": u + "/orgs",
		"repos_url": u + "/repos", "events_url": u + "/events{/privacy}",
		"received_events_url": u + "/received_events", "type": "User", "site_admin": false,
	}
}

func reactionsJSON(url string, n int) obj {
	return obj{"url": url + "/reactions", "total_count": n, "+1": n, "-1": 0, "laugh": 0,
		"hooray": 0, "confused": 0, "heart": 0, "rocket": 0, "eyes": 0}
}

func repoJSON(api, web string, r Repo) obj {
	owner, name, _ := strings.Cut(r.FullName, "/")
	u := api + "repos/" + r.FullName
	vis := "public"
	if r.Private {
		vis = "private"
	}
	return obj{
		"id": stableID("repo/" + r.FullName), "node_id": "R_" + r.FullName, "name": name,
		"full_name": r.FullName, "private": r.Private, "owner": userJSON(api, web, owner),
		"html_url": web + r.FullName, "description": nil, "fork": false, "url": u,
		"pulls_url": u + "/pulls{/number}", "issues_url": u + "/issues{/number}",
		"created_at": "2020-01-01T00:00:00Z", "updated_at": "2020-01-01T00:00:00Z",
		"default_branch": "main", "visibility": vis, "archived": false, "disabled": false,
	}
}

func labelsJSON(api string, it *Item) []obj {
	out := []obj{}
	for _, l := range it.Labels {
		out = append(out, obj{
			"id": stableID("label/" + it.Repo + "/" + l), "node_id": "LA_" + l,
			"url":  api + "repos/" + it.Repo + "/labels/" + l,
			"name": l, "color": "ededed", "default": false, "description": nil,
		})
	}
	return out
}

// itemID is unique across repositories so that clients can dedupe by it.
func itemID(it *Item) int64 { return stableID("item/"+it.Repo)*100000 + int64(it.Number) }

// searchItemJSON is an entry of /search/issues: an issue, with a
// pull_request object for pull requests and repository_url (no repository).
func searchItemJSON(api, web string, it *Item) obj {
	u := api + "repos/" + it.Repo + "/issues/" + itoa(it.Number)
	kind := "issues"
	if it.PR {
		kind = "pull"
	}
	o := obj{
		"url": u, "repository_url": api + "repos/" + it.Repo,
		"labels_url": u + "/labels{/name}", "comments_url": u + "/comments",
		"events_url": u + "/events", "html_url": web + it.Repo + "/" + kind + "/" + itoa(it.Number),
		"id": itemID(it), "node_id": "I_" + itoa64(itemID(it)), "number": it.Number,
		"title": it.Title, "user": userJSON(api, web, it.Author), "labels": labelsJSON(api, it),
		"state": it.State, "locked": false, "assignee": nil, "assignees": []obj{},
		"milestone": nil, "comments": len(it.Comments), "created_at": ts(it.CreatedAt),
		"updated_at": ts(it.updated()), "closed_at": ts(it.ClosedAt),
		"author_association": "MEMBER", "active_lock_reason": nil, "body": orNil(it.Body),
		"reactions": reactionsJSON(u, it.Reactions), "timeline_url": u + "/timeline",
		"performed_via_github_app": nil, "state_reason": orNil(it.StateReason), "score": 1.0,
	}
	if it.PR {
		pu := api + "repos/" + it.Repo + "/pulls/" + itoa(it.Number)
		o["draft"] = it.Draft
		o["pull_request"] = obj{
			"url": pu, "html_url": web + it.Repo + "/pull/" + itoa(it.Number),
			"diff_url":  web + it.Repo + "/pull/" + itoa(it.Number) + ".diff",
			"patch_url": web + it.Repo + "/pull/" + itoa(it.Number) + ".patch",
			"merged_at": ts(it.MergedAt),
		}
	}
	return o
}

func reviewJSON(api, web string, it *Item, r Review) obj {
	pu := api + "repos/" + it.Repo + "/pulls/" + itoa(it.Number)
	html := web + it.Repo + "/pull/" + itoa(it.Number) + "#pullrequestreview-" + itoa64(r.ID)
	return obj{
		"id": r.ID, "node_id": "PRR_" + itoa64(r.ID), "user": userJSON(api, web, r.User),
		"body": r.Body, "state": r.State, "html_url": html, "pull_request_url": pu,
		"author_association": "MEMBER", "submitted_at": ts(r.SubmittedAt),
		"commit_id": "0123456789abcdef0123456789abcdef01234567",
		"_links":    obj{"html": obj{"href": html}, "pull_request": obj{"href": pu}},
	}
}

func reviewCommentJSON(api, web string, it *Item, c ReviewComment) obj {
	pu := api + "repos/" + it.Repo + "/pulls/" + itoa(it.Number)
	u := api + "repos/" + it.Repo + "/pulls/comments/" + itoa64(c.ID)
	html := web + it.Repo + "/pull/" + itoa(it.Number) + "#discussion_r" + itoa64(c.ID)
	o := obj{
		"url": u, "pull_request_review_id": c.ID + 1, "id": c.ID, "node_id": "PRRC_" + itoa64(c.ID),
		"diff_hunk": "@@ -1,3 +1,4 @@", "path": c.Path, "position": 2, "original_position": 2,
		"commit_id":          "0123456789abcdef0123456789abcdef01234567",
		"original_commit_id": "0123456789abcdef0123456789abcdef01234567",
		"user":               userJSON(api, web, c.User), "body": c.Body,
		"created_at": ts(c.CreatedAt), "updated_at": ts(c.CreatedAt), "html_url": html,
		"pull_request_url": pu, "author_association": "MEMBER",
		"_links":    obj{"self": obj{"href": u}, "html": obj{"href": html}, "pull_request": obj{"href": pu}},
		"reactions": reactionsJSON(u, 0), "start_line": nil, "original_start_line": nil,
		"start_side": nil, "line": 2, "original_line": 2, "side": "RIGHT", "subject_type": "line",
	}
	if c.InReplyTo != 0 {
		o["in_reply_to_id"] = c.InReplyTo
	}
	return o
}

func issueCommentJSON(api, web string, it *Item, c Comment) obj {
	u := api + "repos/" + it.Repo + "/issues/comments/" + itoa64(c.ID)
	kind := "issues"
	if it.PR {
		kind = "pull"
	}
	return obj{
		"url": u, "html_url": web + it.Repo + "/" + kind + "/" + itoa(it.Number) + "#issuecomment-" + itoa64(c.ID),
		"issue_url": api + "repos/" + it.Repo + "/issues/" + itoa(it.Number),
		"id":        c.ID, "node_id": "IC_" + itoa64(c.ID), "user": userJSON(api, web, c.User),
		"created_at": ts(c.CreatedAt), "updated_at": ts(c.CreatedAt),
		"author_association": "MEMBER", "body": c.Body, "reactions": reactionsJSON(u, 0),
		"performed_via_github_app": nil,
	}
}

func teamJSON(api, web string, t Team) obj {
	id := stableID("team/" + t.Org + "/" + t.Slug)
	return obj{
		"id": id, "node_id": "T_" + t.Slug, "slug": t.Slug, "name": t.Slug,
		"url":      fmt.Sprintf("%sorganizations/%d/team/%d", api, stableID("org/"+t.Org), id),
		"html_url": web + "orgs/" + t.Org + "/teams/" + t.Slug, "privacy": "closed", "permission": "pull",
		"organization": obj{"login": t.Org, "id": stableID("org/" + t.Org), "url": api + "orgs/" + t.Org},
	}
}
