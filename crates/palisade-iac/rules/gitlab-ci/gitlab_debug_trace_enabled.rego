# METADATA
# title: "CI debug trace enabled"
# description: "`CI_DEBUG_TRACE: \"true\"` (or `CI_DEBUG_SERVICES`) prints every variable, masked secrets included in some contexts, and every command into the job log."
# custom:
#   id: gitlab-debug-trace-enabled
#   input: gitlab-ci
#   severity: medium
#   cwe: [CWE-532]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-6 Insufficient Credential Hygiene"
#   remediation: "Remove it from the committed file; enable it only for a one-off manual run."
package palisade.checks.gitlab_ci.gitlab_debug_trace_enabled

import rego.v1
import data.palisade.lib.gitlab as gl

vars contains {"v": input.variables, "path": ["variables"]} if is_object(input.variables)

vars contains {"v": j.job.variables, "path": array.concat(j.path, ["variables"])} if {
	some j in gl.jobs
	is_object(j.job.variables)
}

deny contains {"msg": sprintf("%s is on: job logs will contain variables", [k]), "path": array.concat(x.path, [k])} if {
	some x in vars
	some k in ["CI_DEBUG_TRACE", "CI_DEBUG_SERVICES"]
	lower(sprintf("%v", [x.v[k]])) in {"true", "1"}
}
