# METADATA
# title: "Azure SQL firewall allows the whole internet"
# description: "A firewall rule from `0.0.0.0` to `255.255.255.255` lets any address try to log in to the database server."
# custom:
#   id: tf-azure-sql-firewall-open-world
#   input: terraform
#   severity: high
#   cwe: [CWE-284]
#   benchmark:
#     - "CIS Microsoft Azure Foundations Benchmark 4.1.2"
#   remediation: "Allow specific address ranges, or use private endpoints."
package palisade.checks.terraform.tf_azure_sql_firewall_open_world

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("firewall rule %q allows every address", [r.name]), "path": array.concat(r.path, ["end_ip_address"])} if {
	some type in ["azurerm_mssql_firewall_rule", "azurerm_sql_firewall_rule", "azurerm_postgresql_firewall_rule", "azurerm_mysql_firewall_rule", "azurerm_postgresql_flexible_server_firewall_rule", "azurerm_mysql_flexible_server_firewall_rule"]
	some r in tf.resources(type)
	r.r.start_ip_address == "0.0.0.0"
	r.r.end_ip_address == "255.255.255.255"
}
