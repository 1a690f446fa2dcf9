resource "aws_opensearch_domain" "x" {
  name = "x"
  encrypt_at_rest {
    enabled = false # expect: tf-aws-opensearch-unencrypted
  }
}
