# METADATA
# title: "RDS IAM authentication off"
# description: "Without IAM database authentication, access relies on long-lived database passwords only."
# custom:
#   id: tf-aws-rds-iam-auth-disabled
#   input: terraform
#   severity: low
#   cwe: [CWE-287]
#   benchmark:
#     - "AWS Foundational Security Best Practices RDS.10"
#   remediation: "Set `iam_database_authentication_enabled = true` and use IAM tokens for applications."
package palisade.checks.terraform.tf_aws_rds_iam_auth_disabled

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q does not accept IAM authentication", [type, r.name]), "path": array.concat(r.path, ["iam_database_authentication_enabled"])} if {
	some type in ["aws_db_instance", "aws_rds_cluster"]
	some r in tf.resources(type)
	not tf.is_true(object.get(r.r, "iam_database_authentication_enabled", false))
	not tf.unknown(object.get(r.r, "iam_database_authentication_enabled", false))
}
