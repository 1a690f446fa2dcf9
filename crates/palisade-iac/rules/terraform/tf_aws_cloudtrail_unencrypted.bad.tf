# expect: tf-aws-cloudtrail-unencrypted
resource "aws_cloudtrail" "t" {
  name           = "t"
  s3_bucket_name = "logs"
}
