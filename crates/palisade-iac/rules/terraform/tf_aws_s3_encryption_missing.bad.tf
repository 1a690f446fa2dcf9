# expect: tf-aws-s3-encryption-missing
resource "aws_s3_bucket" "logs" {
  bucket = "app-logs"
}
