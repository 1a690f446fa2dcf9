# METADATA
# title: "Container does not drop all capabilities"
# description: "The restricted standard requires containers to drop `ALL` capabilities and add back only `NET_BIND_SERVICE`; the runtime default set still includes capabilities most workloads never use."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-capabilities-not-dropped
#   input: kubernetes
#   severity: low
#   cwe: [CWE-250]
#   benchmark:
#     - "Kubernetes Pod Security Standards (restricted): Capabilities"
#   remediation: "Set `securityContext.capabilities.drop: [\"ALL\"]` on every container."
package palisade.checks.kubernetes.k8s_capabilities_not_dropped

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s: container %q does not drop ALL capabilities", [k8s.workload, k8s.name(x)]), "path": x.path} if {
	some x in k8s.app_containers
	not drops_all(x.c)
}

drops_all(c) if {
	some d in c.securityContext.capabilities.drop
	upper(d) == "ALL"
}
