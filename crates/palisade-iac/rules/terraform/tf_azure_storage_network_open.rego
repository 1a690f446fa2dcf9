# METADATA
# title: "Azure storage network rules allow all networks"
# description: "A storage account whose network rules default to `Allow` accepts connections from every network, including the internet."
# custom:
#   id: tf-azure-storage-network-open
#   input: terraform
#   severity: medium
#   cwe: [CWE-284]
#   benchmark:
#     - "CIS Microsoft Azure Foundations Benchmark 3.8"
#   remediation: "Set `default_action = \"Deny\"` and allow specific subnets or IP ranges."
package palisade.checks.terraform.tf_azure_storage_network_open

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q allows every network by default", [type, r.name]), "path": path} if {
	some type in ["azurerm_storage_account", "azurerm_storage_account_network_rules"]
	some r in tf.resources(type)
	some x in rules(r)
	x.rule.default_action == "Allow"
	path := array.concat(x.path, ["default_action"])
}

rules(r) := [{"rule": b.b, "path": b.path} | some b in tf.blocks(r.r, "network_rules", r.path)] if r.r.network_rules

rules(r) := [{"rule": r.r, "path": r.path}] if not r.r.network_rules
