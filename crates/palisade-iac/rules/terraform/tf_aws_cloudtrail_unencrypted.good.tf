resource "aws_cloudtrail" "t" {
  name           = "t"
  s3_bucket_name = "logs"
  kms_key_id     = aws_kms_key.trail.arn
}
