# METADATA
# title: "Role can exec into pods"
# description: "`create` on `pods/exec` or `pods/attach` gives a shell in any pod in scope, with that pod's service account and mounted secrets."
# custom:
#   id: k8s-rbac-pod-exec
#   input: kubernetes
#   severity: medium
#   cwe: [CWE-269]
#   benchmark:
#     - "CIS Kubernetes Benchmark 5.1"
#   remediation: "Remove the permission; use break-glass access for debugging."
package palisade.checks.kubernetes.k8s_rbac_pod_exec

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s %q can exec into pods", [input.kind, object.get(input.metadata, "name", "")]), "path": ["rules", i]} if {
	input.kind in {"Role", "ClusterRole"}
	some i, rule in input.rules
	some r in rule.resources
	r in {"pods/exec", "pods/attach"}
	some v in rule.verbs
	v in {"create", "get", "*"}
}
