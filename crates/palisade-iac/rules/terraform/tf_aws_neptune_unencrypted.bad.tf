resource "aws_neptune_cluster" "x" {
  name = "x"
  storage_encrypted = false # expect: tf-aws-neptune-unencrypted
}
