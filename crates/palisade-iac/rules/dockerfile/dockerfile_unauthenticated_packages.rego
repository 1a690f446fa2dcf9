# METADATA
# title: "Packages installed without signature checks"
# description: "`apk add --allow-untrusted`, `apt-get --allow-unauthenticated` (or `--force-yes`) and `rpm --nosignature` install packages whose signatures were not verified."
# custom:
#   id: dockerfile-unauthenticated-packages
#   input: dockerfile
#   severity: high
#   cwe: [CWE-494]
#   benchmark:
#     - "CIS Docker Benchmark 4.x"
#   remediation: "Import the repository's signing key and install without these flags."
package palisade.checks.dockerfile.dockerfile_unauthenticated_packages

import rego.v1
import data.palisade.lib.dockerfile as df

deny contains {"msg": "RUN installs packages without verifying their signatures", "path": [d.i]} if {
	some d in df.instructions
	d.x.Cmd == "run"
	regex.match(`--allow-untrusted|--allow-unauthenticated|--force-yes|--nogpgcheck|--nosignature|--no-gpg-checks`, df.run_text(d.x))
}
