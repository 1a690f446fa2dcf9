# METADATA
# title: "RDS automatic minor upgrades off"
# description: "Without automatic minor version upgrades, security patches to the database engine wait for someone to apply them by hand."
# custom:
#   id: tf-aws-rds-minor-upgrades-disabled
#   input: terraform
#   severity: low
#   cwe: [CWE-1104]
#   benchmark:
#     - "AWS Foundational Security Best Practices RDS.13"
#   remediation: "Set `auto_minor_version_upgrade = true`."
package palisade.checks.terraform.tf_aws_rds_minor_upgrades_disabled

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q does not take minor (security) upgrades automatically", [type, r.name]), "path": array.concat(r.path, ["auto_minor_version_upgrade"])} if {
	some type in ["aws_db_instance"]
	some r in tf.resources(type)
	not tf.is_true(object.get(r.r, "auto_minor_version_upgrade", false))
	not tf.unknown(object.get(r.r, "auto_minor_version_upgrade", false))
}
