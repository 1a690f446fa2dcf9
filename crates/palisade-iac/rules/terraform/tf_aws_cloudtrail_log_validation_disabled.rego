# METADATA
# title: "CloudTrail log file validation off"
# description: "Without log file validation, CloudTrail logs can be altered or deleted after delivery without detection."
# custom:
#   id: tf-aws-cloudtrail-log-validation-disabled
#   input: terraform
#   severity: medium
#   cwe: [CWE-354]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 3.2"
#   remediation: "Set `enable_log_file_validation = true`."
package palisade.checks.terraform.tf_aws_cloudtrail_log_validation_disabled

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("CloudTrail %q does not validate its log files", [r.name]), "path": array.concat(r.path, ["enable_log_file_validation"])} if {
	some r in tf.resources("aws_cloudtrail")
	not tf.is_true(object.get(r.r, "enable_log_file_validation", false))
}
