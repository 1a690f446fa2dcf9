# METADATA
# title: "GuardDuty detector disabled"
# description: "A disabled GuardDuty detector does not analyse CloudTrail, VPC flow and DNS logs for threats."
# custom:
#   id: tf-aws-guardduty-disabled
#   input: terraform
#   severity: medium
#   cwe: [CWE-778]
#   benchmark:
#     - "AWS Foundational Security Best Practices GuardDuty.1"
#   remediation: "Set `enable = true` on the detector in every region you use."
package palisade.checks.terraform.tf_aws_guardduty_disabled

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q is disabled", [type, r.name]), "path": array.concat(r.path, ["enable"])} if {
	some type in ["aws_guardduty_detector"]
	some r in tf.resources(type)
	not tf.is_true(object.get(r.r, "enable", false))
	not tf.unknown(object.get(r.r, "enable", false))
}
