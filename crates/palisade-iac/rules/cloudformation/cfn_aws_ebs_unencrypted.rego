# METADATA
# title: "EBS volume not encrypted (CloudFormation)"
# description: "An EBS volume without `Encrypted: true` stores its data and snapshots unencrypted at rest."
# custom:
#   id: cfn-aws-ebs-unencrypted
#   input: cloudformation
#   severity: medium
#   cwe: [CWE-311]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 2.2.1"
#   remediation: "Set `Encrypted: true`."
package palisade.checks.cloudformation.cfn_aws_ebs_unencrypted

import rego.v1
import data.palisade.lib.cloudformation as cfn

deny contains {"msg": sprintf("volume %q is not encrypted", [r.name]), "path": array.concat(r.path, ["Properties", "Encrypted"])} if {
	some r in cfn.resources("AWS::EC2::Volume")
	not cfn.is_true(object.get(r.p, "Encrypted", false))
	not cfn.intrinsic(object.get(r.p, "Encrypted", false))
}
