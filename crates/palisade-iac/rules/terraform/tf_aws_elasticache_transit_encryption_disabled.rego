# METADATA
# title: "ElastiCache traffic not encrypted"
# description: "Without in-transit encryption, clients talk to Redis in clear text inside the VPC."
# custom:
#   id: tf-aws-elasticache-transit-encryption-disabled
#   input: terraform
#   severity: medium
#   cwe: [CWE-319]
#   benchmark:
#     - "AWS Foundational Security Best Practices ElastiCache.5"
#   remediation: "Set `transit_encryption_enabled = true`."
package palisade.checks.terraform.tf_aws_elasticache_transit_encryption_disabled

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q does not encrypt traffic", [type, r.name]), "path": array.concat(r.path, ["transit_encryption_enabled"])} if {
	some type in ["aws_elasticache_replication_group"]
	some r in tf.resources(type)
	not tf.is_true(object.get(r.r, "transit_encryption_enabled", false))
	not tf.unknown(object.get(r.r, "transit_encryption_enabled", false))
}
