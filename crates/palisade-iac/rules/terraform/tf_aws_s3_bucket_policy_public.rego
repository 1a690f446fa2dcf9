# METADATA
# title: "S3 bucket policy allows anyone"
# description: "A bucket policy statement that allows `Principal = \"*\"` without a condition grants the action to everyone on the internet."
# custom:
#   id: tf-aws-s3-bucket-policy-public
#   input: terraform
#   severity: high
#   cwe: [CWE-732]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 2.1.4"
#   remediation: "Name the principals, or add conditions (`aws:SourceVpce`, `aws:PrincipalOrgID`); serve public content through CloudFront with OAC."
package palisade.checks.terraform.tf_aws_s3_bucket_policy_public

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("bucket policy %q allows any principal", [r.name]), "path": array.concat(r.path, ["policy", "Statement", i, "Principal"])} if {
	some r in tf.resources("aws_s3_bucket_policy")
	doc := tf.policy_doc(r.r.policy)
	some i, st in tf.statements(doc)
	st.Effect == "Allow"
	anyone(st.Principal)
	not st.Condition
}

anyone(p) if p == "*"

anyone(p) if "*" in tf.as_list(p.AWS)
