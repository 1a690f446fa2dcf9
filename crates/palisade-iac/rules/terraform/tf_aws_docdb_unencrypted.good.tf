resource "aws_docdb_cluster" "x" {
  name = "x"
  storage_encrypted = true
}
