# METADATA
# title: "Serial port access enabled on a VM"
# description: "Interactive serial console access bypasses network controls and firewall rules."
# custom:
#   id: tf-gcp-compute-serial-port-enabled
#   input: terraform
#   severity: medium
#   cwe: [CWE-284]
#   benchmark:
#     - "CIS Google Cloud Platform Foundation Benchmark 4.5"
#   remediation: "Remove `serial-port-enable` from the instance metadata (or set it to false)."
package palisade.checks.terraform.tf_gcp_compute_serial_port_enabled

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q enables the serial port console", [type, r.name]), "path": array.concat(r.path, ["metadata", "serial-port-enable"])} if {
	some type in ["google_compute_instance", "google_compute_instance_template"]
	some r in tf.resources(type)
	lower(sprintf("%v", [r.r.metadata["serial-port-enable"]])) in {"true", "1"}
}
