# METADATA
# title: "RDS instance publicly accessible"
# description: "`publicly_accessible = true` gives the database a public address; it is then one security group mistake away from the internet."
# custom:
#   id: tf-aws-rds-public
#   input: terraform
#   severity: high
#   cwe: [CWE-284]
#   benchmark:
#     - "CIS AWS Foundations Benchmark 2.3.3"
#   remediation: "Set `publicly_accessible = false` and reach the database from inside the VPC (bastion, VPN, PrivateLink)."
package palisade.checks.terraform.tf_aws_rds_public

import rego.v1
import data.palisade.lib.terraform as tf

deny contains {"msg": sprintf("%s %q is publicly accessible", [type, r.name]), "path": array.concat(r.path, ["publicly_accessible"])} if {
	some type in ["aws_db_instance", "aws_rds_cluster_instance"]
	some r in tf.resources(type)
	tf.is_true(r.r.publicly_accessible)
}
