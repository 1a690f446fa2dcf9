# METADATA
# title: "CloudWatch log group not encrypted with KMS"
# description: "Log groups without `kms_key_id` are encrypted with a service key only; logs often hold tokens and personal data that deserve a key you control."
# custom:
#   id: tf-aws-cloudwatch-log-group-unencrypted
#   input: terraform
#   severity: low
#   cwe: [CWE-311]
#   benchmark:
#     - "AWS Foundational Security Best Practices CloudWatch"
#   remediation: "Set `kms_key_id` to a customer-managed KMS key."
package palisade.checks.terraform.tf_aws_cloudwatch_log_group_unencrypted

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("log group %q is not encrypted with a KMS key", [r.name]), "path": r.path} if {
	some r in tf.resources("aws_cloudwatch_log_group")
	not r.r.kms_key_id
}
