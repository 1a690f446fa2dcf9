# METADATA
# title: "DynamoDB point-in-time recovery off"
# description: "Without point-in-time recovery, a bad write or delete cannot be rolled back."
# custom:
#   id: tf-aws-dynamodb-pitr-disabled
#   input: terraform
#   severity: low
#   cwe: [CWE-693]
#   benchmark:
#     - "AWS Foundational Security Best Practices DynamoDB.2"
#   remediation: "Add `point_in_time_recovery { enabled = true }`."
package palisade.checks.terraform.tf_aws_dynamodb_pitr_disabled

import rego.v1
import data.palisade.lib.terraform as tf

bad_values := [false]

deny contains {"msg": sprintf("%s %q has point-in-time recovery off", [type, r.name]), "path": array.concat(b.path, ["enabled"])} if {
	some type in ["aws_dynamodb_table"]
	some r in tf.resources(type)
	some b in tf.blocks(r.r, "point_in_time_recovery", r.path)
	object.get(b.b, "enabled", "__missing__") in bad_values
}
