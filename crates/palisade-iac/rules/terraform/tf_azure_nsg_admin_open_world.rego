# METADATA
# title: "Azure network security rule opens SSH or RDP to the internet"
# description: "An inbound Allow rule from `*`, `Internet` or `0.0.0.0/0` to port 22 or 3389 exposes remote administration to the whole internet."
# custom:
#   id: tf-azure-nsg-admin-open-world
#   input: terraform
#   severity: high
#   cwe: [CWE-284]
#   benchmark:
#     - "CIS Microsoft Azure Foundations Benchmark 6.1"
#     - "CIS Microsoft Azure Foundations Benchmark 6.2"
#   remediation: "Restrict `source_address_prefix` to known networks or use Azure Bastion."
package palisade.checks.terraform.tf_azure_nsg_admin_open_world

import rego.v1
import data.palisade.lib.terraform as tf

world := {"*", "0.0.0.0/0", "0.0.0.0", "Internet", "Any", "<nw>/0", "/0"}

admin_port(p) if {
	some port in [22, 3389]
	port_in(p, port)
}

port_in(p, _) if p == "*"

port_in(p, port) if tf.num(p) == port

port_in(p, port) if {
	parts := split(p, "-")
	count(parts) == 2
	tf.num(parts[0]) <= port
	tf.num(parts[1]) >= port
}

open_rule(rule) if {
	lower(object.get(rule, "direction", "")) == "inbound"
	lower(object.get(rule, "access", "")) == "allow"
	object.get(rule, "source_address_prefix", "") in world
	admin_port(object.get(rule, "destination_port_range", ""))
}

deny contains {"msg": sprintf("network security rule %q opens SSH/RDP to the internet", [r.name]), "path": array.concat(r.path, ["source_address_prefix"])} if {
	some r in tf.resources("azurerm_network_security_rule")
	open_rule(r.r)
}

deny contains {"msg": sprintf("network security group %q opens SSH/RDP to the internet", [r.name]), "path": array.concat(b.path, ["source_address_prefix"])} if {
	some r in tf.resources("azurerm_network_security_group")
	some b in tf.blocks(r.r, "security_rule", r.path)
	open_rule(b.b)
}
