# METADATA
# title: "ECR repository allows tag overwrites (CloudFormation)"
# description: "With mutable tags (the default) a pushed image can replace what a tag means."
# custom:
#   id: cfn-aws-ecr-tag-mutable
#   input: cloudformation
#   severity: medium
#   cwe: [CWE-829]
#   benchmark:
#     - "AWS Foundational Security Best Practices ECR.2"
#   remediation: "Set `ImageTagMutability: IMMUTABLE`."
package palisade.checks.cloudformation.cfn_aws_ecr_tag_mutable

import rego.v1
import data.palisade.lib.cloudformation as cfn

deny contains {"msg": sprintf("ECR repository %q has mutable tags", [r.name]), "path": array.concat(r.path, ["Properties", "ImageTagMutability"])} if {
	some r in cfn.resources("AWS::ECR::Repository")
	object.get(r.p, "ImageTagMutability", "MUTABLE") == "MUTABLE"
}
