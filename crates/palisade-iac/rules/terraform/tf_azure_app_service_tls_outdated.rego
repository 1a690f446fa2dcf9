# METADATA
# title: "App Service accepts TLS older than 1.2"
# description: "A minimum TLS version below 1.2 lets clients negotiate protocol versions with known weaknesses."
# custom:
#   id: tf-azure-app-service-tls-outdated
#   input: terraform
#   severity: medium
#   cwe: [CWE-326]
#   benchmark:
#     - "CIS Microsoft Azure Foundations Benchmark 9.3"
#   remediation: "Set `site_config { minimum_tls_version = \"1.2\" }`."
package palisade.checks.terraform.tf_azure_app_service_tls_outdated

import rego.v1
import data.palisade.lib.terraform as tf

bad_values := ["1.0", "1.1"]

deny contains {"msg": sprintf("%s %q accepts old TLS", [type, r.name]), "path": array.concat(b.path, ["minimum_tls_version"])} if {
	some type in ["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app"]
	some r in tf.resources(type)
	some b in tf.blocks(r.r, "site_config", r.path)
	object.get(b.b, "minimum_tls_version", "__missing__") in bad_values
}
