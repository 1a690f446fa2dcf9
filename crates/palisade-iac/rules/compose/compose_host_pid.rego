# METADATA
# title: "Compose service shares the host PID namespace"
# description: "`pid: host` lets the service see and signal every process on the host."
# custom:
#   id: compose-host-pid
#   input: compose
#   severity: high
#   cwe: [CWE-668]
#   benchmark:
#     - "CIS Docker Benchmark 5.15"
#   remediation: "Remove `pid: host`; debug other containers with `docker exec` or a sidecar sharing only their namespace."
package palisade.checks.compose.compose_host_pid

import rego.v1
import data.palisade.lib.compose as dc

deny contains {"msg": sprintf("service %q shares the host PID namespace", [s.name]), "path": array.concat(s.path, ["pid"])} if {
	some s in dc.services
	s.s.pid == "host"
}
