# METADATA
# title: "IAM policy allows every action on every resource"
# description: "A statement with `Effect = Allow`, `Action = \"*\"` and `Resource = \"*\"` grants full administrator rights; whoever holds the role or user owns the account."
# custom:
#   id: tf-aws-iam-wildcard-policy
#   input: terraform
#   severity: critical
#   cwe: [CWE-269]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 1.16"
#   remediation: "List the actions and resources the principal needs; start from AWS managed job-function policies or IAM Access Analyzer's generated policy."
package palisade.checks.terraform.tf_aws_iam_wildcard_policy

import rego.v1
import data.palisade.lib.terraform as tf

policy_types := {"aws_iam_policy": "policy", "aws_iam_role_policy": "policy", "aws_iam_user_policy": "policy", "aws_iam_group_policy": "policy"}

deny contains {"msg": sprintf("%s %q allows every action (%q) on every resource", [type, r.name, a]), "path": array.concat(r.path, [attr, "Statement", i, "Action"])} if {
	some type, attr in policy_types
	some r in tf.resources(type)
	doc := tf.policy_doc(r.r[attr])
	some i, st in tf.statements(doc)
	st.Effect == "Allow"
	some a in tf.as_list(st.Action)
	a in {"*", "*:*"}
	some res in tf.as_list(st.Resource)
	res == "*"
}

deny contains {"msg": sprintf("policy document %q allows every action on every resource", [d.name]), "path": array.concat(d.path, ["statement"])} if {
	some d in [{"name": n, "r": x, "path": ["data", "aws_iam_policy_document", n]} | some n, x in input.data.aws_iam_policy_document]
	some b in tf.blocks(d.r, "statement", d.path)
	object.get(b.b, "effect", "Allow") == "Allow"
	"*" in tf.as_list(b.b.actions)
	"*" in tf.as_list(b.b.resources)
}
