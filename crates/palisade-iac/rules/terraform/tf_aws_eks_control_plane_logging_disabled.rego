# METADATA
# title: "EKS control plane logs off"
# description: "Without `enabled_cluster_log_types` (at least `audit` and `authenticator`), API server activity is not recorded."
# custom:
#   id: tf-aws-eks-control-plane-logging-disabled
#   input: terraform
#   severity: low
#   cwe: [CWE-778]
#   benchmark:
#     - "CIS Amazon EKS Benchmark 2.1.1"
#   remediation: "Set `enabled_cluster_log_types = [\"api\", \"audit\", \"authenticator\"]`."
package palisade.checks.terraform.tf_aws_eks_control_plane_logging_disabled

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("EKS cluster %q does not log the audit trail", [r.name]), "path": r.path} if {
	some r in tf.resources("aws_eks_cluster")
	not "audit" in object.get(r.r, "enabled_cluster_log_types", [])
}
