# METADATA
# title: "Compose service uses the host network"
# description: "`network_mode: host` removes network isolation: the service can bind any host port and reach every local service, including ones bound to localhost."
# custom:
#   id: compose-host-network
#   input: compose
#   severity: medium
#   cwe: [CWE-668]
#   benchmark:
#     - "CIS Docker Benchmark 5.9"
#   remediation: "Use a bridge network and publish only the ports needed."
package palisade.checks.compose.compose_host_network

import rego.v1
import data.palisade.lib.compose as dc

deny contains {"msg": sprintf("service %q uses the host network", [s.name]), "path": array.concat(s.path, ["network_mode"])} if {
	some s in dc.services
	s.s.network_mode == "host"
}
