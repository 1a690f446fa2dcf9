# METADATA
# title: "Launch template allows IMDSv1 (CloudFormation)"
# description: "IMDSv1 answers unauthenticated GET requests, so an SSRF in the application hands out the instance role's credentials."
# custom:
#   id: cfn-aws-ec2-imdsv1-enabled
#   input: cloudformation
#   severity: high
#   cwe: [CWE-918]
#   benchmark:
#     - "AWS Foundational Security Best Practices EC2.8"
#   remediation: "Set `MetadataOptions: {HttpTokens: required}`."
package palisade.checks.cloudformation.cfn_aws_ec2_imdsv1_enabled

import rego.v1
import data.palisade.lib.cloudformation as cfn

deny contains {"msg": sprintf("launch template %q accepts IMDSv1", [r.name]), "path": array.concat(r.path, ["Properties", "LaunchTemplateData", "MetadataOptions", "HttpTokens"])} if {
	some r in cfn.resources("AWS::EC2::LaunchTemplate")
	object.get(object.get(r.p.LaunchTemplateData, "MetadataOptions", {}), "HttpTokens", "optional") == "optional"
}
