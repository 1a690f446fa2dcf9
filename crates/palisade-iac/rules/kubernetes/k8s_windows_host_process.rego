# METADATA
# title: "Windows pod runs as a HostProcess"
# description: "A Windows HostProcess container runs directly on the host with the privileges of the host user; it is a privileged container for Windows nodes."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-windows-host-process
#   input: kubernetes
#   severity: high
#   cwe: [CWE-250]
#   benchmark:
#     - "Kubernetes Pod Security Standards (baseline): HostProcess"
#   remediation: "Remove `windowsOptions.hostProcess: true`."
package palisade.checks.kubernetes.k8s_windows_host_process

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s runs a Windows HostProcess container", [k8s.workload]), "path": array.concat(p.path, ["securityContext", "windowsOptions", "hostProcess"])} if {
	some p in k8s.pod_specs
	p.spec.securityContext.windowsOptions.hostProcess == true
}

deny contains {"msg": sprintf("%s: container %q is a Windows HostProcess container", [k8s.workload, k8s.name(x)]), "path": array.concat(x.path, ["securityContext", "windowsOptions", "hostProcess"])} if {
	some x in k8s.containers
	x.c.securityContext.windowsOptions.hostProcess == true
}
