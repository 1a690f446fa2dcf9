# METADATA
# title: "EC2 instance metadata allows IMDSv1"
# description: "IMDSv1 answers unauthenticated GET requests, so an SSRF in the application hands out the instance role's credentials."
# custom:
#   id: tf-aws-ec2-imdsv1-enabled
#   input: terraform
#   severity: high
#   cwe: [CWE-918]
#   benchmark:
#     - "AWS Foundational Security Best Practices EC2.8"
#   remediation: "Set `metadata_options { http_tokens = \"required\" }`."
package palisade.checks.terraform.tf_aws_ec2_imdsv1_enabled

import rego.v1
import data.palisade.lib.terraform as tf

bad_values := ["optional"]

deny contains {"msg": sprintf("%s %q accepts IMDSv1 requests", [type, r.name]), "path": array.concat(b.path, ["http_tokens"])} if {
	some type in ["aws_instance", "aws_launch_template"]
	some r in tf.resources(type)
	some b in tf.blocks(r.r, "metadata_options", r.path)
	object.get(b.b, "http_tokens", "__missing__") in bad_values
}
