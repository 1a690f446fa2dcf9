# METADATA
# title: "Compose service adds dangerous capabilities"
# description: "Capabilities such as `SYS_ADMIN`, `NET_ADMIN`, `SYS_PTRACE` or `ALL` give the container powers close to root on the host."
# custom:
#   id: compose-capabilities-added
#   input: compose
#   severity: medium
#   cwe: [CWE-250]
#   benchmark:
#     - "CIS Docker Benchmark 5.3"
#   remediation: "Remove the capability from `cap_add`; drop `ALL` and add back only what the service needs."
package palisade.checks.compose.compose_capabilities_added

import rego.v1
import data.palisade.lib.compose as dc

dangerous := {"ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE", "DAC_READ_SEARCH", "SYS_RAWIO", "SYS_BOOT", "BPF", "PERFMON"}

deny contains {"msg": sprintf("service %q adds capability %s", [s.name, cap]), "path": array.concat(s.path, ["cap_add", i])} if {
	some s in dc.services
	some i, cap in s.s.cap_add
	upper(trim_prefix(cap, "CAP_")) in dangerous
}
