# METADATA
# title: "Container registry admin account enabled"
# description: "The registry admin account is a shared username and password with push rights, not tied to a person or workload."
# custom:
#   id: tf-azure-acr-admin-enabled
#   input: terraform
#   severity: medium
#   cwe: [CWE-798]
#   benchmark:
#     - "CIS Microsoft Azure Foundations Benchmark 9.x (ACR)"
#   remediation: "Set `admin_enabled = false` and use Azure AD identities or scoped tokens."
package palisade.checks.terraform.tf_azure_acr_admin_enabled

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q has the shared admin account enabled", [type, r.name]), "path": array.concat(r.path, ["admin_enabled"])} if {
	some type in ["azurerm_container_registry"]
	some r in tf.resources(type)
	tf.is_true(r.r["admin_enabled"])
}
