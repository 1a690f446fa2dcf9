# METADATA
# title: "ECR scan on push off"
# description: "Without scan on push, vulnerable images are stored and deployed without a vulnerability scan."
# custom:
#   id: tf-aws-ecr-scan-on-push-disabled
#   input: terraform
#   severity: low
#   cwe: [CWE-1104]
#   benchmark:
#     - "AWS Foundational Security Best Practices ECR.1"
#   remediation: "Set `image_scanning_configuration { scan_on_push = true }` (or enable registry-level scanning)."
package palisade.checks.terraform.tf_aws_ecr_scan_on_push_disabled

import rego.v1
import data.palisade.lib.terraform as tf

bad_values := [false]

deny contains {"msg": sprintf("%s %q does not scan images on push", [type, r.name]), "path": array.concat(b.path, ["scan_on_push"])} if {
	some type in ["aws_ecr_repository"]
	some r in tf.resources(type)
	some b in tf.blocks(r.r, "image_scanning_configuration", r.path)
	object.get(b.b, "scan_on_push", "__missing__") in bad_values
}
