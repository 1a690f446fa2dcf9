# METADATA
# title: "Secrets passed to a reusable workflow wholesale"
# description: "`secrets: inherit` gives a called workflow every secret of the caller, including ones it has no use for; a compromised or third-party workflow gets them all."
# custom:
#   id: gha-secrets-inherit
#   input: github-actions
#   severity: medium
#   cwe: [CWE-200]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-6 Insufficient Credential Hygiene"
#   remediation: "Pass only the secrets the called workflow declares: `secrets: { token: ${{ secrets.TOKEN }} }`."
package palisade.checks.github_actions.gha_secrets_inherit

import rego.v1
import data.palisade.lib.actions as gha

deny contains {"msg": sprintf("job %q passes every secret to %q", [j.id, j.job.uses]), "path": array.concat(j.path, ["secrets"])} if {
	some j in gha.jobs
	j.job.secrets == "inherit"
}
