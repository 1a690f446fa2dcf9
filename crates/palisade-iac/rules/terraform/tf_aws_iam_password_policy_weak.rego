# METADATA
# title: "IAM password policy allows short passwords"
# description: "An account password policy with a minimum length under 14 characters allows passwords that are cheap to guess."
# custom:
#   id: tf-aws-iam-password-policy-weak
#   input: terraform
#   severity: medium
#   cwe: [CWE-521]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 1.8"
#   remediation: "Set `minimum_password_length = 14` or more (and prefer SSO with MFA)."
package palisade.checks.terraform.tf_aws_iam_password_policy_weak

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("password policy %q allows passwords shorter than 14 characters", [r.name]), "path": array.concat(r.path, ["minimum_password_length"])} if {
	some r in tf.resources("aws_iam_account_password_policy")
	tf.num(object.get(r.r, "minimum_password_length", 8)) < 14
}
