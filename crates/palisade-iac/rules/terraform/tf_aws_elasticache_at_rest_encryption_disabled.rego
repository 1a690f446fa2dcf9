# METADATA
# title: "ElastiCache data not encrypted at rest"
# description: "Without at-rest encryption, cache data and backups are stored unencrypted."
# custom:
#   id: tf-aws-elasticache-at-rest-encryption-disabled
#   input: terraform
#   severity: medium
#   cwe: [CWE-311]
#   benchmark:
#     - "AWS Foundational Security Best Practices ElastiCache.4"
#   remediation: "Set `at_rest_encryption_enabled = true`."
package palisade.checks.terraform.tf_aws_elasticache_at_rest_encryption_disabled

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q does not encrypt data at rest", [type, r.name]), "path": array.concat(r.path, ["at_rest_encryption_enabled"])} if {
	some type in ["aws_elasticache_replication_group"]
	some r in tf.resources(type)
	not tf.is_true(object.get(r.r, "at_rest_encryption_enabled", false))
	not tf.unknown(object.get(r.r, "at_rest_encryption_enabled", false))
}
