# METADATA
# title: "Compose image not pinned to a digest"
# description: "An image referenced by tag can change under the same name; `docker compose pull` then runs something nobody reviewed."
# custom:
#   id: compose-image-unpinned
#   input: compose
#   severity: low
#   cwe: [CWE-829]
#   benchmark:
#     - "CIS Docker Benchmark 4.2"
#   remediation: "Pin images to a digest: `image: postgres:16@sha256:...`."
package palisade.checks.compose.compose_image_unpinned

import rego.v1
import data.palisade.lib.compose as dc

deny contains {"msg": sprintf("service %q image %q is not pinned to a digest", [s.name, s.s.image]), "path": array.concat(s.path, ["image"])} if {
	some s in dc.services
	is_string(s.s.image)
	not contains(s.s.image, "@sha256:")
	not contains(s.s.image, "${")
}
