# METADATA
# title: "Linux VM allows password login"
# description: "A Linux VM that accepts SSH passwords can be brute-forced; keys are not guessable."
# custom:
#   id: tf-azure-vm-password-auth
#   input: terraform
#   severity: medium
#   cwe: [CWE-521]
#   benchmark:
#     - "CIS Microsoft Azure Foundations Benchmark 7.x"
#   remediation: "Set `disable_password_authentication = true` and use `admin_ssh_key`."
package palisade.checks.terraform.tf_azure_vm_password_auth

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q accepts SSH passwords", [type, r.name]), "path": array.concat(r.path, ["disable_password_authentication"])} if {
	some type in ["azurerm_linux_virtual_machine"]
	some r in tf.resources(type)
	not tf.is_true(object.get(r.r, "disable_password_authentication", false))
	not tf.unknown(object.get(r.r, "disable_password_authentication", false))
}
