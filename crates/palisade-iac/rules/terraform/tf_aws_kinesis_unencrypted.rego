# METADATA
# title: "Kinesis stream not encrypted"
# description: "A stream with `encryption_type = \"NONE\"` stores records unencrypted."
# custom:
#   id: tf-aws-kinesis-unencrypted
#   input: terraform
#   severity: medium
#   cwe: [CWE-311]
#   benchmark:
#     - "AWS Foundational Security Best Practices Kinesis.1"
#   remediation: "Set `encryption_type = \"KMS\"` with a `kms_key_id`."
package palisade.checks.terraform.tf_aws_kinesis_unencrypted

import rego.v1
import data.palisade.lib.terraform as tf

bad_values := ["NONE"]

deny contains {"msg": sprintf("%s %q is not encrypted (%v)", [type, r.name, r.r["encryption_type"]]), "path": array.concat(r.path, ["encryption_type"])} if {
	some type in ["aws_kinesis_stream"]
	some r in tf.resources(type)
	r.r["encryption_type"] in bad_values
}
