# METADATA
# title: "EFS file system not encrypted"
# description: "An EFS file system without `encrypted = true` stores its data unencrypted at rest; encryption cannot be turned on later."
# custom:
#   id: tf-aws-efs-unencrypted
#   input: terraform
#   severity: medium
#   cwe: [CWE-311]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 2.4.1"
#   remediation: "Set `encrypted = true` when creating the file system."
package palisade.checks.terraform.tf_aws_efs_unencrypted

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("EFS file system %q is not encrypted", [r.name]), "path": array.concat(r.path, ["encrypted"])} if {
	some r in tf.resources("aws_efs_file_system")
	not tf.is_true(object.get(r.r, "encrypted", false))
	not tf.unknown(object.get(r.r, "encrypted", false))
}
