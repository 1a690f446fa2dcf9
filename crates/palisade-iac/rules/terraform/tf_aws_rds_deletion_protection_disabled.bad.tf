resource "aws_db_instance" "x" {
  name = "x"
  deletion_protection = false # expect: tf-aws-rds-deletion-protection-disabled
}
