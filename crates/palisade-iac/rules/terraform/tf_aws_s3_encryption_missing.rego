# METADATA
# title: "S3 bucket without default encryption configuration"
# description: "A bucket with no server-side encryption configuration relies on the account default; declaring it (ideally with a customer-managed KMS key) makes the requirement explicit and auditable."
# custom:
#   id: tf-aws-s3-encryption-missing
#   input: terraform
#   severity: low
#   cwe: [CWE-311]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 2.1.1"
#   remediation: "Add an `aws_s3_bucket_server_side_encryption_configuration` for the bucket (`sse_algorithm = \"aws:kms\"`)."
package palisade.checks.terraform.tf_aws_s3_encryption_missing

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("bucket %q declares no server-side encryption", [r.name]), "path": r.path} if {
	some r in tf.resources("aws_s3_bucket")
	not r.r.server_side_encryption_configuration
	not tf.referenced_by("aws_s3_bucket_server_side_encryption_configuration", "bucket", "aws_s3_bucket", r.name)
}
