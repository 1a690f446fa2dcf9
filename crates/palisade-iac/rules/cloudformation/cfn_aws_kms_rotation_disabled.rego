# METADATA
# title: "KMS key rotation not enabled (CloudFormation)"
# description: "Symmetric customer-managed keys without automatic rotation keep the same key material indefinitely."
# custom:
#   id: cfn-aws-kms-rotation-disabled
#   input: cloudformation
#   severity: medium
#   cwe: [CWE-320]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 3.6"
#   remediation: "Set `EnableKeyRotation: true`."
package palisade.checks.cloudformation.cfn_aws_kms_rotation_disabled

import rego.v1
import data.palisade.lib.cloudformation as cfn

deny contains {"msg": sprintf("KMS key %q does not rotate", [r.name]), "path": array.concat(r.path, ["Properties", "EnableKeyRotation"])} if {
	some r in cfn.resources("AWS::KMS::Key")
	object.get(r.p, "KeySpec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	not cfn.is_true(object.get(r.p, "EnableKeyRotation", false))
	not cfn.intrinsic(object.get(r.p, "EnableKeyRotation", false))
}
