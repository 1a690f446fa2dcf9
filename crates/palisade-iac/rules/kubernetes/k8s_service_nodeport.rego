# METADATA
# title: "Service exposed on every node"
# description: "A NodePort Service opens a port on every node of the cluster, bypassing the ingress controller and often the cloud load balancer's controls."
# custom:
#   id: k8s-service-nodeport
#   input: kubernetes
#   severity: low
#   cwe: [CWE-668]
#   benchmark:
#     - "CIS Kubernetes Benchmark 5.x (network)"
#   remediation: "Use a ClusterIP Service behind an Ingress or a LoadBalancer with source ranges."
package palisade.checks.kubernetes.k8s_service_nodeport

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("Service %q is a NodePort", [object.get(input.metadata, "name", "")]), "path": ["spec", "type"]} if {
	input.kind == "Service"
	input.spec.type == "NodePort"
}
