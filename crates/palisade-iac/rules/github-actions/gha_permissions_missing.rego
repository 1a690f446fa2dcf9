# METADATA
# title: "Workflow does not declare token permissions"
# description: "Without a `permissions` key the token gets the repository's default, which on older repositories and organisations is read-write for every scope."
# custom:
#   id: gha-permissions-missing
#   input: github-actions
#   severity: low
#   cwe: [CWE-272]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-5 Insufficient PBAC"
#   remediation: "Add `permissions: {}` (or the scopes needed) at the workflow level, or on every job."
package palisade.checks.github_actions.gha_permissions_missing

import rego.v1
import data.palisade.lib.actions as gha

deny contains {"msg": "the workflow does not set token permissions (the repository default applies)", "path": ["on"]} if {
	is_object(input.jobs)
	not input.permissions
	some j in gha.jobs
	not j.job.permissions
	not j.job.uses
}
