# METADATA
# title: "Subject bound to cluster-admin"
# description: "Binding `cluster-admin` gives the subject full control of the cluster; it should be kept to break-glass use."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-cluster-admin-binding
#   input: kubernetes
#   severity: high
#   cwe: [CWE-269]
#   benchmark:
#     - "CIS Kubernetes Benchmark 5.1.1"
#   remediation: "Bind a role with only the permissions the subject needs."
package palisade.checks.kubernetes.k8s_cluster_admin_binding

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s %q binds cluster-admin", [input.kind, object.get(input.metadata, "name", "")]), "path": ["roleRef", "name"]} if {
	input.kind in {"ClusterRoleBinding", "RoleBinding"}
	input.roleRef.name == "cluster-admin"
	not startswith(object.get(input.metadata, "name", ""), "system:")
}
