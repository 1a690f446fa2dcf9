# METADATA
# title: "Compose service runs privileged"
# description: "A privileged service gets every capability and the host devices: a compromise of the container is a compromise of the host."
# custom:
#   id: compose-privileged
#   input: compose
#   severity: high
#   cwe: [CWE-250]
#   benchmark:
#     - "CIS Docker Benchmark 5.4"
#   remediation: "Remove `privileged: true`; add only the capabilities the service needs with `cap_add`."
package palisade.checks.compose.compose_privileged

import rego.v1
import data.palisade.lib.compose as dc

deny contains {"msg": sprintf("service %q runs privileged", [s.name]), "path": array.concat(s.path, ["privileged"])} if {
	some s in dc.services
	s.s.privileged == true
}
