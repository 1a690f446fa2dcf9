# METADATA
# title: "Secret stored as a plain SSM parameter"
# description: "A parameter whose name says it holds a password, token or key, stored as `String` rather than `SecureString`, is readable without KMS decryption rights and shown in clear in the console."
# custom:
#   id: tf-aws-ssm-parameter-secret-plaintext
#   input: terraform
#   severity: medium
#   cwe: [CWE-312]
#   benchmark:
#     - "AWS Systems Manager best practices"
#   remediation: "Use `type = \"SecureString\"` (with a KMS key), or AWS Secrets Manager."
package palisade.checks.terraform.tf_aws_ssm_parameter_secret_plaintext

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("SSM parameter %q looks like a secret but is stored as %s", [r.name, r.r.type]), "path": array.concat(r.path, ["type"])} if {
	some r in tf.resources("aws_ssm_parameter")
	r.r.type in {"String", "StringList"}
	regex.match(`(?i)(passw(or)?d|secret|token|api_?key|private_?key|credential)`, sprintf("%v %v", [r.name, object.get(r.r, "name", "")]))
}
