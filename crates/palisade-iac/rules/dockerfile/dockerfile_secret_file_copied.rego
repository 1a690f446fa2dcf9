# METADATA
# title: "Key or credential file copied into the image"
# description: "A `.env`, private key, `.npmrc`, `.pypirc` or cloud credentials file copied into a layer stays in the image history even if a later step deletes it."
# custom:
#   id: dockerfile-secret-file-copied
#   input: dockerfile
#   severity: high
#   cwe: [CWE-538]
#   benchmark:
#     - "CIS Docker Benchmark 4.10"
#   remediation: "Use BuildKit secret mounts (`RUN --mount=type=secret,id=npmrc ...`) and add the files to `.dockerignore`."
package palisade.checks.dockerfile.dockerfile_secret_file_copied

import rego.v1
import data.palisade.lib.dockerfile as df

secret_names := `(^|/)(\.env(\.[^/]*)?|id_rsa|id_ed25519|id_ecdsa|[^/]*\.key|[^/]*private[^/]*\.pem|\.npmrc|\.pypirc|\.netrc|credentials|\.dockercfg|\.git-credentials)$`

deny contains {"msg": sprintf("%s copies %q into the image", [upper(d.x.Cmd), src]), "path": [d.i]} if {
	some d in df.instructions
	d.x.Cmd in {"copy", "add"}
	some src in array.slice(d.x.Value, 0, count(d.x.Value) - 1)
	# A download from a URL is not a local credential file (and `.pem` alone is as often a
	# public certificate as a key: only `.key` and `*private*.pem` names count).
	not regex.match(`^[a-zA-Z][a-zA-Z0-9+.-]*://`, src)
	regex.match(secret_names, src)
	not startswith(src, "--")
}
