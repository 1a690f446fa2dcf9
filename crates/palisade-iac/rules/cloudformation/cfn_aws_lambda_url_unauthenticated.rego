# METADATA
# title: "Lambda function URL without authentication (CloudFormation)"
# description: "A function URL with `AuthType: NONE` can be invoked by anyone on the internet."
# custom:
#   id: cfn-aws-lambda-url-unauthenticated
#   input: cloudformation
#   severity: high
#   cwe: [CWE-306]
#   benchmark:
#     - "AWS Foundational Security Best Practices Lambda.1"
#   remediation: "Use `AuthType: AWS_IAM`."
package palisade.checks.cloudformation.cfn_aws_lambda_url_unauthenticated

import rego.v1
import data.palisade.lib.cloudformation as cfn

deny contains {"msg": sprintf("function URL %q can be invoked by anyone", [r.name]), "path": array.concat(r.path, ["Properties", "AuthType"])} if {
	some r in cfn.resources("AWS::Lambda::Url")
	r.p.AuthType == "NONE"
}
