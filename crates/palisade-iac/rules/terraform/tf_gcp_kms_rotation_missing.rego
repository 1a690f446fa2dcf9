# METADATA
# title: "Cloud KMS key not rotated within 90 days"
# description: "A crypto key without a `rotation_period` (or with one longer than 90 days) keeps the same key material for long periods."
# custom:
#   id: tf-gcp-kms-rotation-missing
#   input: terraform
#   severity: medium
#   cwe: [CWE-320]
#   benchmark:
#     - "CIS Google Cloud Platform Foundation Benchmark 1.10"
#   remediation: "Set `rotation_period = \"7776000s\"` (90 days) or less."
package palisade.checks.terraform.tf_gcp_kms_rotation_missing

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("crypto key %q does not rotate within 90 days", [r.name]), "path": array.concat(r.path, ["rotation_period"])} if {
	some r in tf.resources("google_kms_crypto_key")
	not short(object.get(r.r, "rotation_period", ""))
	not tf.unknown(object.get(r.r, "rotation_period", ""))
}

short(p) if {
	endswith(p, "s")
	tf.num(trim_suffix(p, "s")) <= 7776000
}
