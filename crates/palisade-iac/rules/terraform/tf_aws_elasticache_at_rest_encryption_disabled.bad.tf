resource "aws_elasticache_replication_group" "x" {
  name = "x"
  at_rest_encryption_enabled = false # expect: tf-aws-elasticache-at-rest-encryption-disabled
}
