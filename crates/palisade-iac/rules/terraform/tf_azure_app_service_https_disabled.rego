# METADATA
# title: "App Service accepts plain HTTP"
# description: "Without `https_only`, the app answers over plain HTTP, exposing sessions and data on the network."
# custom:
#   id: tf-azure-app-service-https-disabled
#   input: terraform
#   severity: medium
#   cwe: [CWE-319]
#   benchmark:
#     - "CIS Microsoft Azure Foundations Benchmark 9.2"
#   remediation: "Set `https_only = true`."
package palisade.checks.terraform.tf_azure_app_service_https_disabled

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q accepts plain HTTP", [type, r.name]), "path": array.concat(r.path, ["https_only"])} if {
	some type in ["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_app_service", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_function_app"]
	some r in tf.resources(type)
	not tf.is_true(object.get(r.r, "https_only", false))
	not tf.unknown(object.get(r.r, "https_only", false))
}
