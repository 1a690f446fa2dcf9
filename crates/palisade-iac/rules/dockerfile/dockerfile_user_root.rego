# METADATA
# title: "Container runs as root"
# description: "Without a `USER` instruction in the final stage (or with `USER root`/`0`), the container process runs as root; a compromise of the application is root in the container."
# custom:
#   id: dockerfile-user-root
#   input: dockerfile
#   severity: medium
#   cwe: [CWE-250]
#   benchmark:
#     - "CIS Docker Benchmark 4.1"
#   remediation: "Create an unprivileged user and switch to it in the final stage: `RUN useradd -r app` and `USER app`."
package palisade.checks.dockerfile.dockerfile_user_root

import rego.v1
import data.palisade.lib.dockerfile as df

final_users := [{"i": d.i, "u": d.x.Value[0]} | some d in df.final_stage; d.x.Cmd == "user"]

deny contains {"msg": "the final stage runs as root (USER root)", "path": [last.i]} if {
	count(final_users) > 0
	last := final_users[count(final_users) - 1]
	split(last.u, ":")[0] in {"root", "0"}
}

deny contains {"msg": "the final stage sets no USER, so the container runs as root", "path": [first]} if {
	count(final_users) == 0
	first := min({d.i | some d in df.final_stage})
	count(input) > 0
	not scratch_final
}

scratch_final if {
	some d in df.final_stage
	d.x.Cmd == "from"
	lower(d.x.Value[0]) == "scratch"
}
