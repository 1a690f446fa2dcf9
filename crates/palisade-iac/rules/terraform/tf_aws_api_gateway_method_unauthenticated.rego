# METADATA
# title: "API Gateway method without authorization"
# description: "A REST API method with `authorization = \"NONE\"` and no API key is open to anyone who finds the URL."
# custom:
#   id: tf-aws-api-gateway-method-unauthenticated
#   input: terraform
#   severity: medium
#   cwe: [CWE-306]
#   benchmark:
#     - "AWS Foundational Security Best Practices APIGateway.8"
#   remediation: "Use IAM, Cognito or a Lambda authorizer, or require an API key."
package palisade.checks.terraform.tf_aws_api_gateway_method_unauthenticated

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("API Gateway method %q has no authorization", [r.name]), "path": array.concat(r.path, ["authorization"])} if {
	some r in tf.resources("aws_api_gateway_method")
	r.r.authorization == "NONE"
	not tf.is_true(object.get(r.r, "api_key_required", false))
	r.r.http_method != "OPTIONS"
}
