# METADATA
# title: "Registry password written into the workflow"
# description: "A `credentials.password` written as a literal for a job container or service container is in the repository for everyone to read."
# custom:
#   id: gha-container-credentials-hardcoded
#   input: github-actions
#   severity: high
#   cwe: [CWE-798]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-6 Insufficient Credential Hygiene"
#   remediation: "Use `password: ${{ secrets.REGISTRY_PASSWORD }}`."
package palisade.checks.github_actions.gha_container_credentials_hardcoded

import rego.v1
import data.palisade.lib.actions as gha

containers contains {"c": j.job.container, "path": array.concat(j.path, ["container"]), "job": j.id} if {
	some j in gha.jobs
	is_object(j.job.container)
}

containers contains {"c": svc, "path": array.concat(j.path, ["services", name]), "job": j.id} if {
	some j in gha.jobs
	some name, svc in j.job.services
	is_object(svc)
}

deny contains {"msg": sprintf("job %q writes a registry password into the workflow", [x.job]), "path": array.concat(x.path, ["credentials", "password"])} if {
	some x in containers
	p := x.c.credentials.password
	is_string(p)
	not contains(p, "${{")
}
