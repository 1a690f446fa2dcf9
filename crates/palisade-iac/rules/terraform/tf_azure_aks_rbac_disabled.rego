# METADATA
# title: "AKS RBAC disabled"
# description: "Without Kubernetes RBAC, every authenticated user and service account can do everything in the cluster."
# custom:
#   id: tf-azure-aks-rbac-disabled
#   input: terraform
#   severity: high
#   cwe: [CWE-285]
#   benchmark:
#     - "CIS Microsoft Azure Foundations Benchmark 8.x (AKS)"
#   remediation: "Set `role_based_access_control_enabled = true` (the default) and integrate Azure AD."
package palisade.checks.terraform.tf_azure_aks_rbac_disabled

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q has Kubernetes RBAC disabled", [type, r.name]), "path": array.concat(r.path, ["role_based_access_control_enabled"])} if {
	some type in ["azurerm_kubernetes_cluster"]
	some r in tf.resources(type)
	not tf.is_true(object.get(r.r, "role_based_access_control_enabled", false))
	not tf.unknown(object.get(r.r, "role_based_access_control_enabled", false))
}
