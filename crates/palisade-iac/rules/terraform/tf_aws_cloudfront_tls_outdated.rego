# METADATA
# title: "CloudFront accepts TLS older than 1.2"
# description: "A minimum protocol version below TLS 1.2 lets viewers negotiate protocol versions with known weaknesses."
# custom:
#   id: tf-aws-cloudfront-tls-outdated
#   input: terraform
#   severity: medium
#   cwe: [CWE-326]
#   benchmark:
#     - "AWS Foundational Security Best Practices CloudFront.10"
#   remediation: "Set `minimum_protocol_version = \"TLSv1.2_2021\"`."
package palisade.checks.terraform.tf_aws_cloudfront_tls_outdated

import rego.v1
import data.palisade.lib.terraform as tf

bad_values := ["SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016"]

deny contains {"msg": sprintf("%s %q accepts TLS older than 1.2", [type, r.name]), "path": array.concat(b.path, ["minimum_protocol_version"])} if {
	some type in ["aws_cloudfront_distribution"]
	some r in tf.resources(type)
	some b in tf.blocks(r.r, "viewer_certificate", r.path)
	object.get(b.b, "minimum_protocol_version", "__missing__") in bad_values
}
