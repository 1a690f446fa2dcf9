resource "aws_elasticache_replication_group" "x" {
  name = "x"
  transit_encryption_enabled = true
}
