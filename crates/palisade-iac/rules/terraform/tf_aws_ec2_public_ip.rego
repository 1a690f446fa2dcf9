# METADATA
# title: "EC2 instance gets a public IP"
# description: "A public IP puts the instance directly on the internet, one security group rule away from exposure."
# custom:
#   id: tf-aws-ec2-public-ip
#   input: terraform
#   severity: low
#   cwe: [CWE-668]
#   benchmark:
#     - "AWS Foundational Security Best Practices EC2.9"
#   remediation: "Place instances in private subnets behind a load balancer or NAT; set `associate_public_ip_address = false`."
package palisade.checks.terraform.tf_aws_ec2_public_ip

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q gets a public IP address", [type, r.name]), "path": array.concat(r.path, ["associate_public_ip_address"])} if {
	some type in ["aws_instance"]
	some r in tf.resources(type)
	tf.is_true(r.r["associate_public_ip_address"])
}
