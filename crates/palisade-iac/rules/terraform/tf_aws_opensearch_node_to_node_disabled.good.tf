resource "aws_opensearch_domain" "x" {
  name = "x"
  node_to_node_encryption {
    enabled = true
  }
}
