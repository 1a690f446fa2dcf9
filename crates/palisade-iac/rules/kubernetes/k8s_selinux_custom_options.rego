# METADATA
# title: "Pod sets custom SELinux options"
# description: "Setting an SELinux `user` or `role`, or a `type` other than the container types, can lift the confinement the runtime applies."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-selinux-custom-options
#   input: kubernetes
#   severity: medium
#   cwe: [CWE-693]
#   benchmark:
#     - "Kubernetes Pod Security Standards (baseline): SELinux"
#   remediation: "Remove `seLinuxOptions`, or use only `type` values `container_t`, `container_init_t`, `container_kvm_t` or `container_engine_t`."
package palisade.checks.kubernetes.k8s_selinux_custom_options

import rego.v1
import data.palisade.lib.kubernetes as k8s

allowed_types := {"container_t", "container_init_t", "container_kvm_t", "container_engine_t"}

contexts contains {"o": p.spec.securityContext.seLinuxOptions, "path": array.concat(p.path, ["securityContext", "seLinuxOptions"])} if {
	some p in k8s.pod_specs
	is_object(p.spec.securityContext.seLinuxOptions)
}

contexts contains {"o": x.c.securityContext.seLinuxOptions, "path": array.concat(x.path, ["securityContext", "seLinuxOptions"])} if {
	some x in k8s.containers
	is_object(x.c.securityContext.seLinuxOptions)
}

deny contains {"msg": sprintf("%s sets SELinux %s", [k8s.workload, field]), "path": array.concat(s.path, [field])} if {
	some s in contexts
	some field in ["user", "role"]
	s.o[field]
}

deny contains {"msg": sprintf("%s sets SELinux type %q", [k8s.workload, s.o.type]), "path": array.concat(s.path, ["type"])} if {
	some s in contexts
	s.o.type
	not s.o.type in allowed_types
}
