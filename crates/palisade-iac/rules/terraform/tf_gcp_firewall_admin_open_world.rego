# METADATA
# title: "GCP firewall opens SSH or RDP to the internet"
# description: "A firewall rule that allows ports 22 or 3389 from `0.0.0.0/0` exposes remote administration to the whole internet."
# custom:
#   id: tf-gcp-firewall-admin-open-world
#   input: terraform
#   severity: high
#   cwe: [CWE-284]
#   benchmark:
#     - "CIS Google Cloud Platform Foundation Benchmark 3.6"
#     - "CIS Google Cloud Platform Foundation Benchmark 3.7"
#   remediation: "Restrict `source_ranges`, or use Identity-Aware Proxy TCP forwarding (`35.235.240.0/20`)."
package palisade.checks.terraform.tf_gcp_firewall_admin_open_world

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("firewall %q opens port %v to the internet", [r.name, port]), "path": array.concat(r.path, ["source_ranges"])} if {
	some r in tf.resources("google_compute_firewall")
	object.get(r.r, "direction", "INGRESS") == "INGRESS"
	"0.0.0.0/0" in object.get(r.r, "source_ranges", [])
	some a in tf.blocks(r.r, "allow", r.path)
	some port in [22, 3389]
	opens(a.b, port)
}

opens(allow, _) if allow.protocol == "all"

opens(allow, port) if {
	allow.protocol == "tcp"
	not allow.ports
	port > 0
}

opens(allow, port) if {
	allow.protocol == "tcp"
	some p in allow.ports
	in_range(p, port)
}

in_range(p, port) if tf.num(p) == port

in_range(p, port) if {
	parts := split(p, "-")
	count(parts) == 2
	tf.num(parts[0]) <= port
	tf.num(parts[1]) >= port
}
