# METADATA
# title: "No seccomp profile set"
# description: "The restricted standard requires a `RuntimeDefault` or `Localhost` seccomp profile; without one, many runtimes run the container unconfined."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-seccomp-profile-missing
#   input: kubernetes
#   severity: low
#   cwe: [CWE-693]
#   benchmark:
#     - "Kubernetes Pod Security Standards (restricted): Seccomp"
#   remediation: "Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod."
package palisade.checks.kubernetes.k8s_seccomp_profile_missing

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s: container %q has no seccomp profile", [k8s.workload, k8s.name(x)]), "path": x.path} if {
	some x in k8s.app_containers
	not x.c.securityContext.seccompProfile.type
	not x.pod.spec.securityContext.seccompProfile.type
}
