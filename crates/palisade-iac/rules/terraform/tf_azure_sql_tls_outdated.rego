# METADATA
# title: "Azure SQL accepts TLS older than 1.2"
# description: "A minimum TLS version below 1.2 lets clients negotiate protocol versions with known weaknesses."
# custom:
#   id: tf-azure-sql-tls-outdated
#   input: terraform
#   severity: medium
#   cwe: [CWE-326]
#   benchmark:
#     - "CIS Microsoft Azure Foundations Benchmark 4.1"
#   remediation: "Set `minimum_tls_version = \"1.2\"`."
package palisade.checks.terraform.tf_azure_sql_tls_outdated

import rego.v1
import data.palisade.lib.terraform as tf

bad_values := ["1.0", "1.1", "Disabled"]

deny contains {"msg": sprintf("%s %q accepts old TLS (%v)", [type, r.name, r.r["minimum_tls_version"]]), "path": array.concat(r.path, ["minimum_tls_version"])} if {
	some type in ["azurerm_mssql_server"]
	some r in tf.resources(type)
	r.r["minimum_tls_version"] in bad_values
}
