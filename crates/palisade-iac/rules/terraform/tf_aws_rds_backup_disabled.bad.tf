resource "aws_db_instance" "x" {
  name = "x"
  backup_retention_period = 0 # expect: tf-aws-rds-backup-disabled
}
