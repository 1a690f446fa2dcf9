# METADATA
# title: "Role can escalate, bind or impersonate"
# description: "The `escalate`, `bind` and `impersonate` verbs let a subject grant itself permissions it does not have or act as another user."
# custom:
#   id: k8s-rbac-privilege-escalation-verbs
#   input: kubernetes
#   severity: high
#   cwe: [CWE-269]
#   benchmark:
#     - "CIS Kubernetes Benchmark 5.1"
#   remediation: "Remove these verbs; only cluster administrators need them."
package palisade.checks.kubernetes.k8s_rbac_privilege_escalation_verbs

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s %q can escalate, bind or impersonate", [input.kind, object.get(input.metadata, "name", "")]), "path": ["rules", i]} if {
	input.kind in {"Role", "ClusterRole"}
	some i, rule in input.rules
	some v in rule.verbs
	v in {"escalate", "bind", "impersonate"}
}
