# METADATA
# title: "KMS key rotation not enabled"
# description: "Customer-managed symmetric KMS keys without automatic rotation keep the same key material indefinitely, widening the impact of a key compromise."
# custom:
#   id: tf-aws-kms-rotation-disabled
#   input: terraform
#   severity: medium
#   cwe: [CWE-320]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 3.6"
#   remediation: "Set `enable_key_rotation = true` on `aws_kms_key`."
package palisade.checks.terraform.tf_aws_kms_rotation_disabled

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("KMS key %q does not rotate", [r.name]), "path": array.concat(r.path, ["enable_key_rotation"])} if {
	some r in tf.resources("aws_kms_key")
	object.get(r.r, "customer_master_key_spec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	not tf.is_true(object.get(r.r, "enable_key_rotation", false))
	not tf.unknown(object.get(r.r, "enable_key_rotation", false))
}
