# METADATA
# title: "S3 bucket without access logging"
# description: "Without server access logging, reads and writes of the bucket's objects leave no record to investigate a leak with."
# custom:
#   id: tf-aws-s3-access-logging-missing
#   input: terraform
#   severity: low
#   cwe: [CWE-778]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 3.6 (S3 access logging)"
#   remediation: "Add an `aws_s3_bucket_logging` resource for the bucket (or a `logging` block on older providers) targeting a separate log bucket."
package palisade.checks.terraform.tf_aws_s3_access_logging_missing

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("bucket %q has no access logging", [r.name]), "path": r.path} if {
	some r in tf.resources("aws_s3_bucket")
	not r.r.logging
	not tf.referenced_by("aws_s3_bucket_logging", "bucket", "aws_s3_bucket", r.name)
}
