# METADATA
# title: "Secret expanded into a run script"
# description: "A `${{ secrets.X }}` expression inside `run:` is pasted into the script text: it ends up in process lists, can reach logs unmasked when transformed, and breaks or injects when it contains shell syntax."
# custom:
#   id: gha-secret-echoed
#   input: github-actions
#   severity: high
#   cwe: [CWE-532]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-6 Insufficient Credential Hygiene"
#   remediation: "Map the secret to an environment variable (`env: TOKEN: ${{ secrets.TOKEN }}`) and read `\"$TOKEN\"` in the script, ideally via stdin to the tool."
package palisade.checks.github_actions.gha_secret_echoed

import rego.v1
import data.palisade.lib.actions as gha

deny contains {"msg": sprintf("step %q expands %q into its script", [gha.step_name(s), expr]), "path": array.concat(s.path, ["run"]), "match": m} if {
	some s in gha.steps
	is_string(s.step.run)
	some m in regex.find_n(`\$\{\{[^}]*\}\}`, s.step.run, -1)
	expr := trim_space(trim_suffix(trim_prefix(m, "${{"), "}}"))
	regex.match(`^secrets\.`, expr)
}
