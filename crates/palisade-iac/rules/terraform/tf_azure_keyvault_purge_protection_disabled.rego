# METADATA
# title: "Key Vault purge protection off"
# description: "Without purge protection, a deleted vault or key can be purged at once, destroying every secret and the data encrypted with its keys."
# custom:
#   id: tf-azure-keyvault-purge-protection-disabled
#   input: terraform
#   severity: medium
#   cwe: [CWE-693]
#   benchmark:
#     - "CIS Microsoft Azure Foundations Benchmark 8.5"
#   remediation: "Set `purge_protection_enabled = true`."
package palisade.checks.terraform.tf_azure_keyvault_purge_protection_disabled

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q can be purged without protection", [type, r.name]), "path": array.concat(r.path, ["purge_protection_enabled"])} if {
	some type in ["azurerm_key_vault"]
	some r in tf.resources(type)
	not tf.is_true(object.get(r.r, "purge_protection_enabled", false))
	not tf.unknown(object.get(r.r, "purge_protection_enabled", false))
}
