# METADATA
# title: "Remote CI include not pinned"
# description: "An `include:` of a remote URL, or of another project without a fixed `ref`, pulls pipeline code that can change without a change in this repository."
# custom:
#   id: gitlab-remote-include-unpinned
#   input: gitlab-ci
#   severity: medium
#   cwe: [CWE-829]
#   benchmark:
#     - "OWASP CI/CD Top 10: CICD-SEC-3 Dependency Chain Abuse"
#   remediation: "Include other projects at a commit SHA or a protected tag (`ref:`), and avoid `remote:` URLs; for components, pin `@<version>`."
package palisade.checks.gitlab_ci.gitlab_remote_include_unpinned

import rego.v1
import data.palisade.lib.gitlab as gl

includes := input.include if is_array(input.include)

includes := [input.include] if not is_array(input.include)

deny contains {"msg": sprintf("remote include %q can change without a change here", [inc.remote]), "path": path(i)} if {
	some i, inc in includes
	is_string(inc.remote)
}

deny contains {"msg": sprintf("include of project %q has no ref, so it follows the default branch", [inc.project]), "path": path(i)} if {
	some i, inc in includes
	inc.project
	not inc.ref
}

deny contains {"msg": sprintf("include of %q is a URL, which can change without a change here", [inc]), "path": path(i)} if {
	some i, inc in includes
	is_string(inc)
	startswith(inc, "http")
}

path(i) := ["include", i] if is_array(input.include)

path(_) := ["include"] if not is_array(input.include)
