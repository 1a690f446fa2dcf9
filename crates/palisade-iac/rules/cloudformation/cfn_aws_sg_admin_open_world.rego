# METADATA
# title: "Security group opens SSH or RDP to the internet (CloudFormation)"
# description: "An ingress rule that allows port 22 or 3389 from `0.0.0.0/0` or `::/0` exposes remote administration to the whole internet."
# custom:
#   id: cfn-aws-sg-admin-open-world
#   input: cloudformation
#   severity: high
#   cwe: [CWE-284]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 5.2"
#   remediation: "Restrict `CidrIp` to known networks or use AWS Systems Manager Session Manager."
package palisade.checks.cloudformation.cfn_aws_sg_admin_open_world

import rego.v1
import data.palisade.lib.cloudformation as cfn

open_rule(rule) if {
	some k in ["CidrIp", "CidrIpv6"]
	rule[k] in {"0.0.0.0/0", "::/0"}
	some port in [22, 3389]
	cfn.num(object.get(rule, "FromPort", -1)) <= port
	cfn.num(object.get(rule, "ToPort", -1)) >= port
}

open_rule(rule) if {
	some k in ["CidrIp", "CidrIpv6"]
	rule[k] in {"0.0.0.0/0", "::/0"}
	rule.IpProtocol in {"-1", -1}
}

deny contains {"msg": sprintf("security group %q opens SSH or RDP to the internet", [r.name]), "path": array.concat(r.path, ["Properties", "SecurityGroupIngress", i])} if {
	some r in cfn.resources("AWS::EC2::SecurityGroup")
	some i, rule in r.p.SecurityGroupIngress
	open_rule(rule)
}

deny contains {"msg": sprintf("ingress %q opens SSH or RDP to the internet", [r.name]), "path": r.path} if {
	some r in cfn.resources("AWS::EC2::SecurityGroupIngress")
	open_rule(r.p)
}
