# METADATA
# title: "Redshift cluster publicly accessible"
# description: "`publicly_accessible = true` gives the data warehouse a public address."
# custom:
#   id: tf-aws-redshift-public
#   input: terraform
#   severity: high
#   cwe: [CWE-284]
#   benchmark:
#     - "AWS Foundational Security Best Practices Redshift.1"
#   remediation: "Set `publicly_accessible = false`."
package palisade.checks.terraform.tf_aws_redshift_public

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q is publicly accessible", [type, r.name]), "path": array.concat(r.path, ["publicly_accessible"])} if {
	some type in ["aws_redshift_cluster"]
	some r in tf.resources(type)
	tf.is_true(r.r["publicly_accessible"])
}
