# METADATA
# title: "EBS volume not encrypted"
# description: "An EBS volume without `encrypted = true` stores its data and snapshots unencrypted at rest."
# custom:
#   id: tf-aws-ebs-unencrypted
#   input: terraform
#   severity: medium
#   cwe: [CWE-311]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 2.2.1"
#   remediation: "Set `encrypted = true` (or turn on EBS encryption by default for the account with `aws_ebs_encryption_by_default`)."
package palisade.checks.terraform.tf_aws_ebs_unencrypted

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("EBS volume %q is not encrypted", [r.name]), "path": array.concat(r.path, ["encrypted"])} if {
	some r in tf.resources("aws_ebs_volume")
	not tf.is_true(object.get(r.r, "encrypted", false))
	not tf.unknown(object.get(r.r, "encrypted", false))
	not tf.any_resource("aws_ebs_encryption_by_default")
}
