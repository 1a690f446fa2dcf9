# METADATA
# title: "VM can forward IP packets"
# description: "IP forwarding lets the VM send and receive packets with any source or destination, so it can route around firewall rules."
# custom:
#   id: tf-gcp-compute-ip-forwarding
#   input: terraform
#   severity: low
#   cwe: [CWE-284]
#   benchmark:
#     - "CIS Google Cloud Platform Foundation Benchmark 4.6"
#   remediation: "Set `can_ip_forward = false` unless the VM is a router or NAT."
package palisade.checks.terraform.tf_gcp_compute_ip_forwarding

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q can forward packets", [type, r.name]), "path": array.concat(r.path, ["can_ip_forward"])} if {
	some type in ["google_compute_instance"]
	some r in tf.resources(type)
	tf.is_true(r.r["can_ip_forward"])
}
