# METADATA
# title: "Azure storage account accepts old TLS"
# description: "A `min_tls_version` below TLS1_2 lets clients connect with protocol versions that have known weaknesses."
# custom:
#   id: tf-azure-storage-tls-outdated
#   input: terraform
#   severity: medium
#   cwe: [CWE-326]
#   benchmark:
#     - "CIS Microsoft Azure Foundations Benchmark 3.15"
#   remediation: "Set `min_tls_version = \"TLS1_2\"`."
package palisade.checks.terraform.tf_azure_storage_tls_outdated

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("storage account %q accepts %s", [r.name, r.r.min_tls_version]), "path": array.concat(r.path, ["min_tls_version"])} if {
	some r in tf.resources("azurerm_storage_account")
	r.r.min_tls_version in {"TLS1_0", "TLS1_1"}
}
