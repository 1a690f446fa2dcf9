# METADATA
# title: "Cloud SQL reachable from any address"
# description: "An authorized network of `0.0.0.0/0` on a Cloud SQL instance with a public IP lets the whole internet try to connect."
# custom:
#   id: tf-gcp-sql-public-ip-open
#   input: terraform
#   severity: high
#   cwe: [CWE-284]
#   benchmark:
#     - "CIS Google Cloud Platform Foundation Benchmark 6.5"
#   remediation: "Remove the `0.0.0.0/0` authorized network; use private IP or the Cloud SQL Auth Proxy."
package palisade.checks.terraform.tf_gcp_sql_public_ip_open

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("Cloud SQL instance %q authorises 0.0.0.0/0", [r.name]), "path": array.concat(n.path, ["value"])} if {
	some r in tf.resources("google_sql_database_instance")
	some s in tf.blocks(r.r, "settings", r.path)
	some ip in tf.blocks(s.b, "ip_configuration", s.path)
	some n in tf.blocks(ip.b, "authorized_networks", ip.path)
	n.b.value == "0.0.0.0/0"
}
