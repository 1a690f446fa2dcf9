# METADATA
# title: "ADD fetches a remote URL"
# description: "`ADD https://...` downloads at build time without verifying what it got (unless `--checksum` is given), and the result lands in a layer."
# custom:
#   id: dockerfile-add-remote-url
#   input: dockerfile
#   severity: medium
#   cwe: [CWE-494]
#   benchmark:
#     - "CIS Docker Benchmark 4.9"
#   remediation: "Download with `RUN curl` and verify a checksum, or use `ADD --checksum=sha256:...`; use `COPY` for local files."
package palisade.checks.dockerfile.dockerfile_add_remote_url

import rego.v1
import data.palisade.lib.dockerfile as df

deny contains {"msg": sprintf("ADD fetches %q without a checksum", [src]), "path": [d.i]} if {
	some d in df.instructions
	d.x.Cmd == "add"
	not checksum(d.x)
	some src in array.slice(d.x.Value, 0, count(d.x.Value) - 1)
	regex.match(`^(?i)(https?|ftp)://`, src)
}

checksum(x) if {
	some f in x.Flags
	startswith(f, "--checksum=")
}
