# METADATA
# title: "Docker-in-Docker without TLS"
# description: "Setting `DOCKER_TLS_CERTDIR` to empty (or `DOCKER_HOST` to `tcp://...:2375`) makes the privileged Docker-in-Docker daemon listen without TLS, so any container on the runner network can drive it."
# custom:
#   id: gitlab-docker-tls-disabled
#   input: gitlab-ci
#   severity: medium
#   cwe: [CWE-319]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-7 Insecure System Configuration"
#   remediation: "Keep `DOCKER_TLS_CERTDIR: \"/certs\"` and use `tcp://docker:2376`."
package palisade.checks.gitlab_ci.gitlab_docker_tls_disabled

import rego.v1
import data.palisade.lib.gitlab as gl

all_vars contains {"k": k, "v": v, "path": ["variables", k]} if some k, v in input.variables

all_vars contains {"k": k, "v": v, "path": array.concat(j.path, ["variables", k])} if {
	some j in gl.jobs
	some k, v in j.job.variables
}

deny contains {"msg": "Docker-in-Docker runs without TLS (DOCKER_TLS_CERTDIR is empty)", "path": x.path} if {
	some x in all_vars
	x.k == "DOCKER_TLS_CERTDIR"
	x.v == ""
}

deny contains {"msg": "DOCKER_HOST points at the plain-text port 2375", "path": x.path} if {
	some x in all_vars
	x.k == "DOCKER_HOST"
	is_string(x.v)
	endswith(x.v, ":2375")
}
