# METADATA
# title: "GCS bucket readable by allUsers"
# description: "An IAM binding or member that grants a role on a bucket to `allUsers` or `allAuthenticatedUsers` makes its objects public."
# custom:
#   id: tf-gcp-storage-public
#   input: terraform
#   severity: high
#   cwe: [CWE-732]
#   benchmark:
#     - "CIS Google Cloud Platform Foundation Benchmark 5.1"
#   remediation: "Grant bucket roles to specific principals; enforce `public_access_prevention = \"enforced\"` on the bucket."
package palisade.checks.terraform.tf_gcp_storage_public

import rego.v1
import data.palisade.lib.terraform as tf

public := {"allUsers", "allAuthenticatedUsers"}

deny contains {"msg": sprintf("%s %q grants %s to %s", [type, r.name, r.r.role, m]), "path": array.concat(r.path, [key])} if {
	some type in ["google_storage_bucket_iam_member", "google_storage_bucket_iam_binding"]
	some r in tf.resources(type)
	some key in ["member", "members"]
	some m in tf.as_list(r.r[key])
	m in public
}
