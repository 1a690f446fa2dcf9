# METADATA
# title: "S3 bucket versioning suspended"
# description: "With versioning suspended, an overwritten or deleted object is gone: ransomware, a bad deploy or a mistaken delete cannot be undone."
# custom:
#   id: tf-aws-s3-versioning-disabled
#   input: terraform
#   severity: low
#   cwe: [CWE-693]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 2.1.3"
#   remediation: "Set `versioning_configuration { status = \"Enabled\" }` (and consider MFA delete)."
package palisade.checks.terraform.tf_aws_s3_versioning_disabled

import rego.v1
import data.palisade.lib.terraform as tf

bad_values := ["Suspended", "Disabled"]

deny contains {"msg": sprintf("%s %q does not keep object versions", [type, r.name]), "path": array.concat(b.path, ["status"])} if {
	some type in ["aws_s3_bucket_versioning"]
	some r in tf.resources(type)
	some b in tf.blocks(r.r, "versioning_configuration", r.path)
	object.get(b.b, "status", "__missing__") in bad_values
}
