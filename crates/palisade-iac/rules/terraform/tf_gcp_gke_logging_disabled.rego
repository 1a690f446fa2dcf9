# METADATA
# title: "GKE cluster logging turned off"
# description: "`logging_service = \"none\"` (or an empty `logging_config`) stops Cloud Logging of the control plane and workloads: there is nothing to investigate an incident with."
# custom:
#   id: tf-gcp-gke-logging-disabled
#   input: terraform
#   severity: medium
#   cwe: [CWE-778]
#   benchmark:
#     - "CIS Google Kubernetes Engine Benchmark 5.7.1"
#   remediation: "Use `logging_service = \"logging.googleapis.com/kubernetes\"` (the default) or enable the components in `logging_config`."
package palisade.checks.terraform.tf_gcp_gke_logging_disabled

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("GKE cluster %q does not send logs to Cloud Logging", [r.name]), "path": array.concat(r.path, ["logging_service"])} if {
	some r in tf.resources("google_container_cluster")
	r.r.logging_service == "none"
}
