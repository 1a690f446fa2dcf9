# METADATA
# title: "Privileged trigger checks out untrusted code"
# description: "`pull_request_target` and `workflow_run` run with the base repository's secrets and a write token; checking out the pull request's head and building or testing it runs an outsider's code with those rights (\"pwn request\")."
# custom:
#   id: gha-pull-request-target-checkout
#   input: github-actions
#   severity: critical
#   cwe: [CWE-829]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-4 Poisoned Pipeline Execution"
#   remediation: "Use the `pull_request` trigger for building untrusted code; if `pull_request_target` is needed, never check out `github.event.pull_request.head.*` (or the `workflow_run` head) in it."
package palisade.checks.github_actions.gha_pull_request_target_checkout

import rego.v1
import data.palisade.lib.actions as gha

untrusted_ref(v) if {
	is_string(v)
	some needle in ["github.event.pull_request.head", "github.head_ref", "github.event.workflow_run.head", "refs/pull/"]
	contains(v, needle)
}

deny contains {"msg": sprintf("%s workflow checks out the pull request head in step %q", [trigger, gha.step_name(s)]), "path": array.concat(s.path, ["with", "ref"])} if {
	some trigger in gha.triggers
	trigger in {"pull_request_target", "workflow_run"}
	some s in gha.steps
	startswith(object.get(s.step, "uses", ""), "actions/checkout")
	untrusted_ref(s.step["with"].ref)
}
