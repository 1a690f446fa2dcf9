resource "aws_lambda_function_url" "x" {
  name = "x"
  authorization_type = "NONE" # expect: tf-aws-lambda-url-unauthenticated
}
