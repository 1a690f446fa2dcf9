# METADATA
# title: "S3 public access block off (CloudFormation)"
# description: "A bucket whose `PublicAccessBlockConfiguration` is missing or leaves a setting false can be made public by an ACL or bucket policy."
# custom:
#   id: cfn-aws-s3-public-access-block-disabled
#   input: cloudformation
#   severity: high
#   cwe: [CWE-732]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 2.1.4"
#   remediation: "Set `BlockPublicAcls`, `BlockPublicPolicy`, `IgnorePublicAcls` and `RestrictPublicBuckets` to true."
package palisade.checks.cloudformation.cfn_aws_s3_public_access_block_disabled

import rego.v1
import data.palisade.lib.cloudformation as cfn

settings := ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"]

deny contains {"msg": sprintf("bucket %q has no public access block", [r.name]), "path": r.path} if {
	some r in cfn.resources("AWS::S3::Bucket")
	not r.p.PublicAccessBlockConfiguration
}

deny contains {"msg": sprintf("bucket %q leaves %s off", [r.name, s]), "path": array.concat(r.path, ["Properties", "PublicAccessBlockConfiguration", s])} if {
	some r in cfn.resources("AWS::S3::Bucket")
	conf := r.p.PublicAccessBlockConfiguration
	is_object(conf)
	some s in settings
	not cfn.is_true(object.get(conf, s, false))
	not cfn.intrinsic(object.get(conf, s, false))
}
