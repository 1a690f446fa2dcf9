resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*" # expect: tf-aws-s3-bucket-policy-public
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::site/*"
    }]
  })
}
