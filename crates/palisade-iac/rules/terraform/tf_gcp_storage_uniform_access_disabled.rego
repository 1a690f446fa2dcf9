# METADATA
# title: "GCS bucket uses per-object ACLs"
# description: "Without uniform bucket-level access, object ACLs can grant access that bucket IAM does not show, which makes public objects easy to miss."
# custom:
#   id: tf-gcp-storage-uniform-access-disabled
#   input: terraform
#   severity: medium
#   cwe: [CWE-732]
#   benchmark:
#     - "CIS Google Cloud Platform Foundation Benchmark 5.2"
#   remediation: "Set `uniform_bucket_level_access = true`."
package palisade.checks.terraform.tf_gcp_storage_uniform_access_disabled

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q uses per-object ACLs", [type, r.name]), "path": array.concat(r.path, ["uniform_bucket_level_access"])} if {
	some type in ["google_storage_bucket"]
	some r in tf.resources(type)
	not tf.is_true(object.get(r.r, "uniform_bucket_level_access", false))
	not tf.unknown(object.get(r.r, "uniform_bucket_level_access", false))
}
