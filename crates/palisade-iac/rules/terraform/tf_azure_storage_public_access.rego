# METADATA
# title: "Azure storage account allows public blob access"
# description: "`allow_nested_items_to_be_public = true` (or the older `allow_blob_public_access`) lets containers in the account be made readable by anyone."
# custom:
#   id: tf-azure-storage-public-access
#   input: terraform
#   severity: high
#   cwe: [CWE-732]
#   benchmark:
#     - "CIS Microsoft Azure Foundations Benchmark 3.7"
#   remediation: "Set `allow_nested_items_to_be_public = false`."
package palisade.checks.terraform.tf_azure_storage_public_access

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("storage account %q allows public blob access", [r.name]), "path": array.concat(r.path, [k])} if {
	some r in tf.resources("azurerm_storage_account")
	some k in ["allow_nested_items_to_be_public", "allow_blob_public_access"]
	tf.is_true(r.r[k])
}
