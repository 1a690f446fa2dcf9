resource "aws_db_instance" "x" {
  name = "x"
  backup_retention_period = 7
}
