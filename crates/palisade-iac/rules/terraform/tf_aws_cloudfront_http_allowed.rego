# METADATA
# title: "CloudFront serves plain HTTP"
# description: "`viewer_protocol_policy = \"allow-all\"` lets viewers use plain HTTP, exposing cookies and content to the network."
# custom:
#   id: tf-aws-cloudfront-http-allowed
#   input: terraform
#   severity: medium
#   cwe: [CWE-319]
#   benchmark:
#     - "AWS Foundational Security Best Practices CloudFront.3"
#   remediation: "Use `redirect-to-https` or `https-only`."
package palisade.checks.terraform.tf_aws_cloudfront_http_allowed

import rego.v1
import data.palisade.lib.terraform as tf

bad_values := ["allow-all"]

deny contains {"msg": sprintf("%s %q lets viewers use plain HTTP", [type, r.name]), "path": array.concat(b.path, ["viewer_protocol_policy"])} if {
	some type in ["aws_cloudfront_distribution"]
	some r in tf.resources(type)
	some b in tf.blocks(r.r, "default_cache_behavior", r.path)
	object.get(b.b, "viewer_protocol_policy", "__missing__") in bad_values
}
