# METADATA
# title: "Files made world-writable"
# description: "`chmod 777` (or `o+w`) lets every user in the container change the files, including code the application runs."
# custom:
#   id: dockerfile-chmod-world-writable
#   input: dockerfile
#   severity: medium
#   cwe: [CWE-732]
#   benchmark:
#     - "CIS Docker Benchmark 4.x"
#   remediation: "Give ownership to the application user (`COPY --chown`) and use 755/644 permissions."
package palisade.checks.dockerfile.dockerfile_chmod_world_writable

import rego.v1
import data.palisade.lib.dockerfile as df

deny contains {"msg": "RUN makes files world-writable", "path": [d.i]} if {
	some d in df.instructions
	d.x.Cmd == "run"
	regex.match(`chmod\s+(-R\s+)?(0?777|a\+w|o\+w|ugo\+w)\b`, df.run_text(d.x))
}
