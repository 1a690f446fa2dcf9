# METADATA
# title: "Pod mounts a host path"
# description: "A `hostPath` volume exposes the node's file system to the pod; writable mounts of host paths are a common container escape."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-host-path-volume
#   input: kubernetes
#   severity: medium
#   cwe: [CWE-668]
#   benchmark:
#     - "Kubernetes Pod Security Standards (baseline): HostPath Volumes"
#   remediation: "Use a persistentVolumeClaim, configMap, secret or emptyDir volume instead of `hostPath`."
package palisade.checks.kubernetes.k8s_host_path_volume

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s mounts host path %q (volume %q)", [k8s.workload, object.get(v.hostPath, "path", ""), object.get(v, "name", "")]), "path": array.concat(p.path, ["volumes", i, "hostPath"])} if {
	some p in k8s.pod_specs
	some i, v in p.spec.volumes
	is_object(v.hostPath)
}
