# METADATA
# title: "Seccomp profile set to Unconfined"
# description: "An `Unconfined` seccomp profile lets the container make every system call, including the ones most kernel exploits need."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-seccomp-unconfined
#   input: kubernetes
#   severity: medium
#   cwe: [CWE-693]
#   benchmark:
#     - "Kubernetes Pod Security Standards (baseline): Seccomp"
#   remediation: "Use `seccompProfile.type: RuntimeDefault` (or a `Localhost` profile)."
package palisade.checks.kubernetes.k8s_seccomp_unconfined

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s: seccomp profile is Unconfined", [k8s.workload]), "path": array.concat(p.path, ["securityContext", "seccompProfile", "type"])} if {
	some p in k8s.pod_specs
	p.spec.securityContext.seccompProfile.type == "Unconfined"
}

deny contains {"msg": sprintf("%s: container %q has seccomp profile Unconfined", [k8s.workload, k8s.name(x)]), "path": array.concat(x.path, ["securityContext", "seccompProfile", "type"])} if {
	some x in k8s.containers
	x.c.securityContext.seccompProfile.type == "Unconfined"
}
