# METADATA
# title: "Job container image not pinned to a digest"
# description: "A job or service container referenced by tag runs whatever the registry serves under that tag, with the job's token and secrets."
# custom:
#   id: gha-container-image-unpinned
#   input: github-actions
#   severity: medium
#   cwe: [CWE-829]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-3 Dependency Chain Abuse"
#   remediation: "Pin the image to its digest: `image: node:22@sha256:...`."
package palisade.checks.github_actions.gha_container_image_unpinned

import rego.v1
import data.palisade.lib.actions as gha

images contains {"image": j.job.container, "path": array.concat(j.path, ["container"])} if {
	some j in gha.jobs
	is_string(j.job.container)
}

images contains {"image": j.job.container.image, "path": array.concat(j.path, ["container", "image"])} if {
	some j in gha.jobs
	is_string(j.job.container.image)
}

images contains {"image": svc.image, "path": array.concat(j.path, ["services", name, "image"])} if {
	some j in gha.jobs
	some name, svc in j.job.services
	is_string(svc.image)
}

deny contains {"msg": sprintf("container image %q is not pinned to a digest", [i.image]), "path": i.path} if {
	some i in images
	not contains(i.image, "@sha256:")
	not contains(i.image, "${{")
}
