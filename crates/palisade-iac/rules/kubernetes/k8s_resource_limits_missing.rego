# METADATA
# title: "Container has no CPU or memory limits"
# description: "Without limits one container can exhaust the node's CPU or memory and starve every other workload on it (a denial of service, deliberate or not)."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-resource-limits-missing
#   input: kubernetes
#   severity: medium
#   cwe: [CWE-770]
#   benchmark:
#     - "CIS Kubernetes Benchmark 5.7"
#     - "OWASP Kubernetes Top 10 K07"
#   remediation: "Set `resources.limits.cpu` and `resources.limits.memory` (and requests) on every container."
package palisade.checks.kubernetes.k8s_resource_limits_missing

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s: container %q has no %s limit", [k8s.workload, k8s.name(x), concat(" or ", sort(missing))]), "path": x.path} if {
	some x in k8s.app_containers
	missing := {r | some r in ["cpu", "memory"]; not x.c.resources.limits[r]}
	count(missing) > 0
}
