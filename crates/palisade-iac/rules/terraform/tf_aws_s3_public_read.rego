# METADATA
# title: "S3 bucket readable by anyone"
# description: "A canned ACL of `public-read` or `public-read-write` (or `authenticated-read`) lets anyone on the internet (or any AWS account) list and read the bucket."
# custom:
#   id: tf-aws-s3-public-read
#   input: terraform
#   severity: high
#   cwe: [CWE-732]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 2.1.4"
#   remediation: "Use the `private` ACL (or no ACL with BucketOwnerEnforced ownership) and an `aws_s3_bucket_public_access_block` with every setting true; share objects with presigned URLs or CloudFront."
package palisade.checks.terraform.tf_aws_s3_public_read

import rego.v1
import data.palisade.lib.terraform as tf

public_acls := {"public-read", "public-read-write", "authenticated-read"}

deny contains {"msg": sprintf("%s %q sets ACL %q", [type, r.name, r.r.acl]), "path": array.concat(r.path, ["acl"])} if {
	some type in ["aws_s3_bucket", "aws_s3_bucket_acl"]
	some r in tf.resources(type)
	r.r.acl in public_acls
}
