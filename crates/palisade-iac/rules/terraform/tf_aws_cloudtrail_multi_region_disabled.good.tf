resource "aws_cloudtrail" "x" {
  name = "x"
  s3_bucket_name = "logs"
  is_multi_region_trail = true
}
