# METADATA
# title: "Key Vault accepts every network"
# description: "A Key Vault whose network ACLs default to `Allow` can be reached from any network."
# custom:
#   id: tf-azure-keyvault-network-open
#   input: terraform
#   severity: medium
#   cwe: [CWE-284]
#   benchmark:
#     - "CIS Microsoft Azure Foundations Benchmark 8.7"
#   remediation: "Set `network_acls { default_action = \"Deny\" ... }` and allow specific networks or private endpoints."
package palisade.checks.terraform.tf_azure_keyvault_network_open

import rego.v1
import data.palisade.lib.terraform as tf

bad_values := ["Allow"]

deny contains {"msg": sprintf("%s %q accepts every network", [type, r.name]), "path": array.concat(b.path, ["default_action"])} if {
	some type in ["azurerm_key_vault"]
	some r in tf.resources(type)
	some b in tf.blocks(r.r, "network_acls", r.path)
	object.get(b.b, "default_action", "__missing__") in bad_values
}
