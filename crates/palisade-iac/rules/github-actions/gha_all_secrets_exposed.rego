# METADATA
# title: "Every secret serialised into a step"
# description: "`${{ toJSON(secrets) }}` hands every secret of the repository and organisation to one step, whatever it needs."
# custom:
#   id: gha-all-secrets-exposed
#   input: github-actions
#   severity: high
#   cwe: [CWE-200]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-6 Insufficient Credential Hygiene"
#   remediation: "Pass only the secrets the step uses, one by one."
package palisade.checks.github_actions.gha_all_secrets_exposed

import rego.v1
import data.palisade.lib.actions as gha

strings contains {"s": v, "path": array.concat(s.path, ["env", k])} if {
	some s in gha.steps
	some k, v in s.step.env
	is_string(v)
}

strings contains {"s": s.step.run, "path": array.concat(s.path, ["run"])} if {
	some s in gha.steps
	is_string(s.step.run)
}

strings contains {"s": v, "path": array.concat(s.path, ["with", k])} if {
	some s in gha.steps
	some k, v in s.step["with"]
	is_string(v)
}

deny contains {"msg": "every secret is serialised into one step (toJSON(secrets))", "path": x.path} if {
	some x in strings
	regex.match(`(?i)tojson\(\s*secrets\s*\)`, x.s)
}
