# METADATA
# title: "Azure storage accepts plain HTTP"
# description: "With secure transfer off, the storage account accepts requests over plain HTTP, exposing data and shared keys on the network."
# custom:
#   id: tf-azure-storage-https-disabled
#   input: terraform
#   severity: medium
#   cwe: [CWE-319]
#   benchmark:
#     - "CIS Microsoft Azure Foundations Benchmark 3.1"
#   remediation: "Set `https_traffic_only_enabled = true` (`enable_https_traffic_only` in provider 3.x)."
package palisade.checks.terraform.tf_azure_storage_https_disabled

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q accepts plain HTTP", [type, r.name]), "path": array.concat(r.path, ["https_traffic_only_enabled"])} if {
	some type in ["azurerm_storage_account"]
	some r in tf.resources(type)
	not tf.is_true(object.get(r.r, "https_traffic_only_enabled", false))
	not tf.unknown(object.get(r.r, "https_traffic_only_enabled", false))
}
