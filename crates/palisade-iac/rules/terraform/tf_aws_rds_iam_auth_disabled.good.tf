resource "aws_db_instance" "x" {
  name = "x"
  iam_database_authentication_enabled = true
}
