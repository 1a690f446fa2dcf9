# METADATA
# title: "Action not pinned to a commit SHA"
# description: "A tag or branch (`@v4`, `@main`) can be moved by whoever controls the action repository; the next run executes the new code with the workflow's token and secrets (as happened with tj-actions/changed-files)."
# custom:
#   id: gha-action-not-pinned
#   input: github-actions
#   severity: medium
#   cwe: [CWE-829]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-3 Dependency Chain Abuse"
#   remediation: "Pin every action to a full 40-character commit SHA and keep the version in a comment: `uses: actions/checkout@<sha> # v4.2.2`."
package palisade.checks.github_actions.gha_action_not_pinned

import rego.v1
import data.palisade.lib.actions as gha

deny contains {"msg": sprintf("step %q uses %q, not pinned to a full commit SHA", [gha.step_name(s), s.step.uses]), "path": array.concat(s.path, ["uses"])} if {
	some s in gha.steps
	unpinned(s.step.uses)
}

deny contains {"msg": sprintf("job %q calls reusable workflow %q, not pinned to a full commit SHA", [j.id, j.job.uses]), "path": array.concat(j.path, ["uses"])} if {
	some j in gha.jobs
	unpinned(j.job.uses)
}

unpinned(uses) if {
	is_string(uses)
	not startswith(uses, "./")
	not startswith(uses, "docker://")
	not regex.match(`@[0-9a-f]{40}$`, uses)
}
