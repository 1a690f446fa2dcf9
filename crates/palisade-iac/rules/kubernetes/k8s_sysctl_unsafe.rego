# METADATA
# title: "Pod sets an unsafe sysctl"
# description: "Sysctls outside the safe set affect the whole node (or other pods), not only the pod that sets them."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-sysctl-unsafe
#   input: kubernetes
#   severity: medium
#   cwe: [CWE-668]
#   benchmark:
#     - "Kubernetes Pod Security Standards (baseline): Sysctls"
#   remediation: "Remove the sysctl, or restrict it to the safe set the baseline standard lists."
package palisade.checks.kubernetes.k8s_sysctl_unsafe

import rego.v1
import data.palisade.lib.kubernetes as k8s

safe := {"kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"}

deny contains {"msg": sprintf("%s sets unsafe sysctl %q", [k8s.workload, s.name]), "path": array.concat(p.path, ["securityContext", "sysctls", i])} if {
	some p in k8s.pod_specs
	some i, s in p.spec.securityContext.sysctls
	not s.name in safe
}
