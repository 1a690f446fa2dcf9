# METADATA
# title: "Image exposes SSH"
# description: "Exposing port 22 suggests an SSH daemon in the container: one more service to secure and a credential store inside the image."
# custom:
#   id: dockerfile-ssh-port-exposed
#   input: dockerfile
#   severity: low
#   cwe: [CWE-284]
#   benchmark:
#     - "CIS Docker Benchmark 4.x"
#   remediation: "Remove the SSH server; use `docker exec` / `kubectl exec` for debugging."
package palisade.checks.dockerfile.dockerfile_ssh_port_exposed

import rego.v1
import data.palisade.lib.dockerfile as df

deny contains {"msg": "the image exposes port 22 (SSH)", "path": [d.i]} if {
	some d in df.instructions
	d.x.Cmd == "expose"
	some p in d.x.Value
	split(p, "/")[0] == "22"
}
