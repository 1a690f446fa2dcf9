resource "aws_elasticache_replication_group" "x" {
  name = "x"
  transit_encryption_enabled = false # expect: tf-aws-elasticache-transit-encryption-disabled
}
