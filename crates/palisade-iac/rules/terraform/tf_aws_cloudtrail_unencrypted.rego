# METADATA
# title: "CloudTrail logs not encrypted with KMS"
# description: "Without `kms_key_id`, trail logs rely on S3 default encryption; a customer-managed KMS key adds access control and an audit trail for reading the logs."
# custom:
#   id: tf-aws-cloudtrail-unencrypted
#   input: terraform
#   severity: medium
#   cwe: [CWE-311]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 3.5"
#   remediation: "Set `kms_key_id` to a customer-managed KMS key."
package palisade.checks.terraform.tf_aws_cloudtrail_unencrypted

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("CloudTrail %q does not encrypt logs with a KMS key", [r.name]), "path": r.path} if {
	some r in tf.resources("aws_cloudtrail")
	not r.r.kms_key_id
}
