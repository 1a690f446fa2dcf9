# METADATA
# title: "Azure PostgreSQL checkpoint logging off"
# description: "With `log_checkpoints` off, the server does not log checkpoints, which are needed to investigate performance and recovery problems and are part of the CIS logging baseline."
# custom:
#   id: tf-azure-postgres-log-checkpoints-off
#   input: terraform
#   severity: low
#   cwe: [CWE-778]
#   benchmark:
#     - "CIS Microsoft Azure Foundations Benchmark 4.3.2"
#   remediation: "Set the `log_checkpoints` configuration to `on`."
package palisade.checks.terraform.tf_azure_postgres_log_checkpoints_off

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("configuration %q turns %s off", [r.name, r.r.name]), "path": array.concat(r.path, ["value"])} if {
	some type in ["azurerm_postgresql_configuration", "azurerm_postgresql_flexible_server_configuration"]
	some r in tf.resources(type)
	r.r.name in {"log_checkpoints", "log_connections", "log_disconnections", "connection_throttling"}
	lower(r.r.value) == "off"
}
