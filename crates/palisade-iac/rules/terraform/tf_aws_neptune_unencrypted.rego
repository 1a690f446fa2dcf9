# METADATA
# title: "Neptune cluster not encrypted"
# description: "An unencrypted Neptune cluster stores data and snapshots unencrypted."
# custom:
#   id: tf-aws-neptune-unencrypted
#   input: terraform
#   severity: high
#   cwe: [CWE-311]
#   benchmark:
#     - "AWS Foundational Security Best Practices Neptune.1"
#   remediation: "Set `storage_encrypted = true`."
package palisade.checks.terraform.tf_aws_neptune_unencrypted

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q is not encrypted", [type, r.name]), "path": array.concat(r.path, ["storage_encrypted"])} if {
	some type in ["aws_neptune_cluster"]
	some r in tf.resources(type)
	not tf.is_true(object.get(r.r, "storage_encrypted", false))
	not tf.unknown(object.get(r.r, "storage_encrypted", false))
}
