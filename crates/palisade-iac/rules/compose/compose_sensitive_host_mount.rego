# METADATA
# title: "Compose service mounts a sensitive host path"
# description: "Mounting `/`, `/etc`, `/root`, `/proc`, `/sys`, `/boot` or `/var/lib/docker` from the host exposes host configuration and credentials, and writable mounts let the container change the host."
# custom:
#   id: compose-sensitive-host-mount
#   input: compose
#   severity: high
#   cwe: [CWE-668]
#   benchmark:
#     - "CIS Docker Benchmark 5.5"
#   remediation: "Mount only the application's own data directories."
package palisade.checks.compose.compose_sensitive_host_mount

import rego.v1
import data.palisade.lib.compose as dc

sensitive := {"/", "/etc", "/root", "/proc", "/sys", "/boot", "/dev", "/var/lib/docker", "/var/run", "/run", "/home"}

deny contains {"msg": sprintf("service %q mounts host path %q", [s.name, src]), "path": array.concat(s.path, ["volumes", i])} if {
	some s in dc.services
	some i, v in s.s.volumes
	src := trim_suffix(dc.volume_source(v), "/")
	normalized := {true: "/", false: src}[src == ""]
	normalized in sensitive
}
