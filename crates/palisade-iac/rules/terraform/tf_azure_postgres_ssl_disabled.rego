# METADATA
# title: "Azure database does not enforce SSL"
# description: "With SSL enforcement off, clients may connect in clear text and send credentials and data unencrypted."
# custom:
#   id: tf-azure-postgres-ssl-disabled
#   input: terraform
#   severity: high
#   cwe: [CWE-319]
#   benchmark:
#     - "CIS Microsoft Azure Foundations Benchmark 4.3.1"
#   remediation: "Set `ssl_enforcement_enabled = true` and a `ssl_minimal_tls_version_enforced` of `TLS1_2`."
package palisade.checks.terraform.tf_azure_postgres_ssl_disabled

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q does not enforce SSL", [type, r.name]), "path": array.concat(r.path, ["ssl_enforcement_enabled"])} if {
	some type in ["azurerm_postgresql_server", "azurerm_mysql_server"]
	some r in tf.resources(type)
	not tf.is_true(object.get(r.r, "ssl_enforcement_enabled", false))
	not tf.unknown(object.get(r.r, "ssl_enforcement_enabled", false))
}
