# METADATA
# title: "IAM policy attached directly to a user"
# description: "Policies attached to individual users are hard to review and tend to outlive the need; permissions belong on groups or roles."
# custom:
#   id: tf-aws-iam-user-policy-attached
#   input: terraform
#   severity: low
#   cwe: [CWE-269]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 1.15"
#   remediation: "Attach the policy to a group or role and add the user to it."
package palisade.checks.terraform.tf_aws_iam_user_policy_attached

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q attaches a policy directly to a user", [type, r.name]), "path": r.path} if {
	some type in ["aws_iam_user_policy_attachment", "aws_iam_user_policy"]
	some r in tf.resources(type)
}
