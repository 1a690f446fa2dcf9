# METADATA
# title: "Load balancer listener serves plain HTTP"
# description: "An HTTP listener that forwards traffic (instead of redirecting to HTTPS) carries sessions and credentials in clear text."
# custom:
#   id: tf-aws-lb-http-listener
#   input: terraform
#   severity: medium
#   cwe: [CWE-319]
#   benchmark:
#     - "AWS Foundational Security Best Practices ELB.1"
#   remediation: "Use an HTTPS listener, and make the HTTP listener a `redirect` to HTTPS."
package palisade.checks.terraform.tf_aws_lb_http_listener

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q forwards plain HTTP", [type, r.name]), "path": array.concat(r.path, ["protocol"])} if {
	some type in ["aws_lb_listener", "aws_alb_listener"]
	some r in tf.resources(type)
	r.r.protocol == "HTTP"
	not redirects(r)
}

redirects(r) if {
	some a in tf.blocks(r.r, "default_action", r.path)
	a.b.type == "redirect"
}
