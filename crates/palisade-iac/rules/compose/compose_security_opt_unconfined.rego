# METADATA
# title: "Compose service disables seccomp or AppArmor"
# description: "`seccomp:unconfined` or `apparmor:unconfined` in `security_opt` removes the kernel protections Docker applies by default."
# custom:
#   id: compose-security-opt-unconfined
#   input: compose
#   severity: medium
#   cwe: [CWE-693]
#   benchmark:
#     - "CIS Docker Benchmark 5.21"
#   remediation: "Remove the option, or point it at a custom profile."
package palisade.checks.compose.compose_security_opt_unconfined

import rego.v1
import data.palisade.lib.compose as dc

deny contains {"msg": sprintf("service %q sets %q", [s.name, opt]), "path": array.concat(s.path, ["security_opt", i])} if {
	some s in dc.services
	some i, opt in s.s.security_opt
	regex.match(`^(seccomp|apparmor)[:=]unconfined$`, opt)
}
