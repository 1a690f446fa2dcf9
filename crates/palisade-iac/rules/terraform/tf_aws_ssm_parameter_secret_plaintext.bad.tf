resource "aws_ssm_parameter" "db_password" {
  name  = "/app/db_password"
  type  = "String" # expect: tf-aws-ssm-parameter-secret-plaintext
  value = var.db_password
}
