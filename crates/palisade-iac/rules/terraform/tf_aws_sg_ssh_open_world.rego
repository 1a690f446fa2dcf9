# METADATA
# title: "Security group opens SSH to the internet"
# description: "An ingress rule that allows port 22 (SSH) from `0.0.0.0/0` or `::/0` exposes the service to brute force and exploitation from anywhere."
# custom:
#   id: tf-aws-sg-ssh-open-world
#   input: terraform
#   severity: high
#   cwe: [CWE-284]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 5.2"
#   remediation: "Restrict the source to known networks (a VPN, a bastion security group) or use AWS Systems Manager Session Manager instead of opening SSH."
package palisade.checks.terraform.tf_aws_sg_ssh_open_world

import rego.v1
import data.palisade.lib.terraform as tf

port := 22

cidrs(rule) := array.concat(tf.as_list(object.get(rule, "cidr_blocks", [])), tf.as_list(object.get(rule, "ipv6_cidr_blocks", [])))

deny contains {"msg": sprintf("security group %q allows port %d from the internet", [r.name, port]), "path": array.concat(b.path, [cidr_key(b.b)])} if {
	some r in tf.resources("aws_security_group")
	some b in tf.blocks(r.r, "ingress", r.path)
	tf.open_to_world(cidrs(b.b))
	tf.covers_port(b.b.from_port, b.b.to_port, port)
}

deny contains {"msg": sprintf("security group rule %q allows port %d from the internet", [r.name, port]), "path": array.concat(r.path, [cidr_key(r.r)])} if {
	some r in tf.resources("aws_security_group_rule")
	r.r.type == "ingress"
	tf.open_to_world(cidrs(r.r))
	tf.covers_port(r.r.from_port, r.r.to_port, port)
}

deny contains {"msg": sprintf("ingress rule %q allows port %d from the internet", [r.name, port]), "path": array.concat(r.path, [k])} if {
	some r in tf.resources("aws_vpc_security_group_ingress_rule")
	some k in ["cidr_ipv4", "cidr_ipv6"]
	r.r[k] in tf.world_cidrs
	tf.covers_port(object.get(r.r, "from_port", -1), object.get(r.r, "to_port", -1), port)
}

cidr_key(rule) := "cidr_blocks" if {
	some c in tf.as_list(object.get(rule, "cidr_blocks", []))
	c in tf.world_cidrs
} else := "ipv6_cidr_blocks"
