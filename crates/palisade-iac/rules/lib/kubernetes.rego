# Helpers for Kubernetes checks: the pod spec of every workload kind and its containers,
# each with the path to it in the manifest (for the finding's line).
package palisade.lib.kubernetes

import rego.v1

workload_kinds := {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"}

pod_specs contains {"spec": input.spec, "path": ["spec"]} if {
	input.kind == "Pod"
	is_object(input.spec)
}

pod_specs contains {"spec": input.spec.template.spec, "path": ["spec", "template", "spec"]} if {
	input.kind in workload_kinds
	is_object(input.spec.template.spec)
}

pod_specs contains {"spec": input.spec.jobTemplate.spec.template.spec, "path": ["spec", "jobTemplate", "spec", "template", "spec"]} if {
	input.kind == "CronJob"
	is_object(input.spec.jobTemplate.spec.template.spec)
}

pod_specs contains {"spec": input.template.spec, "path": ["template", "spec"]} if {
	input.kind == "PodTemplate"
	is_object(input.template.spec)
}

# Every container (init, regular, ephemeral) with its path.
containers contains {"c": c, "path": array.concat(p.path, [field, i]), "pod": p, "field": field} if {
	some p in pod_specs
	some field in ["initContainers", "containers", "ephemeralContainers"]
	some i, c in p.spec[field]
	is_object(c)
}

# Regular and init containers only (ephemeral ones take no resources or probes).
app_containers contains x if {
	some x in containers
	x.field != "ephemeralContainers"
}

name(x) := object.get(x.c, "name", "(unnamed)")

workload := sprintf("%s %s", [input.kind, object.get(object.get(input, "metadata", {}), "name", "(unnamed)")])

# The value a container's securityContext field takes: the container's own, else the pod's.
effective(x, field) := x.c.securityContext[field]

effective(x, field) := x.pod.spec.securityContext[field] if {
	not has_key(object.get(x.c, "securityContext", {}), field)
}

has_key(obj, k) if {
	is_object(obj)
	_ = obj[k]
}
