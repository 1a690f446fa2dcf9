# METADATA
# title: "Workflow token has write-all permissions"
# description: "`permissions: write-all` gives the `GITHUB_TOKEN` write access to code, packages, releases and more; any compromised step can push to the repository."
# custom:
#   id: gha-permissions-write-all
#   input: github-actions
#   severity: high
#   cwe: [CWE-272]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-5 Insufficient PBAC"
#   remediation: "Set `permissions: {}` (or `contents: read`) at the top and grant each job only the scopes it uses."
package palisade.checks.github_actions.gha_permissions_write_all

import rego.v1
import data.palisade.lib.actions as gha

deny contains {"msg": "the workflow grants write-all permissions", "path": ["permissions"]} if input.permissions == "write-all"

deny contains {"msg": sprintf("job %q grants write-all permissions", [j.id]), "path": array.concat(j.path, ["permissions"])} if {
	some j in gha.jobs
	j.job.permissions == "write-all"
}
