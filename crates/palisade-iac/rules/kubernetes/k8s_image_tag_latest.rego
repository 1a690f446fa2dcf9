# METADATA
# title: "Container image uses a mutable tag"
# description: "An image referenced by `:latest` or with no tag at all can change under the same name: deployments are not reproducible and a compromised registry push is picked up silently."
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
# custom:
#   id: k8s-image-tag-latest
#   input: kubernetes
#   severity: medium
#   cwe: [CWE-829]
#   benchmark:
#     - "CIS Kubernetes Benchmark 5.5"
#     - "OWASP Kubernetes Top 10 K02"
#   remediation: "Pin the image to a version tag and, better, to its digest (`image: repo@sha256:...`)."
package palisade.checks.kubernetes.k8s_image_tag_latest

import rego.v1
import data.palisade.lib.kubernetes as k8s

deny contains {"msg": sprintf("%s: container %q uses image %q with a mutable tag", [k8s.workload, k8s.name(x), x.c.image]), "path": array.concat(x.path, ["image"])} if {
	some x in k8s.containers
	is_string(x.c.image)
	not contains(x.c.image, "@sha256:")
	mutable(x.c.image)
}

mutable(image) if endswith(image, ":latest")

mutable(image) if {
	last := regex.replace(image, `^.*/`, "")
	not contains(last, ":")
}
