# METADATA
# title: "Cloud SQL does not require SSL"
# description: "Without `require_ssl` (or an encrypted `ssl_mode`), clients may connect in clear text."
# custom:
#   id: tf-gcp-sql-ssl-not-required
#   input: terraform
#   severity: high
#   cwe: [CWE-319]
#   benchmark:
#     - "CIS Google Cloud Platform Foundation Benchmark 6.7"
#   remediation: "Set `ip_configuration { ssl_mode = \"ENCRYPTED_ONLY\" }` (or `require_ssl = true` on older providers)."
package palisade.checks.terraform.tf_gcp_sql_ssl_not_required

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("Cloud SQL instance %q does not require SSL", [r.name]), "path": ip.path} if {
	some r in tf.resources("google_sql_database_instance")
	some s in tf.blocks(r.r, "settings", r.path)
	some ip in tf.blocks(s.b, "ip_configuration", s.path)
	not tf.is_true(object.get(ip.b, "require_ssl", false))
	not object.get(ip.b, "ssl_mode", "") in {"ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}
	not tf.is_false(object.get(ip.b, "ipv4_enabled", true))
}
