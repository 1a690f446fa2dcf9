# METADATA
# title: "DMS replication instance publicly accessible"
# description: "A public replication instance exposes a host that holds credentials for both source and target databases."
# custom:
#   id: tf-aws-dms-public
#   input: terraform
#   severity: high
#   cwe: [CWE-284]
#   benchmark:
#     - "AWS Foundational Security Best Practices DMS.1"
#   remediation: "Set `publicly_accessible = false`."
package palisade.checks.terraform.tf_aws_dms_public

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q is publicly accessible", [type, r.name]), "path": array.concat(r.path, ["publicly_accessible"])} if {
	some type in ["aws_dms_replication_instance"]
	some r in tf.resources(type)
	tf.is_true(r.r["publicly_accessible"])
}
