# METADATA
# title: "OpenSearch node-to-node encryption off"
# description: "Without node-to-node encryption, data moves between cluster nodes in clear text."
# custom:
#   id: tf-aws-opensearch-node-to-node-disabled
#   input: terraform
#   severity: medium
#   cwe: [CWE-319]
#   benchmark:
#     - "AWS Foundational Security Best Practices OpenSearch.3"
#   remediation: "Set `node_to_node_encryption { enabled = true }`."
package palisade.checks.terraform.tf_aws_opensearch_node_to_node_disabled

import rego.v1
import data.palisade.lib.terraform as tf

bad_values := [false]

deny contains {"msg": sprintf("%s %q does not encrypt node-to-node traffic", [type, r.name]), "path": array.concat(b.path, ["enabled"])} if {
	some type in ["aws_opensearch_domain", "aws_elasticsearch_domain"]
	some r in tf.resources(type)
	some b in tf.blocks(r.r, "node_to_node_encryption", r.path)
	object.get(b.b, "enabled", "__missing__") in bad_values
}
