# METADATA
# title: "Azure SQL reachable from public networks"
# description: "With public network access on, the server listens on a public endpoint guarded only by firewall rules."
# custom:
#   id: tf-azure-sql-public-network
#   input: terraform
#   severity: medium
#   cwe: [CWE-284]
#   benchmark:
#     - "CIS Microsoft Azure Foundations Benchmark 4.1"
#   remediation: "Set `public_network_access_enabled = false` and use private endpoints."
package palisade.checks.terraform.tf_azure_sql_public_network

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q is reachable from public networks", [type, r.name]), "path": array.concat(r.path, ["public_network_access_enabled"])} if {
	some type in ["azurerm_mssql_server"]
	some r in tf.resources(type)
	tf.is_true(r.r["public_network_access_enabled"])
}
