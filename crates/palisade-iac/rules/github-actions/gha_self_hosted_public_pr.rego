# METADATA
# title: "Self-hosted runner on pull requests"
# description: "Jobs triggered by pull requests on a self-hosted runner run contributors' code on your machine, which usually keeps state between jobs and sits inside your network."
# custom:
#   id: gha-self-hosted-public-pr
#   input: github-actions
#   severity: high
#   cwe: [CWE-668]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-7 Insecure System Configuration"
#   remediation: "Run pull-request jobs on GitHub-hosted or ephemeral isolated runners; keep self-hosted runners for trusted events."
package palisade.checks.github_actions.gha_self_hosted_public_pr

import rego.v1
import data.palisade.lib.actions as gha

deny contains {"msg": sprintf("job %q runs pull request code on a self-hosted runner", [j.id]), "path": array.concat(j.path, ["runs-on"])} if {
	some t in gha.triggers
	t in {"pull_request", "pull_request_target"}
	some j in gha.jobs
	self_hosted(j.job["runs-on"])
}

self_hosted(r) if r == "self-hosted"

self_hosted(r) if "self-hosted" in r
