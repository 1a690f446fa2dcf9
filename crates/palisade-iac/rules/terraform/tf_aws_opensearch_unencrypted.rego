# METADATA
# title: "OpenSearch domain not encrypted at rest"
# description: "Without encryption at rest, indices and snapshots are stored unencrypted."
# custom:
#   id: tf-aws-opensearch-unencrypted
#   input: terraform
#   severity: medium
#   cwe: [CWE-311]
#   benchmark:
#     - "AWS Foundational Security Best Practices OpenSearch.1"
#   remediation: "Set `encrypt_at_rest { enabled = true }`."
package palisade.checks.terraform.tf_aws_opensearch_unencrypted

import rego.v1
import data.palisade.lib.terraform as tf

bad_values := [false]

deny contains {"msg": sprintf("%s %q does not encrypt data at rest", [type, r.name]), "path": array.concat(b.path, ["enabled"])} if {
	some type in ["aws_opensearch_domain", "aws_elasticsearch_domain"]
	some r in tf.resources(type)
	some b in tf.blocks(r.r, "encrypt_at_rest", r.path)
	object.get(b.b, "enabled", "__missing__") in bad_values
}
