# METADATA
# title: "BigQuery dataset shared with allUsers"
# description: "Granting a dataset role to `allUsers` or `allAuthenticatedUsers` makes its tables readable by anyone."
# custom:
#   id: tf-gcp-bigquery-public
#   input: terraform
#   severity: high
#   cwe: [CWE-732]
#   benchmark:
#     - "CIS Google Cloud Platform Foundation Benchmark 7.1"
#   remediation: "Grant roles to specific principals."
package palisade.checks.terraform.tf_gcp_bigquery_public

import rego.v1
import data.palisade.lib.terraform as tf

public := {"allUsers", "allAuthenticatedUsers"}

deny contains {"msg": sprintf("%s %q grants access to %s", [type, r.name, m]), "path": array.concat(r.path, [key])} if {
	some type in ["google_bigquery_dataset_iam_member", "google_bigquery_dataset_iam_binding", "google_bigquery_table_iam_member"]
	some r in tf.resources(type)
	some key in ["member", "members"]
	some m in tf.as_list(r.r[key])
	m in public
}

deny contains {"msg": sprintf("dataset %q grants access to %s", [r.name, a.b.special_group]), "path": array.concat(a.path, ["special_group"])} if {
	some r in tf.resources("google_bigquery_dataset")
	some a in tf.blocks(r.r, "access", r.path)
	a.b.special_group == "allAuthenticatedUsers"
}
