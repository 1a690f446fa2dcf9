# METADATA
# title: "Role can read Secrets"
# description: "`get`, `list` or `watch` on `secrets` lets the subject read every credential in the namespace (or cluster), including service account tokens."
# custom:
#   id: k8s-rbac-secrets-read
#   input: kubernetes
#   severity: medium
#   cwe: [CWE-269]
#   benchmark:
#     - "CIS Kubernetes Benchmark 5.1"
#   remediation: "Grant access to named Secrets only (`resourceNames`), or mount the Secret into the workload that needs it."
package palisade.checks.kubernetes.k8s_rbac_secrets_read

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s %q can read Secrets", [input.kind, object.get(input.metadata, "name", "")]), "path": ["rules", i]} if {
	input.kind in {"Role", "ClusterRole"}
	some i, rule in input.rules
	some r in rule.resources
	r in {"secrets", "*"}
	some v in rule.verbs
	v in {"get", "list", "watch", "*"}
	not rule.resourceNames
}
