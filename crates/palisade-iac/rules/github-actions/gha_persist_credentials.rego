# METADATA
# title: "Checkout leaves the token in the git config"
# description: "`actions/checkout` writes the job token into `.git/config` unless `persist-credentials: false`; every later step (and any artifact that includes the checkout) can read it."
# custom:
#   id: gha-persist-credentials
#   input: github-actions
#   severity: medium
#   cwe: [CWE-522]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-6 Insufficient Credential Hygiene"
#   remediation: "Set `persist-credentials: false` on every checkout that does not need to push."
package palisade.checks.github_actions.gha_persist_credentials

import rego.v1
import data.palisade.lib.actions as gha

deny contains {"msg": sprintf("checkout step %q keeps the token in .git/config", [gha.step_name(s)]), "path": s.path} if {
	some s in gha.steps
	startswith(object.get(s.step, "uses", ""), "actions/checkout")
	not persist_off(s.step)
}

persist_off(step) if step["with"]["persist-credentials"] == false

persist_off(step) if step["with"]["persist-credentials"] == "false"
