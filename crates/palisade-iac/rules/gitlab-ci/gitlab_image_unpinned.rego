# METADATA
# title: "Job image not pinned to a digest"
# description: "A job image referenced by tag (or `latest`) runs whatever the registry serves under that name at the time, with the job's variables and tokens."
# custom:
#   id: gitlab-image-unpinned
#   input: gitlab-ci
#   severity: medium
#   cwe: [CWE-829]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-3 Dependency Chain Abuse"
#   remediation: "Pin images to a digest: `image: python:3.12@sha256:...`."
package palisade.checks.gitlab_ci.gitlab_image_unpinned

import rego.v1
import data.palisade.lib.gitlab as gl

deny contains {"msg": sprintf("image %q is not pinned to a digest", [i.image]), "path": i.path} if {
	some i in gl.images
	is_string(i.image)
	not contains(i.image, "@sha256:")
	not startswith(i.image, "$")
}
