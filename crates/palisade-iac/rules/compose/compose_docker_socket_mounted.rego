# METADATA
# title: "Compose service mounts the Docker socket"
# description: "A service with the Docker socket mounted controls the Docker daemon, which is root on the host."
# custom:
#   id: compose-docker-socket-mounted
#   input: compose
#   severity: critical
#   cwe: [CWE-250]
#   benchmark:
#     - "CIS Docker Benchmark 5.31"
#   remediation: "Do not mount `/var/run/docker.sock`; if a tool needs the API, put a filtering socket proxy in between."
package palisade.checks.compose.compose_docker_socket_mounted

import rego.v1
import data.palisade.lib.compose as dc

sockets := {"/var/run/docker.sock", "/run/docker.sock", "/var/run/containerd/containerd.sock", "/run/containerd/containerd.sock"}

deny contains {"msg": sprintf("service %q mounts the container runtime socket", [s.name]), "path": array.concat(s.path, ["volumes", i])} if {
	some s in dc.services
	some i, v in s.s.volumes
	dc.volume_source(v) in sockets
}
