# METADATA
# title: "CloudTrail covers one region only (CloudFormation)"
# description: "A single-region trail misses API activity in every other region."
# custom:
#   id: cfn-aws-cloudtrail-multi-region-disabled
#   input: cloudformation
#   severity: medium
#   cwe: [CWE-778]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 3.1"
#   remediation: "Set `IsMultiRegionTrail: true`."
package palisade.checks.cloudformation.cfn_aws_cloudtrail_multi_region_disabled

import rego.v1
import data.palisade.lib.cloudformation as cfn

deny contains {"msg": sprintf("trail %q records one region only", [r.name]), "path": array.concat(r.path, ["Properties", "IsMultiRegionTrail"])} if {
	some r in cfn.resources("AWS::CloudTrail::Trail")
	not cfn.is_true(object.get(r.p, "IsMultiRegionTrail", false))
}
