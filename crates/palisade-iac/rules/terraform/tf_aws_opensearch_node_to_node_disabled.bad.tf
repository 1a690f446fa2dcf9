resource "aws_opensearch_domain" "x" {
  name = "x"
  node_to_node_encryption {
    enabled = false # expect: tf-aws-opensearch-node-to-node-disabled
  }
}
