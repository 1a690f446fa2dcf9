resource "aws_cloudfront_distribution" "x" {
  name = "x"
  viewer_certificate {
    minimum_protocol_version = "SSLv3" # expect: tf-aws-cloudfront-tls-outdated
  }
}
