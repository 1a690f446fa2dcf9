# METADATA
# title: "Base image not pinned to a digest"
# description: "A base image referenced by tag (or `latest`, or no tag) can change under the same name: builds are not reproducible and a compromised or retagged image is pulled silently."
# custom:
#   id: dockerfile-base-image-unpinned
#   input: dockerfile
#   severity: medium
#   cwe: [CWE-829]
#   benchmark:
#     - "CIS Docker Benchmark 4.2"
#   remediation: "Pin the base image to its digest: `FROM python:3.12-slim@sha256:...`; let a bot (Renovate, Dependabot) update it."
package palisade.checks.dockerfile.dockerfile_base_image_unpinned

import rego.v1
import data.palisade.lib.dockerfile as df

deny contains {"msg": sprintf("base image %q is not pinned to a digest", [image]), "path": [d.i]} if {
	some d in df.instructions
	d.x.Cmd == "from"
	image := d.x.Value[0]
	not contains(image, "@sha256:")
	lower(image) != "scratch"
	not lower(image) in df.stage_names
	not startswith(image, "$")
}
