# Helpers for GitHub Actions checks: jobs and steps with their paths.
package palisade.lib.actions

import rego.v1

jobs contains {"id": id, "job": job, "path": ["jobs", id]} if {
	some id, job in input.jobs
	is_object(job)
}

steps contains {"job": j, "step": s, "path": array.concat(j.path, ["steps", i])} if {
	some j in jobs
	some i, s in j.job.steps
	is_object(s)
}

# Composite action steps (action.yml).
steps contains {"job": {"id": "(composite action)", "job": {}, "path": []}, "step": s, "path": ["runs", "steps", i]} if {
	some i, s in input.runs.steps
	is_object(s)
}

# The workflow's triggers as a set of event names (`on: push`, `on: [push]`, `on: {push: ...}`).
triggers contains input.on if is_string(input.on)

triggers contains t if {
	is_array(input.on)
	some t in input.on
}

triggers contains t if {
	is_object(input.on)
	some t, _ in input.on
}

# Triggers that run with the base repository's secrets on code or text from forks.
privileged_triggers := {"pull_request_target", "workflow_run", "issue_comment", "issues", "discussion", "discussion_comment", "pull_request_review", "pull_request_review_comment"}

step_name(s) := object.get(s.step, "name", object.get(s.step, "uses", object.get(s.step, "id", "(unnamed step)")))

# Expressions an attacker controls (titles, bodies, branch names, commit messages, ...).
untrusted_contexts := [
	"github.event.issue.title",
	"github.event.issue.body",
	"github.event.pull_request.title",
	"github.event.pull_request.body",
	"github.event.pull_request.head.ref",
	"github.event.pull_request.head.label",
	"github.event.pull_request.head.repo.default_branch",
	"github.event.comment.body",
	"github.event.review.body",
	"github.event.review_comment.body",
	"github.event.discussion.title",
	"github.event.discussion.body",
	"github.event.head_commit.message",
	"github.event.head_commit.author.email",
	"github.event.head_commit.author.name",
	"github.event.commits",
	"github.event.pages",
	"github.event.workflow_run.head_branch",
	"github.event.workflow_run.head_commit.message",
	"github.event.workflow_run.head_commit.author.email",
	"github.event.workflow_run.head_commit.author.name",
	"github.event.workflow_run.display_title",
	"github.head_ref",
]

# Every `${{ ... }}` expression in a string, trimmed.
expressions(s) := [trim_space(m[1]) | some m in regex.find_all_string_submatch_n(`\$\{\{([^}]*)\}\}`, s, -1)]

untrusted(expr) if {
	some c in untrusted_contexts
	contains(expr, c)
}
