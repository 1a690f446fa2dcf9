resource "aws_elasticache_replication_group" "x" {
  name = "x"
  at_rest_encryption_enabled = true
}
