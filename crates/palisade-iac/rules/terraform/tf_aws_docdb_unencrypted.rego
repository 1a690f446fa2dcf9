# METADATA
# title: "DocumentDB cluster not encrypted"
# description: "An unencrypted DocumentDB cluster stores data, backups and snapshots unencrypted."
# custom:
#   id: tf-aws-docdb-unencrypted
#   input: terraform
#   severity: high
#   cwe: [CWE-311]
#   benchmark:
#     - "AWS Foundational Security Best Practices DocumentDB.1"
#   remediation: "Set `storage_encrypted = true`."
package palisade.checks.terraform.tf_aws_docdb_unencrypted

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q is not encrypted", [type, r.name]), "path": array.concat(r.path, ["storage_encrypted"])} if {
	some type in ["aws_docdb_cluster"]
	some r in tf.resources(type)
	not tf.is_true(object.get(r.r, "storage_encrypted", false))
	not tf.unknown(object.get(r.r, "storage_encrypted", false))
}
