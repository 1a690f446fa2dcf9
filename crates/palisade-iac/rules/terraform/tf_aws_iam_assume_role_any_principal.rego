# METADATA
# title: "Role can be assumed by anyone"
# description: "A trust policy that allows `\"*\"` (or `{\"AWS\": \"*\"}`) as principal without a condition lets any AWS account assume the role."
# custom:
#   id: tf-aws-iam-assume-role-any-principal
#   input: terraform
#   severity: critical
#   cwe: [CWE-284]
#   benchmark:
#     - "AWS IAM best practices"
#   remediation: "Name the accounts, roles or services that may assume the role; add `Condition`s (external ID, organisation)."
package palisade.checks.terraform.tf_aws_iam_assume_role_any_principal

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("role %q can be assumed by any principal", [r.name]), "path": array.concat(r.path, ["assume_role_policy", "Statement", i, "Principal"])} if {
	some r in tf.resources("aws_iam_role")
	doc := tf.policy_doc(r.r.assume_role_policy)
	some i, st in tf.statements(doc)
	st.Effect == "Allow"
	anyone(st.Principal)
	not st.Condition
}

anyone(p) if p == "*"

anyone(p) if "*" in tf.as_list(p.AWS)
