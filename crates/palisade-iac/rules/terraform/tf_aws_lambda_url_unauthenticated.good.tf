resource "aws_lambda_function_url" "x" {
  name = "x"
  authorization_type = "AWS_IAM"
}
