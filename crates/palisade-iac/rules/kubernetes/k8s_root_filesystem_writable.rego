# METADATA
# title: "Container root file system is writable"
# description: "A writable root file system lets an attacker who gets code execution drop tools and persist changes inside the container."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-root-filesystem-writable
#   input: kubernetes
#   severity: low
#   cwe: [CWE-732]
#   benchmark:
#     - "CIS Kubernetes Benchmark 5.7.3"
#   remediation: "Set `securityContext.readOnlyRootFilesystem: true` and mount `emptyDir` volumes where the application must write."
package palisade.checks.kubernetes.k8s_root_filesystem_writable

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s: container %q has a writable root file system", [k8s.workload, k8s.name(x)]), "path": array.concat(x.path, ["securityContext", "readOnlyRootFilesystem"])} if {
	some x in k8s.app_containers
	not x.c.securityContext.readOnlyRootFilesystem == true
}
