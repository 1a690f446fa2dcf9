# METADATA
# title: "CloudTrail log file validation off (CloudFormation)"
# description: "Without log file validation, CloudTrail logs can be altered after delivery without detection."
# custom:
#   id: cfn-aws-cloudtrail-log-validation-disabled
#   input: cloudformation
#   severity: medium
#   cwe: [CWE-354]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 3.2"
#   remediation: "Set `EnableLogFileValidation: true`."
package palisade.checks.cloudformation.cfn_aws_cloudtrail_log_validation_disabled

import rego.v1
import data.palisade.lib.cloudformation as cfn

deny contains {"msg": sprintf("trail %q does not validate its log files", [r.name]), "path": array.concat(r.path, ["Properties", "EnableLogFileValidation"])} if {
	some r in cfn.resources("AWS::CloudTrail::Trail")
	not cfn.is_true(object.get(r.p, "EnableLogFileValidation", false))
}
