# METADATA
# title: "VM uses the default service account with full API access"
# description: "The default Compute Engine service account has Editor on the project; with the `cloud-platform` scope, any code on the VM can change almost anything."
# custom:
#   id: tf-gcp-compute-default-sa-full-access
#   input: terraform
#   severity: high
#   cwe: [CWE-269]
#   benchmark:
#     - "CIS Google Cloud Platform Foundation Benchmark 4.2"
#   remediation: "Use a dedicated service account with only the roles needed."
package palisade.checks.terraform.tf_gcp_compute_default_sa_full_access

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q uses the default service account with the cloud-platform scope", [type, r.name]), "path": sa.path} if {
	some type in ["google_compute_instance", "google_compute_instance_template"]
	some r in tf.resources(type)
	some sa in tf.blocks(r.r, "service_account", r.path)
	default_sa(object.get(sa.b, "email", ""))
	"cloud-platform" in [trim_prefix(s, "https://www.googleapis.com/auth/") | some s in object.get(sa.b, "scopes", [])]
}

default_sa(email) if email == ""

default_sa(email) if endswith(email, "-compute@developer.gserviceaccount.com")
