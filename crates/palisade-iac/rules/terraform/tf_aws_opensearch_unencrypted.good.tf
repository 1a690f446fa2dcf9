resource "aws_opensearch_domain" "x" {
  name = "x"
  encrypt_at_rest {
    enabled = true
  }
}
