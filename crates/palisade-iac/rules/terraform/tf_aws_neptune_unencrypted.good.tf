resource "aws_neptune_cluster" "x" {
  name = "x"
  storage_encrypted = true
}
