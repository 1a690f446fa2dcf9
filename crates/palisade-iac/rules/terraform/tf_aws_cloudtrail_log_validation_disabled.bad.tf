resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "trail-logs"
  enable_log_file_validation = false # expect: tf-aws-cloudtrail-log-validation-disabled
}
