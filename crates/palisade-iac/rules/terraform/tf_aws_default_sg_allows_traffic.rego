# METADATA
# title: "Default security group allows traffic"
# description: "Resources launched without a security group get the VPC default one; rules on it open every such resource."
# custom:
#   id: tf-aws-default-sg-allows-traffic
#   input: terraform
#   severity: medium
#   cwe: [CWE-284]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 5.4"
#   remediation: "Manage `aws_default_security_group` with no `ingress` or `egress` blocks."
package palisade.checks.terraform.tf_aws_default_sg_allows_traffic

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("default security group %q has %s rules", [r.name, k]), "path": array.concat(r.path, [k])} if {
	some r in tf.resources("aws_default_security_group")
	some k in ["ingress", "egress"]
	count(tf.blocks(r.r, k, r.path)) > 0
}
