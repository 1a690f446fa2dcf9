# METADATA
# title: "S3 bucket versioning suspended (CloudFormation)"
# description: "With versioning suspended, an overwritten or deleted object is gone."
# custom:
#   id: cfn-aws-s3-versioning-disabled
#   input: cloudformation
#   severity: low
#   cwe: [CWE-693]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 2.1.3"
#   remediation: "Set `VersioningConfiguration: {Status: Enabled}`."
package palisade.checks.cloudformation.cfn_aws_s3_versioning_disabled

import rego.v1
import data.palisade.lib.cloudformation as cfn

deny contains {"msg": sprintf("bucket %q does not keep object versions", [r.name]), "path": array.concat(r.path, ["Properties", "VersioningConfiguration", "Status"])} if {
	some r in cfn.resources("AWS::S3::Bucket")
	r.p.VersioningConfiguration.Status == "Suspended"
}
