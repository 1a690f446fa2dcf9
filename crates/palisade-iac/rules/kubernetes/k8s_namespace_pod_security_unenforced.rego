# METADATA
# title: "Namespace does not enforce a Pod Security Standard"
# description: "Without a `pod-security.kubernetes.io/enforce` label, Pod Security Admission lets any pod into the namespace, privileged ones included."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-namespace-pod-security-unenforced
#   input: kubernetes
#   severity: low
#   cwe: [CWE-693]
#   benchmark:
#     - "Kubernetes Pod Security Standards: Pod Security Admission"
#   remediation: "Label the namespace `pod-security.kubernetes.io/enforce: baseline` (or `restricted`)."
package palisade.checks.kubernetes.k8s_namespace_pod_security_unenforced

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("Namespace %q does not enforce a Pod Security Standard", [object.get(input.metadata, "name", "")]), "path": ["metadata"]} if {
	input.kind == "Namespace"
	not input.metadata.labels["pod-security.kubernetes.io/enforce"]
}

deny contains {"msg": sprintf("Namespace %q enforces the privileged standard", [object.get(input.metadata, "name", "")]), "path": ["metadata", "labels", "pod-security.kubernetes.io/enforce"]} if {
	input.kind == "Namespace"
	input.metadata.labels["pod-security.kubernetes.io/enforce"] == "privileged"
}
