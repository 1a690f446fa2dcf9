# METADATA
# title: "AdministratorAccess attached"
# description: "Attaching the AWS managed `AdministratorAccess` policy gives the principal full control of the account."
# custom:
#   id: tf-aws-iam-admin-policy-attached
#   input: terraform
#   severity: high
#   cwe: [CWE-269]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 1.16"
#   remediation: "Attach a job-function or custom policy with the permissions needed."
package palisade.checks.terraform.tf_aws_iam_admin_policy_attached

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q attaches AdministratorAccess", [type, r.name]), "path": array.concat(r.path, ["policy_arn"])} if {
	some type in ["aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment", "aws_iam_policy_attachment"]
	some r in tf.resources(type)
	endswith(r.r.policy_arn, ":policy/AdministratorAccess")
}
