resource "aws_s3_bucket_public_access_block" "b" {
  bucket                  = aws_s3_bucket.b.id
  block_public_acls       = true
  block_public_policy     = false # expect: tf-aws-s3-public-access-block-disabled
  ignore_public_acls      = true
  restrict_public_buckets = true
}
