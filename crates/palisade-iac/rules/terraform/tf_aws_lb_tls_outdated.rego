# METADATA
# title: "Load balancer accepts TLS 1.0 or 1.1"
# description: "Security policies that allow TLS 1.0 or 1.1 let clients negotiate protocol versions with known weaknesses."
# custom:
#   id: tf-aws-lb-tls-outdated
#   input: terraform
#   severity: medium
#   cwe: [CWE-326]
#   benchmark:
#     - "AWS Foundational Security Best Practices ELB.17"
#   remediation: "Use `ELBSecurityPolicy-TLS13-1-2-2021-06` or another TLS 1.2+ policy."
package palisade.checks.terraform.tf_aws_lb_tls_outdated

import rego.v1
import data.palisade.lib.terraform as tf

bad_values := ["ELBSecurityPolicy-2015-05", "ELBSecurityPolicy-TLS-1-0-2015-04", "ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-TLS-1-1-2017-01"]

deny contains {"msg": sprintf("%s %q accepts TLS older than 1.2 (%v)", [type, r.name, r.r["ssl_policy"]]), "path": array.concat(r.path, ["ssl_policy"])} if {
	some type in ["aws_lb_listener", "aws_alb_listener"]
	some r in tf.resources(type)
	r.r["ssl_policy"] in bad_values
}
