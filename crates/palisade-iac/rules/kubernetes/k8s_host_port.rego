# METADATA
# title: "Container binds a host port"
# description: "A `hostPort` exposes the container directly on the node's interface, bypassing Services and network policies, and limits scheduling."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-host-port
#   input: kubernetes
#   severity: medium
#   cwe: [CWE-668]
#   benchmark:
#     - "Kubernetes Pod Security Standards (baseline): Host Ports"
#   remediation: "Remove `hostPort` and expose the port through a Service."
package palisade.checks.kubernetes.k8s_host_port

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s: container %q binds host port %v", [k8s.workload, k8s.name(x), port.hostPort]), "path": array.concat(x.path, ["ports", i, "hostPort"])} if {
	some x in k8s.containers
	some i, port in x.c.ports
	port.hostPort > 0
}
