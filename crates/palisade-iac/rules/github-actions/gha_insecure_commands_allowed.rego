# METADATA
# title: "Deprecated set-env commands re-enabled"
# description: "`ACTIONS_ALLOW_UNSECURE_COMMANDS: true` turns the removed `set-env` and `add-path` log commands back on, so any text a step prints (a PR title, a log line) can set environment variables for later steps."
# custom:
#   id: gha-insecure-commands-allowed
#   input: github-actions
#   severity: high
#   cwe: [CWE-78]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-4 Poisoned Pipeline Execution"
#   remediation: "Remove the variable and write to `$GITHUB_ENV` / `$GITHUB_PATH` instead."
package palisade.checks.github_actions.gha_insecure_commands_allowed

import rego.v1
import data.palisade.lib.actions as gha

envs contains {"env": input.env, "path": ["env"]} if is_object(input.env)

envs contains {"env": j.job.env, "path": array.concat(j.path, ["env"])} if {
	some j in gha.jobs
	is_object(j.job.env)
}

envs contains {"env": s.step.env, "path": array.concat(s.path, ["env"])} if {
	some s in gha.steps
	is_object(s.step.env)
}

deny contains {"msg": "ACTIONS_ALLOW_UNSECURE_COMMANDS re-enables set-env and add-path", "path": array.concat(e.path, ["ACTIONS_ALLOW_UNSECURE_COMMANDS"])} if {
	some e in envs
	lower(sprintf("%v", [e.env.ACTIONS_ALLOW_UNSECURE_COMMANDS])) == "true"
}
