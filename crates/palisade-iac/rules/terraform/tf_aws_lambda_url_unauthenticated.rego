# METADATA
# title: "Lambda function URL without authentication"
# description: "A function URL with `authorization_type = \"NONE\"` can be invoked by anyone on the internet."
# custom:
#   id: tf-aws-lambda-url-unauthenticated
#   input: terraform
#   severity: high
#   cwe: [CWE-306]
#   benchmark:
#     - "AWS Foundational Security Best Practices Lambda.1"
#   remediation: "Use `authorization_type = \"AWS_IAM\"`, or authenticate inside the function and document why."
package palisade.checks.terraform.tf_aws_lambda_url_unauthenticated

import rego.v1
import data.palisade.lib.terraform as tf

bad_values := ["NONE"]

deny contains {"msg": sprintf("%s %q can be invoked by anyone (%v)", [type, r.name, r.r["authorization_type"]]), "path": array.concat(r.path, ["authorization_type"])} if {
	some type in ["aws_lambda_function_url"]
	some r in tf.resources(type)
	r.r["authorization_type"] in bad_values
}
