# METADATA
# title: "EFS file system not encrypted (CloudFormation)"
# description: "An EFS file system without `Encrypted: true` stores its data unencrypted at rest."
# custom:
#   id: cfn-aws-efs-unencrypted
#   input: cloudformation
#   severity: medium
#   cwe: [CWE-311]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 2.4.1"
#   remediation: "Set `Encrypted: true` when creating the file system."
package palisade.checks.cloudformation.cfn_aws_efs_unencrypted

import rego.v1
import data.palisade.lib.cloudformation as cfn

deny contains {"msg": sprintf("file system %q is not encrypted", [r.name]), "path": array.concat(r.path, ["Properties", "Encrypted"])} if {
	some r in cfn.resources("AWS::EFS::FileSystem")
	not cfn.is_true(object.get(r.p, "Encrypted", false))
	not cfn.intrinsic(object.get(r.p, "Encrypted", false))
}
