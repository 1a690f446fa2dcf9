# METADATA
# title: "EKS API endpoint open to the internet"
# description: "A public cluster endpoint without `public_access_cidrs` (or with `0.0.0.0/0`) lets anyone reach the Kubernetes API server and try credentials or exploits."
# custom:
#   id: tf-aws-eks-public-endpoint
#   input: terraform
#   severity: high
#   cwe: [CWE-284]
#   benchmark:
#     - "CIS Amazon EKS Benchmark 5.4.2"
#   remediation: "Set `endpoint_public_access = false` (use private access), or restrict `public_access_cidrs`."
package palisade.checks.terraform.tf_aws_eks_public_endpoint

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("EKS cluster %q exposes its API endpoint to the internet", [r.name]), "path": array.concat(b.path, ["endpoint_public_access"])} if {
	some r in tf.resources("aws_eks_cluster")
	some b in tf.blocks(r.r, "vpc_config", r.path)
	not tf.is_false(object.get(b.b, "endpoint_public_access", true))
	open(object.get(b.b, "public_access_cidrs", ["0.0.0.0/0"]))
}

open(cidrs) if "0.0.0.0/0" in cidrs
