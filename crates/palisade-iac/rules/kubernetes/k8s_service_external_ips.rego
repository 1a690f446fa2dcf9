# METADATA
# title: "Service sets externalIPs"
# description: "A Service with `externalIPs` makes the cluster intercept traffic to those addresses; whoever can create Services can hijack traffic for any IP (CVE-2020-8554)."
# custom:
#   id: k8s-service-external-ips
#   input: kubernetes
#   severity: medium
#   cwe: [CWE-284]
#   benchmark:
#     - "Kubernetes CVE-2020-8554"
#   remediation: "Remove `externalIPs`; use a LoadBalancer Service, and block the field with an admission policy."
package palisade.checks.kubernetes.k8s_service_external_ips

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("Service %q sets externalIPs", [object.get(input.metadata, "name", "")]), "path": ["spec", "externalIPs"]} if {
	input.kind == "Service"
	count(input.spec.externalIPs) > 0
}
