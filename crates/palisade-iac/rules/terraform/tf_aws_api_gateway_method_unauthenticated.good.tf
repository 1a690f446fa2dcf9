resource "aws_api_gateway_method" "m" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.r.id
  http_method   = "POST"
  authorization = "AWS_IAM"
}
