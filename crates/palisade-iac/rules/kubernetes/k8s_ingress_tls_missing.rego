# METADATA
# title: "Ingress serves without TLS"
# description: "An Ingress without a `tls` section serves its hosts over plain HTTP."
# custom:
#   id: k8s-ingress-tls-missing
#   input: kubernetes
#   severity: low
#   cwe: [CWE-319]
#   benchmark:
#     - "CIS Kubernetes Benchmark 5.x (network)"
#   remediation: "Add a `tls` section with a certificate Secret (cert-manager can issue one)."
package palisade.checks.kubernetes.k8s_ingress_tls_missing

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("Ingress %q has no TLS", [object.get(input.metadata, "name", "")]), "path": ["spec"]} if {
	input.kind == "Ingress"
	not input.spec.tls
}
