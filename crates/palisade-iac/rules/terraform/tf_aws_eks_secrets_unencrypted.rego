# METADATA
# title: "EKS secrets not encrypted with KMS"
# description: "Without `encryption_config`, Kubernetes Secrets are stored in etcd without envelope encryption by a key you control."
# custom:
#   id: tf-aws-eks-secrets-unencrypted
#   input: terraform
#   severity: medium
#   cwe: [CWE-311]
#   benchmark:
#     - "CIS Amazon EKS Benchmark 5.3.1"
#   remediation: "Add `encryption_config { resources = [\"secrets\"] provider { key_arn = ... } }`."
package palisade.checks.terraform.tf_aws_eks_secrets_unencrypted

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("EKS cluster %q does not encrypt Secrets with KMS", [r.name]), "path": r.path} if {
	some r in tf.resources("aws_eks_cluster")
	not r.r.encryption_config
}
