# METADATA
# title: "GKE legacy ABAC enabled"
# description: "Legacy ABAC grants broad static permissions that RBAC cannot restrict."
# custom:
#   id: tf-gcp-gke-legacy-abac
#   input: terraform
#   severity: high
#   cwe: [CWE-285]
#   benchmark:
#     - "CIS Google Kubernetes Engine Benchmark 5.8.4"
#   remediation: "Set `enable_legacy_abac = false` and use RBAC."
package palisade.checks.terraform.tf_gcp_gke_legacy_abac

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q uses legacy ABAC", [type, r.name]), "path": array.concat(r.path, ["enable_legacy_abac"])} if {
	some type in ["google_container_cluster"]
	some r in tf.resources(type)
	tf.is_true(r.r["enable_legacy_abac"])
}
