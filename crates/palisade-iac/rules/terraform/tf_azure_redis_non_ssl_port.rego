# METADATA
# title: "Azure Cache for Redis opens its non-TLS port"
# description: "The non-SSL port (6379) carries commands, data and the access key in clear text."
# custom:
#   id: tf-azure-redis-non-ssl-port
#   input: terraform
#   severity: medium
#   cwe: [CWE-319]
#   benchmark:
#     - "CIS Microsoft Azure Foundations Benchmark 4.x (Redis)"
#   remediation: "Set `non_ssl_port_enabled = false` (`enable_non_ssl_port` in provider 3.x)."
package palisade.checks.terraform.tf_azure_redis_non_ssl_port

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q opens the plain-text port", [type, r.name]), "path": array.concat(r.path, ["non_ssl_port_enabled"])} if {
	some type in ["azurerm_redis_cache"]
	some r in tf.resources(type)
	tf.is_true(r.r["non_ssl_port_enabled"])
}
