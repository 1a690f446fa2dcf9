# METADATA
# title: "RDS storage not encrypted (CloudFormation)"
# description: "A DB instance or cluster without `StorageEncrypted: true` keeps its data, backups and snapshots unencrypted at rest."
# custom:
#   id: cfn-aws-rds-unencrypted
#   input: cloudformation
#   severity: high
#   cwe: [CWE-311]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 2.3.1"
#   remediation: "Set `StorageEncrypted: true` (and a `KmsKeyId` where required)."
package palisade.checks.cloudformation.cfn_aws_rds_unencrypted

import rego.v1
import data.palisade.lib.cloudformation as cfn

deny contains {"msg": sprintf("%s %q does not encrypt its storage", [type, r.name]), "path": array.concat(r.path, ["Properties", "StorageEncrypted"])} if {
	some type in ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"]
	some r in cfn.resources(type)
	not cfn.is_true(object.get(r.p, "StorageEncrypted", false))
	not cfn.intrinsic(object.get(r.p, "StorageEncrypted", false))
	not r.p.SourceDBInstanceIdentifier
	not r.p.DBClusterIdentifier
}
