# METADATA
# title: "Workflow input expanded into a run script"
# description: "`${{ inputs.x }}` or `${{ github.event.inputs.x }}` inside `run:` is pasted into the script; whoever can trigger the workflow (or a calling workflow passing outside text) can inject shell code."
# custom:
#   id: gha-input-injection
#   input: github-actions
#   severity: medium
#   cwe: [CWE-78]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-4 Poisoned Pipeline Execution"
#   remediation: "Pass the input through `env:` and use `\"$NAME\"` in the script."
package palisade.checks.github_actions.gha_input_injection

import rego.v1
import data.palisade.lib.actions as gha

deny contains {"msg": sprintf("step %q expands %q into its script", [gha.step_name(s), expr]), "path": array.concat(s.path, ["run"]), "match": m} if {
	some s in gha.steps
	is_string(s.step.run)
	some m in regex.find_n(`\$\{\{[^}]*\}\}`, s.step.run, -1)
	expr := trim_space(trim_suffix(trim_prefix(m, "${{"), "}}"))
	regex.match(`^(github\.event\.)?inputs\.`, expr)
}
