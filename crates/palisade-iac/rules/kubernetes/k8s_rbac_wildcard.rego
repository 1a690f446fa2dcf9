# METADATA
# title: "Role grants wildcard access"
# description: "A Role or ClusterRole rule with `*` in verbs or resources grants every current and future permission in its scope."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-rbac-wildcard
#   input: kubernetes
#   severity: high
#   cwe: [CWE-269]
#   benchmark:
#     - "CIS Kubernetes Benchmark 5.1.3"
#     - "OWASP Kubernetes Top 10 K03"
#   remediation: "List the exact verbs and resources the subject needs."
package palisade.checks.kubernetes.k8s_rbac_wildcard

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s %q grants `*` %s", [input.kind, object.get(input.metadata, "name", ""), field]), "path": ["rules", i, field]} if {
	input.kind in {"Role", "ClusterRole"}
	some i, rule in input.rules
	some field in ["verbs", "resources", "apiGroups"]
	field != "apiGroups"
	"*" in rule[field]
}
