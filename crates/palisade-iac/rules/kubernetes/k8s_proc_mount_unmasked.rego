# METADATA
# title: "Container uses an unmasked /proc"
# description: "`procMount: Unmasked` removes the masking of sensitive /proc paths that the runtime applies by default."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-proc-mount-unmasked
#   input: kubernetes
#   severity: medium
#   cwe: [CWE-668]
#   benchmark:
#     - "Kubernetes Pod Security Standards (baseline): /proc Mount Type"
#   remediation: "Remove `procMount` or set it to `Default`."
package palisade.checks.kubernetes.k8s_proc_mount_unmasked

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s: container %q uses an unmasked /proc", [k8s.workload, k8s.name(x)]), "path": array.concat(x.path, ["securityContext", "procMount"])} if {
	some x in k8s.containers
	x.c.securityContext.procMount == "Unmasked"
}
