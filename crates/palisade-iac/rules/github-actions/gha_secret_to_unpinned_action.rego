# METADATA
# title: "Secret passed to an action not pinned to a commit"
# description: "A secret handed (in `with:` or `env:`) to a third-party action referenced by tag or branch goes to whatever code the action's owner, or whoever takes over the repository, publishes under that name next."
# custom:
#   id: gha-secret-to-unpinned-action
#   input: github-actions
#   severity: high
#   cwe: [CWE-829]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-3 Dependency Chain Abuse"
#   remediation: "Pin the action to a full commit SHA before giving it secrets, or pass the secret only to your own scripts."
package palisade.checks.github_actions.gha_secret_to_unpinned_action

import rego.v1
import data.palisade.lib.actions as gha

deny contains {"msg": sprintf("step %q gives a secret to %q, which is not pinned to a commit", [gha.step_name(s), s.step.uses]), "path": array.concat(s.path, [field, k])} if {
	some s in gha.steps
	uses := s.step.uses
	is_string(uses)
	not startswith(uses, "./")
	not startswith(uses, "docker://")
	not startswith(uses, "actions/")
	not regex.match(`@[0-9a-f]{40}$`, uses)
	some field in ["with", "env"]
	some k, v in s.step[field]
	is_string(v)
	regex.match(`\$\{\{\s*secrets\.`, v)
}
