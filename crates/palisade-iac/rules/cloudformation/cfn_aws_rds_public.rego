# METADATA
# title: "RDS instance publicly accessible (CloudFormation)"
# description: "`PubliclyAccessible: true` gives the database a public address."
# custom:
#   id: cfn-aws-rds-public
#   input: cloudformation
#   severity: high
#   cwe: [CWE-284]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 2.3.3"
#   remediation: "Set `PubliclyAccessible: false`."
package palisade.checks.cloudformation.cfn_aws_rds_public

import rego.v1
import data.palisade.lib.cloudformation as cfn

deny contains {"msg": sprintf("DB instance %q is publicly accessible", [r.name]), "path": array.concat(r.path, ["Properties", "PubliclyAccessible"])} if {
	some r in cfn.resources("AWS::RDS::DBInstance")
	cfn.is_true(r.p.PubliclyAccessible)
}
