# METADATA
# title: "IAM policy allows every action on every resource (CloudFormation)"
# description: "A statement with `Effect: Allow`, `Action: \"*\"` and `Resource: \"*\"` grants full administrator rights."
# custom:
#   id: cfn-aws-iam-wildcard-policy
#   input: cloudformation
#   severity: critical
#   cwe: [CWE-269]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 1.16"
#   remediation: "List the actions and resources the principal needs."
package palisade.checks.cloudformation.cfn_aws_iam_wildcard_policy

import rego.v1
import data.palisade.lib.cloudformation as cfn

policy_docs contains {"name": r.name, "doc": r.p.PolicyDocument, "path": array.concat(r.path, ["Properties", "PolicyDocument"])} if {
	some type in ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"]
	some r in cfn.resources(type)
}

policy_docs contains {"name": r.name, "doc": p.PolicyDocument, "path": array.concat(r.path, ["Properties", "Policies", i, "PolicyDocument"])} if {
	some type in ["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"]
	some r in cfn.resources(type)
	some i, p in r.p.Policies
}

deny contains {"msg": sprintf("policy in %q allows every action on every resource", [d.name]), "path": array.concat(d.path, ["Statement", i, "Action"])} if {
	some d in policy_docs
	some i, st in cfn.as_list(d.doc.Statement)
	st.Effect == "Allow"
	some a in cfn.as_list(st.Action)
	a in {"*", "*:*"}
	"*" in cfn.as_list(st.Resource)
}
