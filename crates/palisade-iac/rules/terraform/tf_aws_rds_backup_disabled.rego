# METADATA
# title: "RDS automated backups disabled"
# description: "A retention period of 0 turns automated backups and point-in-time recovery off."
# custom:
#   id: tf-aws-rds-backup-disabled
#   input: terraform
#   severity: medium
#   cwe: [CWE-693]
#   benchmark:
#     - "AWS Foundational Security Best Practices RDS.11"
#   remediation: "Set `backup_retention_period` to 7 days or more."
package palisade.checks.terraform.tf_aws_rds_backup_disabled

import rego.v1
import data.palisade.lib.terraform as tf

bad_values := [0]

deny contains {"msg": sprintf("%s %q keeps no automated backups (%v)", [type, r.name, r.r["backup_retention_period"]]), "path": array.concat(r.path, ["backup_retention_period"])} if {
	some type in ["aws_db_instance", "aws_rds_cluster"]
	some r in tf.resources(type)
	r.r["backup_retention_period"] in bad_values
}
