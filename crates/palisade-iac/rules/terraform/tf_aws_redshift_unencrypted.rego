# METADATA
# title: "Redshift cluster not encrypted"
# description: "An unencrypted Redshift cluster stores its data and snapshots unencrypted at rest."
# custom:
#   id: tf-aws-redshift-unencrypted
#   input: terraform
#   severity: high
#   cwe: [CWE-311]
#   benchmark:
#     - "AWS Foundational Security Best Practices Redshift.10"
#   remediation: "Set `encrypted = true` (with `kms_key_id`)."
package palisade.checks.terraform.tf_aws_redshift_unencrypted

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q is not encrypted", [type, r.name]), "path": array.concat(r.path, ["encrypted"])} if {
	some type in ["aws_redshift_cluster"]
	some r in tf.resources(type)
	not tf.is_true(object.get(r.r, "encrypted", false))
	not tf.unknown(object.get(r.r, "encrypted", false))
}
