# METADATA
# title: "SQS queue not encrypted"
# description: "A queue with neither a KMS key nor SQS-managed encryption stores messages unencrypted."
# custom:
#   id: tf-aws-sqs-unencrypted
#   input: terraform
#   severity: medium
#   cwe: [CWE-311]
#   benchmark:
#     - "AWS Foundational Security Best Practices SQS.1"
#   remediation: "Set `sqs_managed_sse_enabled = true` or `kms_master_key_id`."
package palisade.checks.terraform.tf_aws_sqs_unencrypted

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("SQS queue %q is not encrypted", [r.name]), "path": array.concat(r.path, ["sqs_managed_sse_enabled"])} if {
	some r in tf.resources("aws_sqs_queue")
	not r.r.kms_master_key_id
	tf.is_false(r.r.sqs_managed_sse_enabled)
}
