# METADATA
# title: "AMI shared publicly"
# description: "An AMI launch permission for group `all` lets every AWS account launch the image, including any data or credentials baked into it."
# custom:
#   id: tf-aws-ami-public
#   input: terraform
#   severity: high
#   cwe: [CWE-200]
#   benchmark:
#     - "AWS Foundational Security Best Practices EC2.1"
#   remediation: "Share the AMI with specific `account_id`s or an organisation."
package palisade.checks.terraform.tf_aws_ami_public

import rego.v1
import data.palisade.lib.terraform as tf

bad_values := ["all"]

deny contains {"msg": sprintf("%s %q is shared with every AWS account (%v)", [type, r.name, r.r["group"]]), "path": array.concat(r.path, ["group"])} if {
	some type in ["aws_ami_launch_permission"]
	some r in tf.resources(type)
	r.r["group"] in bad_values
}
