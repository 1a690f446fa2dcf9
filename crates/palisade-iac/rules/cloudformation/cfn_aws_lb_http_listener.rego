# METADATA
# title: "Load balancer listener serves plain HTTP (CloudFormation)"
# description: "An HTTP listener that forwards traffic (instead of redirecting to HTTPS) carries sessions and credentials in clear text."
# custom:
#   id: cfn-aws-lb-http-listener
#   input: cloudformation
#   severity: medium
#   cwe: [CWE-319]
#   benchmark:
#     - "AWS Foundational Security Best Practices ELB.1"
#   remediation: "Use an HTTPS listener and make the HTTP one a `redirect` to HTTPS."
package palisade.checks.cloudformation.cfn_aws_lb_http_listener

import rego.v1
import data.palisade.lib.cloudformation as cfn

deny contains {"msg": sprintf("listener %q forwards plain HTTP", [r.name]), "path": array.concat(r.path, ["Properties", "Protocol"])} if {
	some r in cfn.resources("AWS::ElasticLoadBalancingV2::Listener")
	r.p.Protocol == "HTTP"
	not redirects(r.p)
}

redirects(p) if {
	some a in p.DefaultActions
	a.Type == "redirect"
}
