# METADATA
# title: "Container runs privileged"
# description: "A privileged container has every capability and direct access to the host devices: a compromise of the container is a compromise of the node."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-privileged-container
#   input: kubernetes
#   severity: high
#   cwe: [CWE-250]
#   benchmark:
#     - "Kubernetes Pod Security Standards (baseline): Privileged Containers"
#     - "CIS Kubernetes Benchmark 5.2.2"
#   remediation: "Remove `securityContext.privileged: true`; grant only the capabilities the workload needs."
package palisade.checks.kubernetes.k8s_privileged_container

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s: container %q runs privileged", [k8s.workload, k8s.name(x)]), "path": array.concat(x.path, ["securityContext", "privileged"])} if {
	some x in k8s.containers
	x.c.securityContext.privileged == true
}
