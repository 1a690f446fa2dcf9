# METADATA
# title: "Container allows privilege escalation"
# description: "Unless `allowPrivilegeEscalation` is false, a process in the container can gain more privileges than its parent (setuid binaries, file capabilities)."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-privilege-escalation-allowed
#   input: kubernetes
#   severity: medium
#   cwe: [CWE-269]
#   benchmark:
#     - "Kubernetes Pod Security Standards (restricted): Privilege Escalation"
#   remediation: "Set `securityContext.allowPrivilegeEscalation: false` on every container."
package palisade.checks.kubernetes.k8s_privilege_escalation_allowed

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s: container %q allows privilege escalation", [k8s.workload, k8s.name(x)]), "path": array.concat(x.path, ["securityContext", "allowPrivilegeEscalation"])} if {
	some x in k8s.app_containers
	not x.c.securityContext.allowPrivilegeEscalation == false
}
