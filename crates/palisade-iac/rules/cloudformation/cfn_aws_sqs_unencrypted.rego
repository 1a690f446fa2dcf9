# METADATA
# title: "SQS queue not encrypted (CloudFormation)"
# description: "A queue with SQS-managed encryption turned off and no KMS key stores messages unencrypted."
# custom:
#   id: cfn-aws-sqs-unencrypted
#   input: cloudformation
#   severity: medium
#   cwe: [CWE-311]
#   benchmark:
#     - "AWS Foundational Security Best Practices SQS.1"
#   remediation: "Remove `SqsManagedSseEnabled: false` or set `KmsMasterKeyId`."
package palisade.checks.cloudformation.cfn_aws_sqs_unencrypted

import rego.v1
import data.palisade.lib.cloudformation as cfn

deny contains {"msg": sprintf("queue %q is not encrypted", [r.name]), "path": array.concat(r.path, ["Properties", "SqsManagedSseEnabled"])} if {
	some r in cfn.resources("AWS::SQS::Queue")
	not r.p.KmsMasterKeyId
	r.p.SqsManagedSseEnabled == false
}
