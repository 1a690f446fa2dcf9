# METADATA
# title: "SNS topic not encrypted"
# description: "An SNS topic without `kms_master_key_id` stores published messages without a customer-managed key."
# custom:
#   id: tf-aws-sns-unencrypted
#   input: terraform
#   severity: low
#   cwe: [CWE-311]
#   benchmark:
#     - "AWS Foundational Security Best Practices SNS.1"
#   remediation: "Set `kms_master_key_id` (for example `alias/aws/sns` or a customer-managed key)."
package palisade.checks.terraform.tf_aws_sns_unencrypted

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("SNS topic %q is not encrypted with KMS", [r.name]), "path": r.path} if {
	some r in tf.resources("aws_sns_topic")
	not r.r.kms_master_key_id
}
