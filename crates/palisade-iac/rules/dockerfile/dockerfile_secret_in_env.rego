# METADATA
# title: "Secret written into ENV or ARG"
# description: "A value set with `ENV` (or an `ARG` default) is stored in the image configuration and its history: everyone who can pull the image can read it."
# custom:
#   id: dockerfile-secret-in-env
#   input: dockerfile
#   severity: high
#   cwe: [CWE-798]
#   benchmark:
#     - "CIS Docker Benchmark 4.10"
#   remediation: "Pass secrets at run time (environment from the orchestrator, mounted files) or use BuildKit secret mounts (`RUN --mount=type=secret`)."
package palisade.checks.dockerfile.dockerfile_secret_in_env

import rego.v1
import data.palisade.lib.dockerfile as df

secretish := `(?i)(passw(or)?d|secret|token|api_?key|private_?key|credential|access_?key)`

# Names that hold where a secret is, or a setting about it, not the secret.
not_a_secret := `(?i)_(file|path|dir|url|name|user(name)?|len(gth)?|id)$`

deny contains {"msg": sprintf("ENV sets %q to a literal value; the name says it is a secret", [name]), "path": [d.i]} if {
	some d in df.instructions
	d.x.Cmd == "env"
	some j, name in d.x.Value
	j % 2 == 0
	value := d.x.Value[j + 1]
	regex.match(secretish, name)
	not regex.match(not_a_secret, name)
	value != ""
	not startswith(value, "$")
}

deny contains {"msg": sprintf("ARG %q has a default value; the name says it is a secret", [name]), "path": [d.i]} if {
	some d in df.instructions
	d.x.Cmd == "arg"
	parts := split(d.x.Value[0], "=")
	count(parts) > 1
	name := parts[0]
	regex.match(secretish, name)
	not regex.match(not_a_secret, name)
	concat("=", array.slice(parts, 1, count(parts))) != ""
}
