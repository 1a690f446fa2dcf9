# METADATA
# title: "Container adds capabilities beyond the baseline"
# description: "Capabilities such as `SYS_ADMIN`, `NET_ADMIN` or `SYS_PTRACE` give a container powers close to root on the node; the baseline standard allows only a short list."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-capabilities-added
#   input: kubernetes
#   severity: medium
#   cwe: [CWE-250]
#   benchmark:
#     - "Kubernetes Pod Security Standards (baseline): Capabilities"
#   remediation: "Remove the capability from `securityContext.capabilities.add`, or drop the requirement in the workload."
package palisade.checks.kubernetes.k8s_capabilities_added

import rego.v1
import data.palisade.lib.kubernetes as k8s

allowed := {"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT"}

deny contains {"msg": sprintf("%s: container %q adds capability %s", [k8s.workload, k8s.name(x), cap]), "path": array.concat(x.path, ["securityContext", "capabilities", "add", i])} if {
	some x in k8s.containers
	some i, cap in x.c.securityContext.capabilities.add
	not upper(trim_prefix(cap, "CAP_")) in allowed
}
