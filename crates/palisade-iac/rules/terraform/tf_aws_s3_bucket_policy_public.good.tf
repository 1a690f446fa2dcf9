resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = "arn:aws:s3:::site/*"
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
