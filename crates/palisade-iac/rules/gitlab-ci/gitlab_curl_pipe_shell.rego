# METADATA
# title: "Job pipes a download into a shell"
# description: "Piping a download into `sh` runs whatever the server returns, unverified, with the job's variables and tokens."
# custom:
#   id: gitlab-curl-pipe-shell
#   input: gitlab-ci
#   severity: high
#   cwe: [CWE-494]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-3 Dependency Chain Abuse"
#   remediation: "Download, verify a checksum or signature, then run; or use a pinned image that already has the tool."
package palisade.checks.gitlab_ci.gitlab_curl_pipe_shell

import rego.v1
import data.palisade.lib.gitlab as gl

deny contains {"msg": sprintf("job %q pipes a download into a shell", [s.job]), "path": s.path} if {
	some s in gl.script_lines
	regex.match(`(curl|wget)[^|;&]*\|\s*(sudo\s+)?(ba|z|da)?sh\b`, s.line)
}
