resource "aws_cloudtrail" "x" {
  name = "x"
  s3_bucket_name = "logs"
  is_multi_region_trail = false # expect: tf-aws-cloudtrail-multi-region-disabled
}
