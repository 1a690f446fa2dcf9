# METADATA
# title: "OS Login turned off for a VM"
# description: "With OS Login off, SSH access is managed by keys in metadata instead of IAM, so it is not tied to identities or audited centrally."
# custom:
#   id: tf-gcp-compute-os-login-disabled
#   input: terraform
#   severity: low
#   cwe: [CWE-287]
#   benchmark:
#     - "CIS Google Cloud Platform Foundation Benchmark 4.4"
#   remediation: "Remove `enable-oslogin = \"FALSE\"` (enable OS Login at the project level)."
package palisade.checks.terraform.tf_gcp_compute_os_login_disabled

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q turns OS Login off", [type, r.name]), "path": array.concat(r.path, ["metadata", "enable-oslogin"])} if {
	some type in ["google_compute_instance", "google_compute_instance_template", "google_compute_project_metadata"]
	some r in tf.resources(type)
	lower(sprintf("%v", [r.r.metadata["enable-oslogin"]])) in {"false", "0"}
}
