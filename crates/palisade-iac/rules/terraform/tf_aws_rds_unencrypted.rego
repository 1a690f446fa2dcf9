# METADATA
# title: "RDS storage not encrypted"
# description: "An RDS instance or cluster without `storage_encrypted = true` keeps its data, backups and snapshots unencrypted at rest."
# custom:
#   id: tf-aws-rds-unencrypted
#   input: terraform
#   severity: high
#   cwe: [CWE-311]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 2.3.1"
#   remediation: "Set `storage_encrypted = true` (and a customer-managed `kms_key_id` where required); existing instances must be migrated through an encrypted snapshot."
package palisade.checks.terraform.tf_aws_rds_unencrypted

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q does not encrypt its storage", [type, r.name]), "path": array.concat(r.path, ["storage_encrypted"])} if {
	some type in ["aws_db_instance", "aws_rds_cluster"]
	some r in tf.resources(type)
	not tf.is_true(object.get(r.r, "storage_encrypted", false))
	not tf.unknown(object.get(r.r, "storage_encrypted", false))
	not r.r.replicate_source_db
}
