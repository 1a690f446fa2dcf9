resource "aws_cloudfront_distribution" "x" {
  name = "x"
  default_cache_behavior {
    viewer_protocol_policy = "allow-all" # expect: tf-aws-cloudfront-http-allowed
  }
}
