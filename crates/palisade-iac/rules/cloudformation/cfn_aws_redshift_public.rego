# METADATA
# title: "Redshift cluster publicly accessible (CloudFormation)"
# description: "`PubliclyAccessible: true` gives the data warehouse a public address."
# custom:
#   id: cfn-aws-redshift-public
#   input: cloudformation
#   severity: high
#   cwe: [CWE-284]
#   benchmark:
#     - "AWS Foundational Security Best Practices Redshift.1"
#   remediation: "Set `PubliclyAccessible: false`."
package palisade.checks.cloudformation.cfn_aws_redshift_public

import rego.v1
import data.palisade.lib.cloudformation as cfn

deny contains {"msg": sprintf("Redshift cluster %q is publicly accessible", [r.name]), "path": array.concat(r.path, ["Properties", "PubliclyAccessible"])} if {
	some r in cfn.resources("AWS::Redshift::Cluster")
	cfn.is_true(r.p.PubliclyAccessible)
}
