# METADATA
# title: "Secret written into a Compose environment"
# description: "A password or token written as a literal in `environment` is stored in the repository and visible in `docker inspect`."
# custom:
#   id: compose-secret-in-environment
#   input: compose
#   severity: high
#   cwe: [CWE-798]
#   benchmark:
#     - "CIS Docker Benchmark 4.10"
#   remediation: "Use Compose `secrets`, an env file kept out of version control, or `${VAR}` interpolation from the shell."
package palisade.checks.compose.compose_secret_in_environment

import rego.v1
import data.palisade.lib.compose as dc

secretish := `(?i)(passw(or)?d|secret|token|api_?key|private_?key|credential)`

not_a_secret := `(?i)_(file|path|dir|url|name|user(name)?|len(gth)?|id)$`

literal(v) if {
	is_string(v)
	v != ""
	not contains(v, "${")
}

deny contains {"msg": sprintf("service %q sets %q to a literal value; the name says it is a secret", [s.name, k]), "path": array.concat(s.path, ["environment", k])} if {
	some s in dc.services
	some k, v in s.s.environment
	is_string(k)
	regex.match(secretish, k)
	not regex.match(not_a_secret, k)
	literal(v)
}

deny contains {"msg": sprintf("service %q sets %q to a literal value; the name says it is a secret", [s.name, k]), "path": array.concat(s.path, ["environment", i])} if {
	some s in dc.services
	some i, entry in s.s.environment
	is_number(i)
	parts := split(entry, "=")
	count(parts) > 1
	k := parts[0]
	regex.match(secretish, k)
	not regex.match(not_a_secret, k)
	literal(concat("=", array.slice(parts, 1, count(parts))))
}
