resource "aws_dms_replication_instance" "x" {
  name = "x"
  publicly_accessible = false
}
