# METADATA
# title: "Download with TLS verification off"
# description: "`curl -k`, `wget --no-check-certificate`, `pip --trusted-host` or `git -c http.sslVerify=false` accept any certificate, so anyone on the network path can swap what is downloaded."
# custom:
#   id: dockerfile-tls-verification-disabled
#   input: dockerfile
#   severity: high
#   cwe: [CWE-295]
#   benchmark:
#     - "CIS Docker Benchmark 4.x"
#   remediation: "Fix the trust store (install the CA certificate) instead of turning verification off."
package palisade.checks.dockerfile.dockerfile_tls_verification_disabled

import rego.v1
import data.palisade.lib.dockerfile as df

deny contains {"msg": "RUN downloads with TLS certificate verification off", "path": [d.i]} if {
	some d in df.instructions
	d.x.Cmd == "run"
	regex.match(`(curl(\s[^;&|]*)?\s(-k|--insecure|-[a-zA-Z]*k[a-zA-Z]*)(\s|$))|wget\s[^;&|]*--no-check-certificate|--trusted-host|sslVerify=false|NODE_TLS_REJECT_UNAUTHORIZED=0|strict-ssl\s+false`, df.run_text(d.x))
}
