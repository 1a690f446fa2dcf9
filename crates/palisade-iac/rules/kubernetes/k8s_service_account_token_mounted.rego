# METADATA
# title: "Service account token mounted automatically"
# description: "Every pod gets an API token for its service account unless `automountServiceAccountToken: false`; code execution in the pod then means API access with that account's rights."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-service-account-token-mounted
#   input: kubernetes
#   severity: low
#   cwe: [CWE-668]
#   benchmark:
#     - "CIS Kubernetes Benchmark 5.1.6"
#   remediation: "Set `automountServiceAccountToken: false` on the pod (or the service account) unless the workload talks to the Kubernetes API."
package palisade.checks.kubernetes.k8s_service_account_token_mounted

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s mounts a service account token automatically", [k8s.workload]), "path": p.path} if {
	some p in k8s.pod_specs
	not p.spec.automountServiceAccountToken == false
}
