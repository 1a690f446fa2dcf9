# METADATA
# title: "RDS deletion protection off"
# description: "Without deletion protection, one API call (or a `terraform destroy`) deletes the database."
# custom:
#   id: tf-aws-rds-deletion-protection-disabled
#   input: terraform
#   severity: low
#   cwe: [CWE-693]
#   benchmark:
#     - "AWS Foundational Security Best Practices RDS.8"
#   remediation: "Set `deletion_protection = true`."
package palisade.checks.terraform.tf_aws_rds_deletion_protection_disabled

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q can be deleted without protection", [type, r.name]), "path": array.concat(r.path, ["deletion_protection"])} if {
	some type in ["aws_db_instance", "aws_rds_cluster"]
	some r in tf.resources(type)
	not tf.is_true(object.get(r.r, "deletion_protection", false))
	not tf.unknown(object.get(r.r, "deletion_protection", false))
}
