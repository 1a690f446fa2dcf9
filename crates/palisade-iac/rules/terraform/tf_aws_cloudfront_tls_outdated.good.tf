resource "aws_cloudfront_distribution" "x" {
  name = "x"
  viewer_certificate {
    minimum_protocol_version = "TLSv1.2_2021"
  }
}
