# METADATA
# title: "Amazon MQ broker publicly accessible"
# description: "`publicly_accessible = true` puts the message broker on the internet."
# custom:
#   id: tf-aws-mq-public
#   input: terraform
#   severity: high
#   cwe: [CWE-284]
#   benchmark:
#     - "AWS Foundational Security Best Practices MQ.5"
#   remediation: "Set `publicly_accessible = false`."
package palisade.checks.terraform.tf_aws_mq_public

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q is publicly accessible", [type, r.name]), "path": array.concat(r.path, ["publicly_accessible"])} if {
	some type in ["aws_mq_broker"]
	some r in tf.resources(type)
	tf.is_true(r.r["publicly_accessible"])
}
