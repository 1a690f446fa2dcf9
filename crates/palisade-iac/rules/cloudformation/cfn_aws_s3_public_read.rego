# METADATA
# title: "S3 bucket readable by anyone (CloudFormation)"
# description: "An `AccessControl` of `PublicRead`, `PublicReadWrite` or `AuthenticatedRead` lets anyone on the internet (or any AWS account) list and read the bucket."
# custom:
#   id: cfn-aws-s3-public-read
#   input: cloudformation
#   severity: high
#   cwe: [CWE-732]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 2.1.4"
#   remediation: "Remove `AccessControl` (use BucketOwnerEnforced ownership) and set a `PublicAccessBlockConfiguration` with every setting true."
package palisade.checks.cloudformation.cfn_aws_s3_public_read

import rego.v1
import data.palisade.lib.cloudformation as cfn

deny contains {"msg": sprintf("bucket %q sets AccessControl %s", [r.name, r.p.AccessControl]), "path": array.concat(r.path, ["Properties", "AccessControl"])} if {
	some r in cfn.resources("AWS::S3::Bucket")
	r.p.AccessControl in {"PublicRead", "PublicReadWrite", "AuthenticatedRead"}
}
