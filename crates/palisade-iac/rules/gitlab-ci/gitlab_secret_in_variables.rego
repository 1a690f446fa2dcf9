# METADATA
# title: "Secret written into CI variables"
# description: "A password or token written into `variables:` of `.gitlab-ci.yml` is in the repository for everyone who can read it, in every fork, and unmasked and unprotected."
# custom:
#   id: gitlab-secret-in-variables
#   input: gitlab-ci
#   severity: high
#   cwe: [CWE-798]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-6 Insufficient Credential Hygiene"
#   remediation: "Define it as a masked and protected CI/CD variable in the project or group settings (or use an external secrets provider) and refer to it by name."
package palisade.checks.gitlab_ci.gitlab_secret_in_variables

import rego.v1
import data.palisade.lib.gitlab as gl

secretish := `(?i)(passw(or)?d|secret|token|api_?key|private_?key|credential)`

not_a_secret := `(?i)_(file|path|dir|url|name|user(name)?|len(gth)?|id)$`

value(v) := v if is_string(v)

value(v) := v.value if is_object(v)

literal(v) if {
	is_string(v)
	v != ""
	not startswith(v, "$")
}

deny contains {"msg": sprintf("variable %q is written in the file; the name says it is a secret", [k]), "path": ["variables", k]} if {
	some k, v in input.variables
	regex.match(secretish, k)
	not regex.match(not_a_secret, k)
	literal(value(v))
}

deny contains {"msg": sprintf("job %q variable %q is written in the file; the name says it is a secret", [j.name, k]), "path": array.concat(j.path, ["variables", k])} if {
	some j in gl.jobs
	some k, v in j.job.variables
	regex.match(secretish, k)
	not regex.match(not_a_secret, k)
	literal(value(v))
}
