# METADATA
# title: "Job turns TLS verification off"
# description: "`GIT_SSL_NO_VERIFY`, `curl -k` or `--insecure` accept any certificate, so anyone on the network path can swap the code or tools the job fetches."
# custom:
#   id: gitlab-tls-verification-disabled
#   input: gitlab-ci
#   severity: high
#   cwe: [CWE-295]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-7 Insecure System Configuration"
#   remediation: "Install the CA certificate the server uses (`CI_SERVER_TLS_CA_FILE`) instead of turning verification off."
package palisade.checks.gitlab_ci.gitlab_tls_verification_disabled

import rego.v1
import data.palisade.lib.gitlab as gl

deny contains {"msg": "GIT_SSL_NO_VERIFY turns off TLS verification for git", "path": ["variables", "GIT_SSL_NO_VERIFY"]} if {
	lower(sprintf("%v", [input.variables.GIT_SSL_NO_VERIFY])) in {"true", "1"}
}

deny contains {"msg": sprintf("job %q downloads with TLS verification off", [s.job]), "path": s.path} if {
	some s in gl.script_lines
	regex.match(`(curl(\s[^;&|]*)?\s(-k|--insecure)(\s|$))|wget\s[^;&|]*--no-check-certificate|sslVerify=false`, s.line)
}
