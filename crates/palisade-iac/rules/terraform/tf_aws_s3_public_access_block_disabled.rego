# METADATA
# title: "S3 public access block turned off"
# description: "An `aws_s3_bucket_public_access_block` with a setting left false allows public ACLs or policies on the bucket."
# custom:
#   id: tf-aws-s3-public-access-block-disabled
#   input: terraform
#   severity: high
#   cwe: [CWE-732]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 2.1.4"
#   remediation: "Set `block_public_acls`, `block_public_policy`, `ignore_public_acls` and `restrict_public_buckets` to true."
package palisade.checks.terraform.tf_aws_s3_public_access_block_disabled

import rego.v1
import data.palisade.lib.terraform as tf

settings := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

deny contains {"msg": sprintf("public access block %q leaves %s off", [r.name, s]), "path": array.concat(r.path, [s])} if {
	some r in tf.resources("aws_s3_bucket_public_access_block")
	some s in settings
	not tf.is_true(object.get(r.r, s, false))
	not tf.unknown(object.get(r.r, s, false))
}
