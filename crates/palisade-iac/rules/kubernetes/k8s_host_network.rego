# METADATA
# title: "Pod shares the host network namespace"
# description: "`hostNetwork: true` puts the pod in the node's network namespace, so it can see (and for the network, bind and sniff on) everything the node does, bypassing network policies."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-host-network
#   input: kubernetes
#   severity: high
#   cwe: [CWE-668]
#   benchmark:
#     - "Kubernetes Pod Security Standards (baseline): Host Namespaces"
#     - "CIS Kubernetes Benchmark 5.2"
#   remediation: "Remove `hostNetwork: true`."
package palisade.checks.kubernetes.k8s_host_network

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s shares the host network namespace (hostNetwork)", [k8s.workload]), "path": array.concat(p.path, ["hostNetwork"])} if {
	some p in k8s.pod_specs
	p.spec.hostNetwork == true
}
