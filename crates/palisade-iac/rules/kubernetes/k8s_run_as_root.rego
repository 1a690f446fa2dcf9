# METADATA
# title: "Container may run as root"
# description: "Without `runAsNonRoot: true` (on the container or the pod) a container whose image has no `USER` runs as UID 0, and `runAsUser: 0` asks for root outright; root in a container is one kernel bug away from root on the node."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-run-as-root
#   input: kubernetes
#   severity: medium
#   cwe: [CWE-250]
#   benchmark:
#     - "Kubernetes Pod Security Standards (restricted): Running as Non-root"
#   remediation: "Set `securityContext.runAsNonRoot: true` (and a non-zero `runAsUser`) on the pod or the container."
package palisade.checks.kubernetes.k8s_run_as_root

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s: container %q runs as UID 0", [k8s.workload, k8s.name(x)]), "path": array.concat(x.path, ["securityContext", "runAsUser"])} if {
	some x in k8s.app_containers
	k8s.effective(x, "runAsUser") == 0
}

deny contains {"msg": sprintf("%s: container %q may run as root (runAsNonRoot is not true)", [k8s.workload, k8s.name(x)]), "path": x.path} if {
	some x in k8s.app_containers
	not k8s.effective(x, "runAsNonRoot") == true
	not k8s.effective(x, "runAsUser") == 0
	not non_root_user(x)
}

non_root_user(x) if k8s.effective(x, "runAsUser") > 0
