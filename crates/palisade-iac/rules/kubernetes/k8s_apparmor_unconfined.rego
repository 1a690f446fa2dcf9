# METADATA
# title: "AppArmor profile set to unconfined"
# description: "An `Unconfined` AppArmor profile removes the mandatory access control the runtime default profile gives."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-apparmor-unconfined
#   input: kubernetes
#   severity: medium
#   cwe: [CWE-693]
#   benchmark:
#     - "Kubernetes Pod Security Standards (baseline): AppArmor"
#   remediation: "Use the `RuntimeDefault` AppArmor profile (or a `Localhost` one)."
package palisade.checks.kubernetes.k8s_apparmor_unconfined

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s: AppArmor profile is Unconfined", [k8s.workload]), "path": array.concat(p.path, ["securityContext", "appArmorProfile", "type"])} if {
	some p in k8s.pod_specs
	p.spec.securityContext.appArmorProfile.type == "Unconfined"
}

deny contains {"msg": sprintf("%s: container %q has AppArmor profile Unconfined", [k8s.workload, k8s.name(x)]), "path": array.concat(x.path, ["securityContext", "appArmorProfile", "type"])} if {
	some x in k8s.containers
	x.c.securityContext.appArmorProfile.type == "Unconfined"
}

deny contains {"msg": sprintf("%s: annotation %q sets AppArmor to unconfined", [k8s.workload, key]), "path": ["metadata", "annotations", key]} if {
	some key, v in input.metadata.annotations
	startswith(key, "container.apparmor.security.beta.kubernetes.io/")
	v == "unconfined"
}
