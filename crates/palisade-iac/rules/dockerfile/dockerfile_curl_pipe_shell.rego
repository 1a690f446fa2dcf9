# METADATA
# title: "Remote script piped into a shell"
# description: "Piping a download straight into `sh` or `bash` runs whatever the server (or anyone on the path) returns, unverified, as root in the build."
# custom:
#   id: dockerfile-curl-pipe-shell
#   input: dockerfile
#   severity: high
#   cwe: [CWE-494]
#   remediation: "Download the script, verify its checksum or signature, then run it; prefer a package manager."
package palisade.checks.dockerfile.dockerfile_curl_pipe_shell

import rego.v1
import data.palisade.lib.dockerfile as df

deny contains {"msg": "RUN pipes a download into a shell", "path": [d.i]} if {
	some d in df.instructions
	d.x.Cmd == "run"
	regex.match(`(curl|wget)[^|;&]*\|\s*(sudo\s+)?(ba|z|da)?sh\b`, df.run_text(d.x))
}
