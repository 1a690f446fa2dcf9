# METADATA
# title: "Network ACL allows SSH or RDP from the internet"
# description: "A network ACL rule that allows ports 22 or 3389 from `0.0.0.0/0` exposes remote administration for a whole subnet."
# custom:
#   id: tf-aws-nacl-admin-open-world
#   input: terraform
#   severity: high
#   cwe: [CWE-284]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 5.1"
#   remediation: "Restrict `cidr_block` to known networks."
package palisade.checks.terraform.tf_aws_nacl_admin_open_world

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("network ACL rule %q allows SSH/RDP from the internet", [r.name]), "path": array.concat(r.path, ["cidr_block"])} if {
	some r in tf.resources("aws_network_acl_rule")
	not tf.is_true(object.get(r.r, "egress", false))
	r.r.rule_action == "allow"
	r.r.cidr_block == "0.0.0.0/0"
	some port in [22, 3389]
	tf.covers_port(object.get(r.r, "from_port", 0), object.get(r.r, "to_port", 0), port)
}
