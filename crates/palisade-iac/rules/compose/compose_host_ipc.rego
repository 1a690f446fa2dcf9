# METADATA
# title: "Compose service shares the host IPC namespace"
# description: "`ipc: host` gives the service access to the host's shared memory and IPC objects."
# custom:
#   id: compose-host-ipc
#   input: compose
#   severity: medium
#   cwe: [CWE-668]
#   benchmark:
#     - "CIS Docker Benchmark 5.16"
#   remediation: "Remove `ipc: host` (use `shareable` between specific services if needed)."
package palisade.checks.compose.compose_host_ipc

import rego.v1
import data.palisade.lib.compose as dc

deny contains {"msg": sprintf("service %q shares the host IPC namespace", [s.name]), "path": array.concat(s.path, ["ipc"])} if {
	some s in dc.services
	s.s.ipc == "host"
}
