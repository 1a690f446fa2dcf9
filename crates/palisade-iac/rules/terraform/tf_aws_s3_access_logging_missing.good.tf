resource "aws_s3_bucket" "data" {
  bucket = "app-data"
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = "audit-logs"
  target_prefix = "app-data/"
}
