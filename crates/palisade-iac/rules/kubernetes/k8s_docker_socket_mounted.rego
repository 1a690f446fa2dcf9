# METADATA
# title: "Pod mounts the container runtime socket"
# description: "Access to the Docker or containerd socket is root on the node: whoever controls the pod can start privileged containers on the host."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-docker-socket-mounted
#   input: kubernetes
#   severity: critical
#   cwe: [CWE-250]
#   benchmark:
#     - "CIS Docker Benchmark 5.31"
#     - "OWASP Kubernetes Top 10 K01"
#   remediation: "Do not mount the runtime socket; use a build service or rootless builder (BuildKit, Kaniko) instead."
package palisade.checks.kubernetes.k8s_docker_socket_mounted

import rego.v1
import data.palisade.lib.kubernetes as k8s

sockets := {"/var/run/docker.sock", "/run/docker.sock", "/var/run/containerd/containerd.sock", "/run/containerd/containerd.sock", "/var/run/crio/crio.sock"}

deny contains {"msg": sprintf("%s mounts the container runtime socket %q", [k8s.workload, v.hostPath.path]), "path": array.concat(p.path, ["volumes", i, "hostPath", "path"])} if {
	some p in k8s.pod_specs
	some i, v in p.spec.volumes
	v.hostPath.path in sockets
}
