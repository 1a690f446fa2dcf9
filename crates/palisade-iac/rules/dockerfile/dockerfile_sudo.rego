# METADATA
# title: "sudo used in RUN"
# description: "`sudo` in a Dockerfile means the image ships sudo and a user allowed to use it, or the build already runs as root and sudo only adds an unpredictable TTY and environment handling."
# custom:
#   id: dockerfile-sudo
#   input: dockerfile
#   severity: low
#   cwe: [CWE-250]
#   benchmark:
#     - "CIS Docker Benchmark 4.1"
#   remediation: "Run the command as root before switching `USER`, and do not install sudo in the image."
package palisade.checks.dockerfile.dockerfile_sudo

import rego.v1
import data.palisade.lib.dockerfile as df

deny contains {"msg": "RUN uses sudo", "path": [d.i]} if {
	some d in df.instructions
	d.x.Cmd == "run"
	regex.match(`(^|[;&|]\s*)sudo\s`, df.run_text(d.x))
}
