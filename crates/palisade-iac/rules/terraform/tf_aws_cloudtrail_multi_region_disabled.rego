# METADATA
# title: "CloudTrail covers one region only"
# description: "A single-region trail misses API activity in every other region, where an attacker can work unseen."
# custom:
#   id: tf-aws-cloudtrail-multi-region-disabled
#   input: terraform
#   severity: medium
#   cwe: [CWE-778]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 3.1"
#   remediation: "Set `is_multi_region_trail = true`."
package palisade.checks.terraform.tf_aws_cloudtrail_multi_region_disabled

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q records one region only", [type, r.name]), "path": array.concat(r.path, ["is_multi_region_trail"])} if {
	some type in ["aws_cloudtrail"]
	some r in tf.resources(type)
	not tf.is_true(object.get(r.r, "is_multi_region_trail", false))
	not tf.unknown(object.get(r.r, "is_multi_region_trail", false))
}
