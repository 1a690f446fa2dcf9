resource "aws_cloudfront_distribution" "x" {
  name = "x"
  default_cache_behavior {
    viewer_protocol_policy = "redirect-to-https"
  }
}
