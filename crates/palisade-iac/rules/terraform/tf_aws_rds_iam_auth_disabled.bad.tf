resource "aws_db_instance" "x" {
  name = "x"
  iam_database_authentication_enabled = false # expect: tf-aws-rds-iam-auth-disabled
}
