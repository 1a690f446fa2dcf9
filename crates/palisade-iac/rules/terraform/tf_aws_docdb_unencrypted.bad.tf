resource "aws_docdb_cluster" "x" {
  name = "x"
  storage_encrypted = false # expect: tf-aws-docdb-unencrypted
}
