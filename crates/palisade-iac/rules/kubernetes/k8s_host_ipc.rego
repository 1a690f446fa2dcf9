# METADATA
# title: "Pod shares the host IPC namespace"
# description: "`hostIPC: true` puts the pod in the node's ipc namespace, so it can see (and for the network, bind and sniff on) everything the node does, bypassing network policies."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-host-ipc
#   input: kubernetes
#   severity: high
#   cwe: [CWE-668]
#   benchmark:
#     - "Kubernetes Pod Security Standards (baseline): Host Namespaces"
#     - "CIS Kubernetes Benchmark 5.2"
#   remediation: "Remove `hostIPC: true`."
package palisade.checks.kubernetes.k8s_host_ipc

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s shares the host ipc namespace (hostIPC)", [k8s.workload]), "path": array.concat(p.path, ["hostIPC"])} if {
	some p in k8s.pod_specs
	p.spec.hostIPC == true
}
